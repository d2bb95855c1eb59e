using LogPipeline.Hosting;
using LogPipeline.Ingest.Bulk;
using LogPipeline.Ingest.Configuration;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Endpoints;
using LogPipeline.Ingest.Observability;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Ingest.Security;
using LogPipeline.Parsers;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;
using Serilog;

namespace LogPipeline.Ingest.Hosting;

/// <summary>Builds and runs the ingest web service.</summary>
internal static class IngestService
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    private static readonly FlagTranslator Flags = new FlagTranslator()
        .Value("--urls", "urls")
        .Value("--data-dir", "Ingest:DataDir")
        .Value("--tokens-file", "Ingest:TokensFile")
        .Value("--config", "ConfigFile")
        .Repeatable("--token", "Ingest:Tokens")
        .Switch("--no-auth", "Ingest:NoAuth");

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args, Console.Error);
        if (app is null)
        {
            return IngestProgram.BadUsage;
        }

        await using (app)
        {
            await app.RunAsync();
        }

        return 0;
    }

    /// <summary>The configured service, or null after writing every configuration error to <paramref name="errors"/>.</summary>
    public static WebApplication? Build(string[] args, TextWriter errors)
    {
        if (!Flags.TryTranslate(args, out var flags, out var flagError))
        {
            errors.WriteLine($"ingest: {flagError}");
            return null;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("LOGPIPELINE_");
        if (flags.TryGetValue("ConfigFile", out var configFile) && configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                errors.WriteLine($"ingest: --config '{configFile}' does not exist");
                return null;
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        builder.Configuration.AddInMemoryCollection(flags);
        var options = new IngestOptions();
        var problems = new List<string>();
        try
        {
            builder.Configuration.GetSection(IngestOptions.Section).Bind(options);
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong type ("yes" for a switch, "lots" for a limit). The binder stops at the first one, so
            // each key is bound again on its own to name every one (the binder's message names the key and the value).
            problems.AddRange(WrongTypes(builder.Configuration.GetSection(IngestOptions.Section)));
        }

        var detection = DetectionOptionsLoader.Load(builder.Configuration.GetSection(DetectionOptions.SectionName), out var detectionProblems);
        problems.AddRange(options.Validate().Concat(detectionProblems));
        var store = StoreSelection.Read(builder.Configuration, IngestOptions.Section, SqliteOptionsFor(options), problems);
        foreach (var problem in problems)
        {
            errors.WriteLine($"ingest: {problem}");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        TokenAuthenticator auth;
        try
        {
            auth = new TokenAuthenticator(options);
        }
        catch (FormatException e)
        {
            errors.WriteLine($"ingest: tokens file: {e.Message}");
            return null;
        }

        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? DefaultUrls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        Directory.CreateDirectory(options.DataDir);
        builder.Logging.ClearProviders().AddSerilog(ServiceLogging.Create(Path.Combine(options.DataDir, "logs", "ingest-.log")), dispose: true);
        Register(builder.Services, options, auth);
        store.Register(builder.Services);
        builder.Services.AddSingleton(detection);
        builder.Services.AddSingleton<ScanDetector>();
        var app = builder.Build();

        // The store repairs what it can on its own (a damaged text index rebuilt): the operator reads it in the log.
        var storeLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LogPipeline.Store");
        store.Sqlite.Warn = message => storeLog.LogWarning("Store: {Repair}", message);
        Map(app);
        if (options.NoAuth)
        {
            app.Logger.LogWarning("Authentication is off (--no-auth): any client that can reach this port can write events");
        }

        return app;
    }

    /// <summary>Every key of the section whose value does not convert to its option's type, as a sentence naming the key and the value.</summary>
    private static IEnumerable<string> WrongTypes(IConfigurationSection section)
    {
        foreach (var child in section.GetChildren().Where(c => c.Value is not null))
        {
            string? problem = null;
            try
            {
                new ConfigurationBuilder().AddInMemoryCollection([new($"{section.Path}:{child.Key}", child.Value)]).Build()
                    .GetSection(section.Path).Bind(new IngestOptions());
            }
            catch (InvalidOperationException e)
            {
                problem = $"{e.Message} Give true or false for a switch, a whole number for a limit.";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    /// <summary>The SQLite store's settings that come from the ingest's own keys.</summary>
    internal static SqliteStoreOptions SqliteOptionsFor(IngestOptions options) => new()
    {
        DataDirectory = options.DataDir,
        RetentionDays = options.RetentionDays,
        SplitTextIndex = options.SplitTextIndex,
        WaitForTextIndex = options.WaitForTextIndex,
    };

    private static void Register(IServiceCollection services, IngestOptions options, TokenAuthenticator auth)
    {
        services.AddSingleton(options);
        services.AddSingleton(auth);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FormatLibrary(new ParserOptions { DefaultTimeZone = ZoneOf(options) }));
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<BatchGate>();
        services.AddSingleton<BatchReader>();
        services.AddSingleton<EventProcessor>();
        services.AddSingleton<EventPipeline>();
        services.AddSingleton<BatchEndpoint>();
        services.AddSingleton<StatusEndpoint>();
        services.AddSingleton<BulkDocumentBuilder>();
        services.AddSingleton<BulkEndpoint>();
        services.AddSingleton<StoreProbe>();
    }

    private static void Map(WebApplication app)
    {
        app.MapPost("/v1/batches", (HttpContext context, BatchEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapPost("/v1/status", (HttpContext context, StatusEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapMethods("/", ["GET", "HEAD"], ElasticsearchApi.RootAsync);
        app.MapMethods("/_bulk", ["POST", "PUT"], (HttpContext context, BulkEndpoint endpoint) => endpoint.HandleAsync(context, null));
        app.MapMethods("/{index}/_bulk", ["POST", "PUT"], (HttpContext context, string index, BulkEndpoint endpoint) => endpoint.HandleAsync(context, index));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async (StoreProbe probe, CancellationToken ct) =>
            await probe.CheckAsync(ct) is { } problem ? Results.Text($"store not ready: {problem}\n", statusCode: 503) : Results.Text("ready\n"));
        app.MapGet("/metrics", (IngestMetrics metrics) => Results.Text(metrics.ToPrometheusText(), "text/plain; version=0.0.4"));
    }

    private static TimeZoneInfo ZoneOf(IngestOptions options) =>
        options.DefaultTimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Local;
}
