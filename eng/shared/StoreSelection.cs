using LogPipeline.Store;
using LogPipeline.Store.Elasticsearch;
using LogPipeline.Store.Sqlite;

namespace LogPipeline.Hosting;

/// <summary>
/// Which store a service uses — <c>&lt;Section&gt;:Store</c> = <c>sqlite</c> (default) or <c>elasticsearch</c> with its
/// settings under <c>&lt;Section&gt;:Elasticsearch</c> — read and validated from configuration, then registered as
/// the <see cref="ILogSink"/> and <see cref="ILogSearch"/>. Shared source (eng/shared) of ingest and query-ui.
/// </summary>
internal sealed class StoreSelection
{
    private StoreSelection(string kind, SqliteStoreOptions sqlite, ElasticsearchStoreOptions? elasticsearch)
    {
        Kind = kind;
        Sqlite = sqlite;
        Elasticsearch = elasticsearch;
    }

    public string Kind { get; }

    public SqliteStoreOptions Sqlite { get; }

    public ElasticsearchStoreOptions? Elasticsearch { get; }

    public static StoreSelection Read(IConfiguration configuration, string section, SqliteStoreOptions sqlite, List<string> errors)
    {
        var kind = (configuration[$"{section}:Store"] ?? "sqlite").Trim().ToLowerInvariant();
        if (kind is not ("sqlite" or "elasticsearch"))
        {
            errors.Add($"{section}:Store is '{kind}': use sqlite or elasticsearch");
            kind = "sqlite";
        }

        ElasticsearchStoreOptions? elasticsearch = null;
        if (kind == "elasticsearch")
        {
            elasticsearch = new ElasticsearchStoreOptions { DeadLetterPath = Path.Combine(sqlite.DataDirectory, "dead-letter", "elasticsearch.ndjson") };
            try
            {
                configuration.GetSection($"{section}:Elasticsearch").Bind(elasticsearch);
                errors.AddRange(elasticsearch.Validate().Select(e => e.Replace("ElasticsearchStoreOptions.", $"{section}:Elasticsearch:", StringComparison.Ordinal)));
            }
            catch (InvalidOperationException e)
            {
                errors.Add($"{section}:Elasticsearch: {e.Message}");
            }
        }
        else
        {
            errors.AddRange(sqlite.Validate());
        }

        return new StoreSelection(kind, sqlite, elasticsearch);
    }

    public void Register(IServiceCollection services)
    {
        if (Elasticsearch is { } options)
        {
            services.AddSingleton(options);
            services.AddSingleton(sp => new ElasticsearchLogStore(options, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ILogSink>(sp => sp.GetRequiredService<ElasticsearchLogStore>());
            services.AddSingleton<ILogSearch>(sp => sp.GetRequiredService<ElasticsearchLogStore>());
            services.AddHostedService<ElasticsearchStartup>();
        }
        else
        {
            services.AddSingleton(sp => new SqliteLogStore(Sqlite, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ILogSink>(sp => sp.GetRequiredService<SqliteLogStore>());
            services.AddSingleton<ILogSearch>(sp => sp.GetRequiredService<SqliteLogStore>());
        }
    }

    /// <summary>
    /// At start: checks the cluster and installs the templates, logging the settings' warnings. A cluster that is
    /// down is no reason not to start — the store retries on first write and /readyz says what is wrong.
    /// </summary>
    private sealed class ElasticsearchStartup(ElasticsearchLogStore store, ElasticsearchStoreOptions options, ILogger<ElasticsearchStartup> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var warning in options.Warnings())
            {
                logger.LogWarning("{Warning}", warning);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                var cluster = await store.InitializeAsync(timeout.Token);
                logger.LogInformation("Elasticsearch store ready: {Cluster}", cluster);
            }
            catch (Exception e) when (e is ElasticsearchStoreException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.LogWarning("Elasticsearch is not ready yet ({Problem}); writes will retry", e.Message);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
