using BenchmarkDotNet.Attributes;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Bench.Detection;

/// <summary>
/// What scan detection adds to the per-event cost of ingest's parse step. Each operation takes the same 10,000 lines
/// through ingest's per-event work — parse, enrich, build the store record (ratios in one run; docs/benchmarks.md has
/// the figures): <see cref="ParseStep"/> is the baseline, <see cref="ParseStepAndDetect"/> what ingest does with the
/// default rules, <see cref="ParseStepAndDetectWithoutPatternRules"/> the same with the two rules that test every
/// event's URL and user agent for substrings switched off. <see cref="MatchingShare"/> is the share of lines some rule
/// looks at: 1% for ordinary traffic, 30% under attack.
/// </summary>
[MemoryDiagnoser]
public class DetectionOverheadBenchmarks
{
    private const int Lines = 10_000;

    private readonly EventProcessor _processor = new(new FormatLibrary(), TimeProvider.System);
    private readonly EcsDocument _document = new();
    private IncomingEvent[] _events = [];
    private IngestClock _now;
    private ScanDetector _detector = null!;
    private ScanDetector _withoutPatterns = null!;

    [Params(0.01, 0.30)]
    public double MatchingShare { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = [.. AccessLogSample.Lines(Lines, MatchingShare, seed: 42).Select((l, i) => new IncomingEvent { Id = $"e{i}", Host = "web1", Dataset = "apache.access", Message = l })];
        _now = _processor.Now();
        _detector = new ScanDetector(new DetectionOptions(), TimeProvider.System);
        var options = new DetectionOptions();
        options.Rules.SensitiveFiles.Enabled = false;
        options.Rules.ScannerUserAgents.Enabled = false;
        _withoutPatterns = new ScanDetector(options, TimeProvider.System);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int ParseStep() => Run(null);

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseStepAndDetect() => Run(_detector);

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseStepAndDetectWithoutPatternRules() => Run(_withoutPatterns);

    private int Run(ScanDetector? detector)
    {
        var total = 0;
        foreach (var incoming in _events)
        {
            _document.Clear();
            _processor.Process(incoming, "bench", _now, _document);
            var record = EventProcessor.ToRecord(incoming.Id, _document);
            total += record.DocumentJson.Length + (detector?.Observe(record, _document).Count ?? 0);
        }

        return total;
    }
}
