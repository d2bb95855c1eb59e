using System.Diagnostics;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// Ingest's work without HTTP: parse each line, build its ECS document and record, and write batches of 5,000 to the
/// SQLite store (FTS5 and typed columns), one batch at a time as one ingest request would. In the same run, the
/// baseline: a naive single-threaded FTS5 insert of the whole lines, in transactions of 5,000.
/// </summary>
internal static class ParseAndStore
{
    private const int BatchSize = 5000;

    public static async Task RunAsync(int count, string work)
    {
        var lines = TrafficLines.Generate(count, TimeProvider.System.GetUtcNow()).ToList();
        var naive = NaiveFts(lines, Path.Combine(work, "naive.db"));
        var dir = Path.Combine(work, "store");
        var (rate, bytes) = await OursAsync(lines, dir);
        Console.WriteLine($"parse+store: {rate:N0} events/s; naive FTS5 insert of whole lines: {naive:N0} rows/s; ratio {rate / naive:F2}x");
        Console.WriteLine($"store size: {bytes / (double)count * 1_000_000 / (1024 * 1024):N0} MiB per million events (raw log: {lines.Sum(l => l.Length + 1) / (double)count * 1_000_000 / (1024 * 1024):N0} MiB per million)");
    }

    private static async Task<(double Rate, long Bytes)> OursAsync(List<string> lines, string dir)
    {
        var processor = new EventProcessor(new FormatLibrary(), TimeProvider.System);
        using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = dir }, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var parsing = new Stopwatch();
        for (var start = 0; start < lines.Count; start += BatchSize)
        {
            parsing.Start();
            var records = new List<LogRecord>(BatchSize);
            for (var i = start; i < Math.Min(start + BatchSize, lines.Count); i++)
            {
                var incoming = new IncomingEvent { Id = $"bench-{i}", Host = "web1", Dataset = "apache.access", Message = lines[i], File = "/var/log/apache2/access.log", Offset = i * 200L };
                records.Add(EventProcessor.ToRecord(incoming.Id, processor.Process(incoming, "bench")));
            }

            parsing.Stop();
            var result = await store.WriteAsync(records, CancellationToken.None);
            if (result.Stored != records.Count)
            {
                throw new InvalidOperationException($"stored {result.Stored} of {records.Count}: {result.Outcomes.FirstOrDefault(o => o.Status == WriteStatus.Failed).Reason}");
            }
        }

        var rate = lines.Count / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  of which parse + ECS document + record: {parsing.Elapsed.TotalSeconds / watch.Elapsed.TotalSeconds:P0} ({lines.Count / parsing.Elapsed.TotalSeconds:N0} events/s on that step alone)");
        return (rate, Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
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
