using BenchmarkDotNet.Attributes;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Grok;

namespace LogPipeline.Bench.Parsers;

/// <summary>
/// The grok engine as a user meets it: Apache combined lines through <c>%{COMBINEDAPACHELOG}</c> in a
/// <see cref="GrokFormat"/>, against the naive single-Regex baseline and the built-in hand-written format.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ParsersBenchmarkConfig))]
public class GrokBenchmarks
{
    private const int Events = 10_000;
    private string[] _events = [];
    private GrokFormat _grok = null!;
    private NaiveRegexFormat _naive = null!;
    private FormatLibrary _library = null!;

    [GlobalSetup]
    public void Setup()
    {
        _events = SampleEvents.For("apache.access", Events);
        var options = new ParserOptions { DefaultTimeZone = TimeZoneInfo.Utc };
        var compiled = GrokPatternLibrary.CreateDefault().Compile("%{COMBINEDAPACHELOG}", options);
        _grok = new GrokFormat("apache.access", [compiled.Pattern ?? throw new InvalidOperationException(compiled.Error?.Message)]);
        _naive = NaiveRegexFormat.For("apache.access");
        _library = new FormatLibrary(options);
        if (!_events.All(e => _grok.Parse(e, new EcsDocument())))
        {
            throw new InvalidOperationException("a sample line does not match %{COMBINEDAPACHELOG}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int NaiveRegex() => ParsersBenchmarkConfig.ParseAll(_events, _naive.Parse);

    [Benchmark(OperationsPerInvoke = Events)]
    public int GrokCombinedApacheLog() => ParsersBenchmarkConfig.ParseAll(_events, _grok.Parse);

    [Benchmark(OperationsPerInvoke = Events)]
    public int BuiltInApacheAccess() => ParsersBenchmarkConfig.ParseAll(_events, (text, document) => _library.Parse("apache.access", text, document));
}
