using LogPipeline.Hosting;
using LogPipeline.QueryUi.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using LogPipeline.QueryUi.Components;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;
using Serilog;

namespace LogPipeline.QueryUi.Hosting;

/// <summary>Builds and runs the query UI: server-rendered pages plus JSON under <c>/api/</c>.</summary>
internal static class QueryUiService
{
    public const string DefaultUrls = "http://127.0.0.1:5081";
    private const int BadUsage = 2;

    private static readonly FlagTranslator Flags = new FlagTranslator()
        .Value("--urls", "urls")
        .Value("--data-dir", "QueryUi:DataDir")
        .Value("--config", "ConfigFile");

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args, Console.Error);
        if (app is null)
        {
            return BadUsage;
        }

        await using (app)
        {
            await app.RunAsync();
        }

        return 0;
    }

    /// <summary>The configured UI, or null after writing every configuration error to <paramref name="errors"/>.</summary>
    public static WebApplication? Build(string[] args, TextWriter errors)
    {
        if (!Flags.TryTranslate(args, out var flags, out var flagError))
        {
            errors.WriteLine($"query-ui: {flagError}");
            return null;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        builder.Configuration.AddEnvironmentVariables("LOGPIPELINE_");
        if (flags.TryGetValue("ConfigFile", out var configFile) && configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                errors.WriteLine($"query-ui: --config '{configFile}' does not exist");
                return null;
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        builder.Configuration.AddInMemoryCollection(flags);
        var options = new QueryUiOptions();
        builder.Configuration.GetSection(QueryUiOptions.Section).Bind(options);
        var problems = options.Validate().ToList();
        var store = StoreSelection.Read(builder.Configuration, QueryUiOptions.Section, new SqliteStoreOptions { DataDirectory = options.DataDir, ReadOnly = true }, problems);
        foreach (var problem in problems)
        {
            errors.WriteLine($"query-ui: {problem}");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var urls = builder.Configuration["urls"] ?? DefaultUrls;
        if (options.IsOpenAccess && ListenAddresses.FirstNonLoopback(urls) is { } exposed)
        {
            errors.WriteLine($"query-ui: no login is configured (QueryUi:AdminPasswordHash or QueryUi:TrustedProxyHeader), so the UI serves loopback only; '{exposed}' is not a loopback address. Configure a login or listen on 127.0.0.1.");
            return null;
        }

        builder.WebHost.UseUrls(urls);
        Directory.CreateDirectory(options.DataDir);
        builder.Logging.ClearProviders().AddSerilog(ServiceLogging.Create(Path.Combine(options.DataDir, "logs", "query-ui-.log")), dispose: true);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        store.Register(builder.Services);
        builder.Services.AddSingleton<Scans.ScanAnalyzer>();
        builder.Services.AddSingleton<Hosts.HeartbeatReader>();
        builder.Services.AddSingleton<Hosts.HostsReport>();
        builder.Services.AddRazorComponents();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "logpipeline.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
        });
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SameSite = SameSiteMode.Strict);

        var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseMiddleware<AccessGate>();
        app.UseAntiforgery();
        QueryUiEndpoints.Map(app);
        app.MapRazorComponents<App>();
        app.Logger.LogInformation("Query UI reading the store in {DataDir}", Path.GetFullPath(options.DataDir));
        return app;
    }
}
