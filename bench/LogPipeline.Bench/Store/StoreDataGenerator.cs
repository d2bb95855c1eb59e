using System.Diagnostics;
using System.Globalization;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;

namespace LogPipeline.Bench.Store;

/// <summary>
/// <c>LogPipeline.Bench generate-store &lt;events&gt; &lt;directory&gt;</c>: writes the generated traffic into a SQLite store
/// in <c>directory/store</c> and, line for line, into <c>directory/access.log</c> for ripgrep and lnav. Ten days of
/// events ending at <see cref="End"/>.
/// </summary>
internal static class StoreDataGenerator
{
    public static readonly DateTimeOffset End = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = End.AddDays(-10);
    private const int BatchSize = 5_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = long.Parse(args[0], CultureInfo.InvariantCulture);
        var directory = args[1];
        Directory.CreateDirectory(directory);
        var storeDirectory = Path.Combine(directory, "store");
        if (Directory.Exists(storeDirectory))
        {
            Directory.Delete(storeDirectory, recursive: true);
        }

        var clock = new FixedTimeProvider(End);
        await using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = storeDirectory, RetentionDays = 3650, Durability = SqliteDurability.Normal }, clock);
        await using var log = new StreamWriter(Path.Combine(directory, "access.log"), append: false) { NewLine = "\n" };
        var batch = new List<LogRecord>(BatchSize);
        var watch = Stopwatch.StartNew();
        var writing = TimeSpan.Zero;
        long written = 0;
        foreach (var (record, line) in new ApacheTraffic(seed: 42, Start, End, count).Events())
        {
            batch.Add(record);
            await log.WriteLineAsync(line);
            if (batch.Count == BatchSize)
            {
                writing += await WriteAsync(store, batch);
                written += batch.Count;
                batch.Clear();
                if (written % 500_000 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written:N0} events, {written / watch.Elapsed.TotalSeconds:N0}/s overall"));
                }
            }
        }

        writing += await WriteAsync(store, batch);
        written += batch.Count;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"done: {written:N0} events in {watch.Elapsed.TotalSeconds:N0} s; store writes {written / writing.TotalSeconds:N0} events/s (batches of {BatchSize}, synchronous=FULL)"));
        return 0;
    }

    private static async Task<TimeSpan> WriteAsync(SqliteLogStore store, List<LogRecord> batch)
    {
        var watch = Stopwatch.StartNew();
        var result = await store.WriteAsync(batch, CancellationToken.None);
        if (result.Stored != batch.Count)
        {
            throw new InvalidOperationException($"{batch.Count - result.Stored} events of a generated batch were not stored.");
        }

        return watch.Elapsed;
    }
}
