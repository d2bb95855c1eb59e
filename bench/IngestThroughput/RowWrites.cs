using System.Globalization;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// The parts of one row's write, measured apart: the same parsed records inserted into a fresh day file (WAL,
/// synchronous=FULL, transactions of <see cref="Transaction"/> rows) by variants that differ in one thing each — the
/// client library (Microsoft.Data.Sqlite commands vs SQLitePCL.raw statements), the duplicate look-up, jsonb() of the
/// document, each secondary index. CPU time of the writing thread per row (from /proc, so it holds under load). The
/// variants run in alternating order over <see cref="Rounds"/> rounds and the lowest figure of each is kept.
/// </summary>
internal static class RowWrites
{
    private const int Transaction = 10_000;
    private const int Rounds = 2;

    private static readonly string[] Indexes = ["events_key", "events_ts", "events_host_file_ts", "events_status_ts", "events_path", "events_source_ip_ts"];

    public static void Run(int count, string work)
    {
        var records = Records(count);
        var variants = Variants();
        var best = new double[variants.Count];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < variants.Count; k++)
            {
                var v = round % 2 == 0 ? k : variants.Count - 1 - k;
                var path = Path.Combine(work, $"rows-{round}-{v}.db");
                best[v] = Math.Min(best[v], RowWriteVariant.Measure(variants[v], records, path, Transaction));
                DaySchema.DeleteWithSidecars(path);
            }
        }

        Console.WriteLine($"rows writer parts: {count:N0} rows, transactions of {Transaction:N0}, synchronous=FULL, best of {Rounds}; CPU-us per row:");
        for (var k = 0; k < variants.Count; k++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {variants[k].Name}: {best[k]:F1} ({best[k] / best[0]:F2}x the first)"));
        }
    }

    private static List<LogRecord> Records(int count)
    {
        var processor = new EventProcessor(new FormatLibrary(), TimeProvider.System);
        return TrafficLines.Generate(count, TimeProvider.System.GetUtcNow())
            .Select((line, i) => EventProcessor.ToRecord(
                Convert.ToHexStringLower(BitConverter.GetBytes(i * 7919L)) + "0123456789abcdef",
                processor.Process(new IncomingEvent { Id = "x", Host = "web1", Dataset = "apache.access", Message = line, File = "/var/log/apache2/access.log", Offset = i * 200L }, "bench")))
            .ToList();
    }

    private static List<RowWriteVariant> Variants()
    {
        var all = DaySchema.EventsDdl;
        const string Find = "SELECT 1 FROM events WHERE key = ?1 AND id = ?2";
        const string Insert = "INSERT INTO events(key, id, ts, host, dataset, file_path, source_ip, method, status, bytes, url_path, url_original, user_agent, log_offset, doc) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, jsonb(?15))";
        var list = new List<RowWriteVariant>
        {
            new("Microsoft.Data.Sqlite: find + insert (the schema 3 writer)", all, Find, Insert, Mds: true),
            new("raw: find + insert", all, Find, Insert),
            new("raw: find + insert + minutes summary", all, Find, Insert, Minutes: true),
            new("raw: one INSERT … WHERE NOT EXISTS", all, null, Insert.Replace(" VALUES(", " SELECT ", StringComparison.Ordinal).TrimEnd(')') + ") WHERE NOT EXISTS (" + Find + ")"),
            new("raw: insert only (no look-up)", all, null, Insert),
            new("raw: insert only, doc as text (no jsonb)", all, null, Insert.Replace("jsonb(?15)", "?15", StringComparison.Ordinal)),
            new("raw: insert only, no secondary index", Without(all, Indexes), null, Insert),
        };
        foreach (var index in Indexes)
        {
            list.Add(new($"raw: insert only, without {index}", Without(all, index), null, Insert));
        }

        // Schema 4 as the store creates it (events_ts(ts, key) and the partial events_clock instead of events_key), and
        // without the last index that takes inserts at random places, the next candidate.
        var find4 = DayStatements.For(DaySchema.Version4).Find!;
        list.Add(new("raw: schema 4, find by (ts, key) + insert", DaySchema.Version4Ddl, find4, Insert));
        list.Add(new("raw: schema 4, find + insert, without events_source_ip_ts", Without(DaySchema.Version4Ddl, "events_source_ip_ts"), find4, Insert));
        list.Add(new("raw: schema 4, find + insert, no automatic WAL checkpoint", DaySchema.Version4Ddl, find4, Insert, Checkpoints: false));
        return list;
    }

    private static string Without(string ddl, params string[] indexes) =>
        string.Join('\n', ddl.Split('\n').Where(line => !indexes.Any(i => line.Contains($"INDEX {i} ", StringComparison.Ordinal))));

    private static void ThrowIfNot(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    /// <summary>Checks a variant's file holds every record once.</summary>
    internal static void Verify(string path, int count)
    {
        using var connection = new SqliteConnection(ConnectionStrings.ReadWrite(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        ThrowIfNot((long)command.ExecuteScalar()! == count, $"{path} does not hold {count} rows");
    }
}
