using System.Diagnostics;
using System.Globalization;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Bench.Detection;

/// <summary>
/// <c>dotnet run -c Release -- detection-overhead</c>: the detection overhead measured in pairs, for a machine too busy
/// for <see cref="DetectionOverheadBenchmarks"/> to separate a few percent from its noise. The same 200 lines go through
/// each variant back to back, thousands of times in alternating order; the low percentiles of each variant's time per
/// line are compared, as interruptions by other processes only ever add time. Variants: ingest's per-event parse step
/// (parse, enrich, build the store record) without and with detection as ingest calls it (on the record), with and
/// without the two substring rules; and, for comparison with earlier figures, the parser alone without and with
/// detection read from the document.
/// </summary>
internal static class PairedOverhead
{
    private const int Chunk = 200;
    private const int Rounds = 6000;
    private const int Warmup = 500;

    public static int Run(TextWriter output)
    {
        var library = new FormatLibrary();
        var processor = new EventProcessor(library, TimeProvider.System);
        var now = processor.Now();
        var document = new EcsDocument();
        foreach (var share in new[] { 0.0, 0.01, 0.30 })
        {
            var lines = AccessLogSample.Lines(10_000, share, seed: 42);
            var incoming = lines.Select((l, i) => new IncomingEvent { Id = $"e{i}", Host = "web1", Dataset = "apache.access", Message = l }).ToArray();
            var withoutPatterns = new DetectionOptions();
            withoutPatterns.Rules.SensitiveFiles.Enabled = false;
            withoutPatterns.Rules.ScannerUserAgents.Enabled = false;
            var all = new ScanDetector(new DetectionOptions(), TimeProvider.System);
            var noSubstring = new ScanDetector(withoutPatterns, TimeProvider.System);
            var onDocument = new ScanDetector(new DetectionOptions(), TimeProvider.System);
            var stepOnDocument = new ScanDetector(new DetectionOptions(), TimeProvider.System);
            var variants = new Func<int, int>[]
            {
                i => Step(i, null),
                i => Step(i, all),
                i => Step(i, noSubstring),
                i => Parse(i, null),
                i => Parse(i, onDocument),
                i => Step(i, stepOnDocument, fromRecord: false),
            };

            int Step(int i, ScanDetector? detector, bool fromRecord = true)
            {
                document.Clear();
                processor.Process(incoming[i], "bench", now, document);
                var record = EventProcessor.ToRecord(incoming[i].Id, document);
                var alerts = detector is null ? 0 : (fromRecord ? detector.Observe(record, document) : detector.Observe(document)).Count;
                return record.DocumentJson.Length + alerts;
            }

            int Parse(int i, ScanDetector? detector)
            {
                var parsed = library.Parse("apache.access", lines[i]);
                parsed.Set("host.name", "web1");
                return parsed.Count + (detector?.Observe(parsed).Count ?? 0);
            }

            var samples = Measure(variants, lines.Length);
            foreach (var q in new[] { 0.10, 0.25 })
            {
                var step = Percentile(samples[0], q);
                var parse = Percentile(samples[3], q);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"matching {share:P0} p{q * 100:F0}: parse step {step:F0} ns/line, +detect {Overhead(samples[1], step, q):F1}%, +detect without substring rules {Overhead(samples[2], step, q):F1}%, +detect on the document {Overhead(samples[5], step, q):F1}% | parser alone {parse:F0} ns/line, +detect on the document {Overhead(samples[4], parse, q):F1}%"));
            }
        }

        return 0;
    }

    private static List<double>[] Measure(Func<int, int>[] variants, int lines)
    {
        var samples = variants.Select(_ => new List<double>(Rounds)).ToArray();
        var sink = 0L;
        for (var round = 0; round < Rounds; round++)
        {
            var start = round * Chunk % lines;
            for (var k = 0; k < variants.Length; k++)
            {
                var v = round % 2 == 0 ? k : variants.Length - 1 - k;
                var watch = Stopwatch.StartNew();
                for (var i = start; i < start + Chunk; i++)
                {
                    sink += variants[v](i);
                }

                if (round >= Warmup)
                {
                    samples[v].Add(watch.Elapsed.TotalNanoseconds / Chunk);
                }
            }
        }

        GC.KeepAlive(sink);
        return samples;
    }

    private static double Overhead(List<double> samples, double baseline, double q) => ((Percentile(samples, q) / baseline) - 1) * 100;

    private static double Percentile(List<double> samples, double q)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)(q * (sorted.Count - 1))];
    }
}
