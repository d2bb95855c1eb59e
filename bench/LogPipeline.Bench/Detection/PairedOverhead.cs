using System.Diagnostics;
using System.Globalization;
using LogPipeline.Ingest.Detection;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Bench.Detection;

/// <summary>
/// <c>dotnet run -c Release -- detection-overhead</c>: the detection overhead measured in pairs, for a machine too busy
/// for <see cref="DetectionOverheadBenchmarks"/> to separate a few percent from its noise. The same 200 lines are parsed
/// with and without detection, back to back, thousands of times in alternating order; the low percentiles of each
/// variant's time per line are compared, as interruptions by other processes only ever add time.
/// </summary>
internal static class PairedOverhead
{
    private const int Chunk = 200;
    private const int Rounds = 6000;
    private const int Warmup = 500;

    public static int Run(TextWriter output)
    {
        var library = new FormatLibrary();
        foreach (var share in new[] { 0.0, 0.01, 0.30 })
        {
            var lines = AccessLogSample.Lines(10_000, share, seed: 42);
            var withoutPatterns = new DetectionOptions();
            withoutPatterns.Rules.SensitiveFiles.Enabled = false;
            withoutPatterns.Rules.ScannerUserAgents.Enabled = false;
            var detectors = new ScanDetector?[] { null, new(new DetectionOptions(), TimeProvider.System), new(withoutPatterns, TimeProvider.System) };
            var samples = detectors.Select(_ => new List<double>(Rounds)).ToArray();
            var sink = 0L;
            for (var round = 0; round < Rounds; round++)
            {
                var start = round * Chunk % lines.Length;
                for (var k = 0; k < detectors.Length; k++)
                {
                    var v = round % 2 == 0 ? k : detectors.Length - 1 - k;
                    var watch = Stopwatch.StartNew();
                    for (var i = start; i < start + Chunk; i++)
                    {
                        var document = library.Parse("apache.access", lines[i]);
                        document.Set("host.name", "web1");
                        sink += document.Count + (detectors[v]?.Observe(document).Count ?? 0);
                    }

                    if (round >= Warmup)
                    {
                        samples[v].Add(watch.Elapsed.TotalNanoseconds / Chunk);
                    }
                }
            }

            foreach (var q in new[] { 0.10, 0.25, 0.50 })
            {
                var parse = Percentile(samples[0], q);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"matching {share:P0} p{q * 100:F0}: parse {parse:F0} ns/line, +detect {Overhead(samples[1], parse, q):F1}%, +detect without substring rules {Overhead(samples[2], parse, q):F1}% ({sink % 2})"));
            }
        }

        return 0;
    }

    private static double Overhead(List<double> samples, double baseline, double q) => ((Percentile(samples, q) / baseline) - 1) * 100;

    private static double Percentile(List<double> samples, double q)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)(q * (sorted.Count - 1))];
    }
}
