using LogPipeline.Store.Elasticsearch;
using LogPipeline.Store.Tests.Contract;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>
/// The store contract on a real cluster: <c>LOGPIPELINE_ES_URL</c> (comma-separated node URLs), and optionally
/// <c>LOGPIPELINE_ES_USERNAME</c>/<c>LOGPIPELINE_ES_PASSWORD</c> or <c>LOGPIPELINE_ES_API_KEY</c>, and
/// <c>LOGPIPELINE_ES_CA_FILE</c>. Each test writes to its own namespace (<c>logs-*-t&lt;random&gt;</c>) and deletes it
/// afterwards. Skipped (not passed) when the variable is unset.
/// </summary>
[RequiresEnvironmentVariable(UrlVariable, "set it to an Elasticsearch 8 cluster (e.g. http://127.0.0.1:9200) to run the store contract against it")]
public sealed class ElasticsearchContractTests : LogStoreContractTests
{
    public const string UrlVariable = "LOGPIPELINE_ES_URL";

    private readonly TempDirectory _directory = new();
    private ElasticsearchLogStore? _store;
    private bool _initialized;

    public override async Task DisposeAsync()
    {
        if (_store is not null)
        {
            if (_initialized)
            {
                await _store.DeleteAllAsync(CancellationToken.None);
            }

            _store.Dispose();
        }

        _directory.Dispose();
    }

    protected override async Task<(ILogSink Sink, ILogSearch Search)> CreateStoreAsync()
    {
        _store = new ElasticsearchLogStore(OptionsFromEnvironment(_directory.Path), TimeProvider.System);
        await _store.InitializeAsync(CancellationToken.None);
        _initialized = true;
        return (_store, _store);
    }

    protected override Task RefreshAsync() => _store!.RefreshAsync(CancellationToken.None);

    internal static ElasticsearchStoreOptions OptionsFromEnvironment(string directory)
    {
        static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        return new ElasticsearchStoreOptions
        {
            Urls = Variable(UrlVariable)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToArray(),
            Username = Variable("LOGPIPELINE_ES_USERNAME"),
            Password = Variable("LOGPIPELINE_ES_PASSWORD"),
            ApiKey = Variable("LOGPIPELINE_ES_API_KEY"),
            CaFile = Variable("LOGPIPELINE_ES_CA_FILE"),
            Namespace = "t" + Guid.NewGuid().ToString("N")[..12],
            DeadLetterPath = Path.Combine(directory, "dead-letter.ndjson"),
        };
    }
}
