using System.Diagnostics;
using System.Globalization;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;

namespace LogPipeline.Bench.Store;

/// <summary>
/// <c>LogPipeline.Bench generate-store &lt;events&gt; &lt;directory&gt; [writers [resume]]</c>: writes the generated traffic into a
/// SQLite store in <c>directory/store</c> and, line for line, into <c>directory/access.log</c> for ripgrep and lnav.
/// Ten days of events ending at <see cref="End"/>, one day per writer at a time.
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
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var resume = args is [_, _, _, "resume"];
        Directory.CreateDirectory(directory);
        var storeDirectory = Path.Combine(directory, "store");
        if (Directory.Exists(storeDirectory) && !resume)
        {
            Directory.Delete(storeDirectory, recursive: true);
        }

        // "resume": days whose file exists are complete (their lines already in access.log); generate the others.
        var done = resume ? DayFiles.List(storeDirectory).ToHashSet() : [];

        // Days are independent files, so each day is generated and written by its own store instance; the log file is
        // written per day and joined in order at the end.
        var days = (int)(End - Start).TotalDays;
        var watch = Stopwatch.StartNew();
        var writing = new TimeSpan[days];
        var todo = Enumerable.Range(0, days).Where(d => !done.Contains(DateOnly.FromDateTime(Start.AddDays(d).UtcDateTime))).ToList();
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (day, _) =>
        {
            var perDay = (count / days) + (day < count % days ? 1 : 0);
            var first = (day * (count / days)) + Math.Min(day, count % days);
            writing[day] = await GenerateDayAsync(storeDirectory, Path.Combine(directory, $"access-{day:D2}.log.part"), day, first, perDay);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"day {day + 1}/{days}: {perDay:N0} events, {watch.Elapsed.TotalSeconds:N0} s"));
        });

        await using (var log = new FileStream(Path.Combine(directory, "access.log"), resume ? FileMode.Append : FileMode.Create))
        {
            foreach (var day in todo)
            {
                var part = Path.Combine(directory, $"access-{day:D2}.log.part");
                await using (var input = File.OpenRead(part))
                {
                    await input.CopyToAsync(log);
                }

                File.Delete(part);
            }
        }

        var storeSeconds = todo.Sum(d => writing[d].TotalSeconds);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"done: {todo.Count * (count / days):N0} events in {watch.Elapsed.TotalSeconds:N0} s with {workers} writers; store writes {todo.Count * (count / days) / storeSeconds:N0} events/s per writer (batches of {BatchSize}, synchronous=FULL)"));
        return 0;
    }

    private static async Task<TimeSpan> GenerateDayAsync(string storeDirectory, string logPart, int day, long firstId, long count)
    {
        var clock = new FixedTimeProvider(End);
        await using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = storeDirectory, RetentionDays = 3650 }, clock);
        await using var log = new StreamWriter(logPart, append: false) { NewLine = "\n" };
        var batch = new List<LogRecord>(BatchSize);
        var writing = TimeSpan.Zero;
        var traffic = new ApacheTraffic(seed: 42 + day, Start.AddDays(day), Start.AddDays(day + 1), count, firstId);
        foreach (var (record, line) in traffic.Events())
        {
            batch.Add(record);
            await log.WriteLineAsync(line);
            if (batch.Count == BatchSize)
            {
                writing += await WriteAsync(store, batch);
                batch.Clear();
            }
        }

        return writing + await WriteAsync(store, batch);
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
