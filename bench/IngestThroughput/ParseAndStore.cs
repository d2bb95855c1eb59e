using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// Ingest's work without HTTP: parse each line, build its ECS document and record, and write batches of 5,000 to the
/// SQLite store (FTS5 and typed columns). In one run: the naive baseline (a single-threaded FTS5 insert of the whole
/// lines, in transactions of 5,000); the store on day files of schema version 1 (the layout before 2026-11-22), 2 (the
/// text index inside the day file, one writer thread), 3 (the text index in its own file, written by a second thread)
/// and 4 (the current one: as 3, the id found by (ts, key)), one batch at a time; and schemas 2 to 4 with 4 callers at once, as ingest runs up to
/// <c>MaxConcurrentBatches</c> (4) requests that parse while the store's writers commit the others' batches.
/// </summary>
internal static class ParseAndStore
{
    private const int BatchSize = 5000;
    private const int Callers = 4;

    public static async Task RunAsync(int count, string work)
    {
        var lines = TrafficLines.Generate(count, TimeProvider.System.GetUtcNow()).ToList();
        var ids = lines.Select((_, i) => ShipperLikeId(i * 200L)).ToArray();

        // Warm-up (JIT, page cache) on a throwaway store, so the first measured layout is not charged for it.
        await OursAsync(lines[..Math.Min(lines.Count, 20_000)], ids, Path.Combine(work, "warm-up"), 1, DaySchema.Version4);
        var naive = NaiveFts(lines, Path.Combine(work, "naive.db"));
        Console.WriteLine($"naive FTS5 insert of whole lines: {naive:N0} rows/s");
        Console.WriteLine($"raw log: {MiBPerMillion(lines.Sum(l => l.Length + 1L), count):N0} MiB per million events");
        (string Name, int Callers, int Version)[] layouts =
        [
            ("schema 1, one batch at a time", 1, 1), ("schema 2, one batch at a time", 1, 2), ("schema 3, one batch at a time", 1, 3),
            ("schema 4, one batch at a time", 1, 4), ($"schema 2, {Callers} callers", Callers, 2), ($"schema 3, {Callers} callers", Callers, 3),
            ($"schema 4, {Callers} callers", Callers, 4),
        ];
        foreach (var (name, callers, version) in layouts)
        {
            var dir = Path.Combine(work, "store-" + name.Replace(' ', '-').Replace(',', '-'));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (rate, parseShare, bytes, writers) = await OursAsync(lines, ids, dir, callers, version);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(
                $"parse+store, {name}: {rate:N0} events/s ({rate / naive:F2}x the naive insert), {cpu.TotalMicroseconds / count:F1} CPU-us per event, "
                + $"callers parsing {parseShare:P0} of the time; store {MiBPerMillion(bytes, count):N0} MiB per million events; "
                + $"writer threads, CPU-us per event: rows {writers.Rows.TotalMicroseconds / count:F1}, text {writers.Text.TotalMicroseconds / count:F1}");
        }
    }

    /// <summary>An id as our shipper makes them (docs/protocol.md): hex of the first 16 bytes of SHA-256 of host, fingerprint, offset.</summary>
    private static string ShipperLikeId(long offset) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"web1\n0123456789abcdef\n{offset}")).AsSpan(0, 16));

    private static double MiBPerMillion(long bytes, int count) => bytes / (double)count * 1_000_000 / (1024 * 1024);

    private static async Task<(double Rate, double ParseShare, long Bytes, (TimeSpan Rows, TimeSpan Text) Writers)> OursAsync(List<string> lines, string[] ids, string dir, int callers, int version)
    {
        // Schema 4 days are created by the store (SplitTextIndex); older layouts are measured on day files made beforehand.
        if (version != DaySchema.Version4)
        {
            Directory.CreateDirectory(dir);
            var now = TimeProvider.System.GetUtcNow();
            foreach (var day in new[] { DayFiles.DayOf(now.AddHours(-6)), DayFiles.DayOf(now) }.Distinct())
            {
                Action<string, DateOnly> create = version switch
                {
                    DaySchema.Version1 => DaySchemaVersion1.Create,
                    DaySchema.Version2 => DaySchemaVersion2.Create,
                    _ => DaySchemaVersion3.Create,
                };
                create(dir, day);
            }
        }

        await using var store = new SqliteLogStore(
            new SqliteStoreOptions { DataDirectory = dir, SplitTextIndex = version >= DaySchema.Version }, TimeProvider.System);
        var next = -1;
        var parsing = new long[callers];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var processor = new EventProcessor(new FormatLibrary(), TimeProvider.System);
            for (var start = Interlocked.Increment(ref next) * BatchSize; start < lines.Count; start = Interlocked.Increment(ref next) * BatchSize)
            {
                var parse = Stopwatch.GetTimestamp();
                var records = new List<LogRecord>(BatchSize);
                for (var i = start; i < Math.Min(start + BatchSize, lines.Count); i++)
                {
                    var incoming = new IncomingEvent { Id = ids[i], Host = "web1", Dataset = "apache.access", Message = lines[i], File = "/var/log/apache2/access.log", Offset = i * 200L };
                    records.Add(EventProcessor.ToRecord(incoming.Id, processor.Process(incoming, "bench")));
                }

                parsing[caller] += Stopwatch.GetTimestamp() - parse;
                var result = await store.WriteAsync(records, CancellationToken.None);
                if (result.Stored != records.Count)
                {
                    throw new InvalidOperationException($"stored {result.Stored} of {records.Count}: {result.Outcomes.FirstOrDefault(o => o.Status == WriteStatus.Failed).Reason}");
                }
            }
        })));

        var rate = lines.Count / watch.Elapsed.TotalSeconds;
        var parseShare = parsing.Sum(p => Stopwatch.GetElapsedTime(0, p).TotalSeconds) / watch.Elapsed.TotalSeconds / callers;
        var writers = (WriterThreads.CpuOf("sqlite-rows"), WriterThreads.CpuOf("sqlite-text"));
        return (rate, parseShare, Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length), writers);
    }

    private static double NaiveFts(List<string> lines, string path)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE VIRTUAL TABLE lines USING fts5(line);";
            create.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        for (var start = 0; start < lines.Count; start += BatchSize)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO lines(line) VALUES ($line)";
            var parameter = insert.Parameters.Add("$line", SqliteType.Text);
            for (var i = start; i < Math.Min(start + BatchSize, lines.Count); i++)
            {
                parameter.Value = lines[i];
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return lines.Count / watch.Elapsed.TotalSeconds;
    }
}
