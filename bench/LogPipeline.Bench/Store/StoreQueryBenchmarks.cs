using BenchmarkDotNet.Attributes;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;

namespace LogPipeline.Bench.Store;

/// <summary>
/// Issue 6's four queries on the generated store (see <see cref="StoreDataGenerator"/>), each invocation one query
/// as query-ui would run it, so Median and P95 are per-query latencies. Run with
/// <c>LOGPIPELINE_BENCH_DATA=dir dotnet run -c Release --project bench/LogPipeline.Bench -- --filter '*StoreQuery*' '*RawLogScan*'</c>.
/// </summary>
[Config(typeof(LatencyConfig))]
public class StoreQueryBenchmarks
{
    private SqliteLogStore _store = null!;
    private string _page1000Cursor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = StoreBenchmarkData.StoreDirectory, ReadOnly = true }, new FixedTimeProvider(StoreBenchmarkData.End));
        var request = All(string.Empty) with { TotalCap = 0 };
        for (var page = 1; page < 1000; page++)
        {
            request = request with { Cursor = _store.SearchAsync(request, CancellationToken.None).GetAwaiter().GetResult().NextCursor };
        }

        _page1000Cursor = request.Cursor ?? throw new InvalidOperationException("The store holds fewer than 1,000 pages: generate more events.");
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark(Description = "(a) free text 'xmlrpc', all days")]
    public async Task<long> FreeTextTerm() => (await _store.SearchAsync(All("xmlrpc"), CancellationToken.None)).Total;

    [Benchmark(Description = "(b) path:/wp-login.php AND status:404, 24 h, hits + histogram")]
    public async Task<long> PathAndStatusWithHistogram()
    {
        const string Query = "path:/wp-login.php AND status:404";
        var (from, to) = (StoreBenchmarkData.End.AddDays(-1), StoreBenchmarkData.End);
        var hits = await _store.SearchAsync(new SearchRequest { Query = Query, From = from, To = to }, CancellationToken.None);
        var histogram = await _store.HistogramAsync(new HistogramRequest { Query = Query, From = from, To = to }, CancellationToken.None);
        return hits.Total + histogram.Total;
    }

    [Benchmark(Description = "(c) top 10 ip for path:/wp-login.php, last 7 days")]
    public async Task<int> TopAddresses() => (await _store.TopValuesAsync(
        new TopValuesRequest { Query = "path:/wp-login.php", Field = "ip", Size = 10, From = StoreBenchmarkData.End.AddDays(-7), To = StoreBenchmarkData.End },
        CancellationToken.None)).Values.Count;

    [Benchmark(Description = "(d) page 1,000 by cursor (50 per page), all events")]
    public async Task<int> Page1000() => (await _store.SearchAsync(All(string.Empty) with { Cursor = _page1000Cursor }, CancellationToken.None)).Hits.Count;

    private static SearchRequest All(string query) => new() { Query = query, From = StoreBenchmarkData.Start, To = StoreBenchmarkData.End };

    private sealed class LatencyConfig() : PerRunConfig("latency", 3, 40);
}
