using System.Globalization;
using System.Text.Json.Nodes;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;

// Usage: LogPipeline.Store.Tests.Writer <data-directory> <first-id-number> <batch-size> [in-flight] [split]
// ("split": new days in schema 3, the text index in its own file, SqliteStoreOptions.SplitTextIndex)
// Writes batches of events with ids w<n> forever, spanning several UTC days, from <in-flight> concurrent callers (3
// unless given; the store's writer then commits several batches in one group), and after each batch is acknowledged
// (WriteAsync returned) prints "ACK <first> <last>". Every fourth batch of a caller is sent twice; the re-send must
// come back as duplicates, else it prints "BAD" and exits with 2.
var directory = args[0];
var next = long.Parse(args[1], CultureInfo.InvariantCulture) - 1;
var batchSize = int.Parse(args[2], CultureInfo.InvariantCulture);
var inFlight = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
var split = args.Length > 4 && args[4] == "split";
var start = new DateTimeOffset(2026, 11, 20, 23, 40, 0, TimeSpan.Zero);

await using var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = directory, RetentionDays = 36_500, SplitTextIndex = split }, TimeProvider.System);
var callers = Enumerable.Range(0, inFlight).Select(_ => Task.Run(CallerAsync)).ToList();
return await await Task.WhenAny(callers);

async Task<int> CallerAsync()
{
    for (var round = 0; ; round++)
    {
        var first = Interlocked.Add(ref next, batchSize) - batchSize + 1;
        var batch = new List<LogRecord>(batchSize);
        for (var n = first; n < first + batchSize; n++)
        {
            var time = start.AddSeconds(n * 2);
            var message = string.Create(CultureInfo.InvariantCulture, $"198.51.100.{n % 250} - - \"GET /page/{n} HTTP/1.1\" 200 {n % 5000}");
            batch.Add(new LogRecord
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"w{n}"),
                Timestamp = time,
                DocumentJson = new JsonObject { ["@timestamp"] = time.ToString("O", CultureInfo.InvariantCulture), ["message"] = message, ["host"] = new JsonObject { ["name"] = "web1" } }.ToJsonString(),
                Host = "web1",
                FilePath = "/var/log/apache2/access.log",
                Message = message,
                UrlPath = "/page/" + n.ToString(CultureInfo.InvariantCulture),
                Offset = n * 100,
            });
        }

        var result = await store.WriteAsync(batch, CancellationToken.None);
        if (result.Failed > 0)
        {
            Console.Out.WriteLine("BAD failed " + result.Outcomes.First(o => o.Status == WriteStatus.Failed).Reason);
            return 2;
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACK {first} {first + batchSize - 1}"));
        if (round % 4 == 3 && (await store.WriteAsync(batch, CancellationToken.None)).Duplicates != batch.Count)
        {
            Console.Out.WriteLine("BAD re-send was stored again");
            return 2;
        }
    }
}
