using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Bench.Parsers;

/// <summary>
/// Raw event to finished ECS document, per dataset: our format library against a naive single-Regex baseline, in the
/// same run. One operation is one event; the LinesPerSecond column is events per second on one core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ParsersBenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ParserBenchmarks
{
    private const int Events = 10_000;
    private string[] _events = [];
    private FormatLibrary _library = null!;
    private NaiveRegexFormat _naive = null!;

    [Params("apache.access", "nginx.access", "haproxy.log", "mysql.slowlog", "apache.error", "nginx.error", "mysql.error", "syslog")]
    public string Dataset { get; set; } = "apache.access";

    [GlobalSetup]
    public void Setup()
    {
        _events = SampleEvents.For(Dataset, Events);
        _library = new FormatLibrary(new ParserOptions { DefaultTimeZone = TimeZoneInfo.Utc });
        _naive = NaiveRegexFormat.For(Dataset);
        foreach (var text in _events)
        {
            if (!_library.Parse(Dataset, text, new EcsDocument()) || !_naive.Parse(text, new EcsDocument()))
            {
                throw new InvalidOperationException($"{Dataset}: sample event does not parse: {text}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int NaiveRegex() => ParsersBenchmarkConfig.ParseAll(_events, _naive.Parse);

    [Benchmark(OperationsPerInvoke = Events)]
    public int FormatLibrary() => ParsersBenchmarkConfig.ParseAll(_events, (text, document) => _library.Parse(Dataset, text, document));
}
