using BenchmarkDotNet.Attributes;
using LogPipeline.Ingest.Detection;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Bench.Detection;

/// <summary>
/// What scan detection adds to the per-event cost of ingest's parse step. Each operation parses the same 10,000 lines
/// (ratios in one run; docs/benchmarks.md has the figures): <see cref="Parse"/> is the baseline,
/// <see cref="ParseAndDetect"/> what ingest does with the default rules, <see cref="ParseAndDetectWithoutPatternRules"/>
/// the same with the two rules that test every event's URL and user agent for substrings switched off.
/// <see cref="MatchingShare"/> is the share of lines some rule looks at: 1% for ordinary traffic, 30% under attack.
/// </summary>
[MemoryDiagnoser]
public class DetectionOverheadBenchmarks
{
    private const int Lines = 10_000;

    private readonly FormatLibrary _library = new();
    private string[] _lines = [];
    private ScanDetector _detector = null!;
    private ScanDetector _withoutPatterns = null!;

    [Params(0.01, 0.30)]
    public double MatchingShare { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = AccessLogSample.Lines(Lines, MatchingShare, seed: 42);
        _detector = new ScanDetector(new DetectionOptions(), TimeProvider.System);
        var options = new DetectionOptions();
        options.Rules.SensitiveFiles.Enabled = false;
        options.Rules.ScannerUserAgents.Enabled = false;
        _withoutPatterns = new ScanDetector(options, TimeProvider.System);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int Parse()
    {
        var fields = 0;
        foreach (var line in _lines)
        {
            fields += ParseOne(line).Count;
        }

        return fields;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseAndDetect() => ParseAndObserve(_detector);

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseAndDetectWithoutPatternRules() => ParseAndObserve(_withoutPatterns);

    private int ParseAndObserve(ScanDetector detector)
    {
        var fields = 0;
        foreach (var line in _lines)
        {
            var document = ParseOne(line);
            fields += document.Count + detector.Observe(document).Count;
        }

        return fields;
    }

    private EcsDocument ParseOne(string line)
    {
        var document = _library.Parse("apache.access", line);
        document.Set("host.name", "web1");
        return document;
    }
}
