using System.Diagnostics;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogPipeline.Ingest.Configuration;
using LogPipeline.Ingest.Detection;
using LogPipeline.Ingest.Observability;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Store;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// Ingest's CPU per event between the socket and <see cref="ILogSink.WriteAsync"/>, on one thread, without HTTP and
/// without a store (a sink that accepts everything): gzip NDJSON batches of 1,000 (the shipper's default) as the
/// shipper sends them, read (<see cref="BatchReader"/>), then parsed, enriched, detected and turned into records
/// (<see cref="EventPipeline"/>); for scale, the Apache parser alone on the same lines. The steps run batch by batch in
/// alternating order and low percentiles are compared, as on a shared machine other processes only ever add time.
/// </summary>
internal static class Steps
{
    private const int BatchSize = 1000;
    private const int Rounds = 2000;
    private const int Warmup = 200;

    public static async Task RunAsync(int count)
    {
        var lines = TrafficLines.Generate(count, TimeProvider.System.GetUtcNow()).ToList();
        var batches = Encode(lines);
        var reader = new BatchReader(new IngestOptions());
        var library = new FormatLibrary();
        using var metrics = new IngestMetrics();
        var sink = new AcceptingSink();
        var detecting = new EventPipeline(new EventProcessor(library, TimeProvider.System), sink, metrics, new ScanDetector(new DetectionOptions(), TimeProvider.System));
        var quiet = new EventPipeline(new EventProcessor(library, TimeProvider.System), sink, metrics, new ScanDetector(new DetectionOptions { Enabled = false }, TimeProvider.System));
        var steps = new (string Name, Func<int, Task<int>> Run)[]
        {
            ("Apache parser alone (FormatLibrary.Parse)", b =>
            {
                var fields = 0;
                for (var i = b * BatchSize; i < Math.Min((b + 1) * BatchSize, lines.Count); i++)
                {
                    fields += library.Parse("apache.access", lines[i]).Count;
                }

                return Task.FromResult(fields);
            }),
            ("read: gzip NDJSON → IncomingEvent", async b => (await ReadAsync(reader, batches[b])).Count),
            ("read + parse + ECS document + record, detection off", b => ReadAndProcessAsync(reader, quiet, batches[b])),
            ("read + parse + ECS document + record + detection (the whole step)", b => ReadAndProcessAsync(reader, detecting, batches[b])),
        };

        var samples = steps.Select(_ => new List<double>(Rounds)).ToArray();
        for (var round = 0; round < Warmup + Rounds; round++)
        {
            var batch = round % batches.Count;
            var events = Math.Min(BatchSize, lines.Count - (batch * BatchSize));
            for (var k = 0; k < steps.Length; k++)
            {
                var step = round % 2 == 0 ? k : steps.Length - 1 - k;
                var started = Stopwatch.GetTimestamp();
                await steps[step].Run(batch);
                if (round >= Warmup)
                {
                    samples[step].Add(Stopwatch.GetElapsedTime(started).TotalNanoseconds / events);
                }
            }
        }

        Console.WriteLine($"steps: batches of {BatchSize} events, {Rounds} rounds in alternating order, one thread, no store; ns/event at p10 (p50):");
        var parse = Percentile(samples[0], 0.10);
        for (var k = 0; k < steps.Length; k++)
        {
            var p10 = Percentile(samples[k], 0.10);
            Console.WriteLine($"  {steps[k].Name}: {p10:N0} ns ({Percentile(samples[k], 0.50):N0}) = {1e9 / p10:N0} events/s, {p10 / parse:F2}x the parser");
        }
    }

    private static async Task<IReadOnlyList<IncomingEvent>> ReadAsync(BatchReader reader, byte[] batch) =>
        (await reader.ReadAsync(new MemoryStream(batch), batch.Length, "gzip", CancellationToken.None)).Events!;

    private static async Task<int> ReadAndProcessAsync(BatchReader reader, EventPipeline pipeline, byte[] batch) =>
        (await pipeline.ProcessAsync(await ReadAsync(reader, batch), "bench", CancellationToken.None)).Stored;

    private static double Percentile(List<double> samples, double q)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)(q * (sorted.Count - 1))];
    }

    /// <summary>The lines as the shipper sends them: NDJSON events in gzip batches.</summary>
    private static List<byte[]> Encode(List<string> lines)
    {
        var batches = new List<byte[]>();
        var writerOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var start = 0; start < lines.Count; start += BatchSize)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                for (var i = start; i < Math.Min(start + BatchSize, lines.Count); i++)
                {
                    using (var writer = new Utf8JsonWriter(gzip, writerOptions))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", Convert.ToHexStringLower(BitConverter.GetBytes((long)i)) + "0123456789abcdef");
                        writer.WriteString("host", "web1");
                        writer.WriteString("file", "/var/log/apache2/access.log");
                        writer.WriteString("fingerprint", "9f2c4e1a77b03d58");
                        writer.WriteNumber("offset", i * 200L);
                        writer.WriteString("dataset", "apache.access");
                        writer.WriteString("message", lines[i]);
                        writer.WriteEndObject();
                    }

                    gzip.WriteByte((byte)'\n');
                }
            }

            batches.Add(compressed.ToArray());
        }

        return batches;
    }

    /// <summary>A sink that stores nothing and reports every record stored: the store's cost is measured elsewhere.</summary>
    private sealed class AcceptingSink : ILogSink
    {
        public Task<WriteResult> WriteAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken) =>
            Task.FromResult(new WriteResult([.. records.Select(_ => new WriteOutcome(WriteStatus.Stored))]));
    }
}
