using System.Diagnostics;
using System.Globalization;
using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>
/// kill -9 at random moments: a child process writes batches and prints what was acknowledged; after each kill the
/// store must pass SQLite's integrity checks and hold every acknowledged event exactly once.
/// </summary>
public sealed class SqliteCrashTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WriteAsync_ProcessKilledWhileWriting_KeepsEveryAcknowledgedEventExactlyOnceAndNoCorruption(bool splitTextIndex)
    {
        var random = new Random(20261122);
        var acknowledged = new HashSet<string>();
        long next = 0;
        for (var round = 0; round < 6; round++)
        {
            var killAfter = random.Next(1, 25);
            var (acks, last) = await RunAndKillAsync(next, batchSize: 50 + random.Next(200), killAfter, splitTextIndex);
            foreach (var (first, lastOfBatch) in acks)
            {
                for (var n = first; n <= lastOfBatch; n++)
                {
                    acknowledged.Add("w" + n.ToString(CultureInfo.InvariantCulture));
                }
            }

            Assert.True(acks.Count >= killAfter, $"round {round}: the writer acknowledged {acks.Count} batches before it died; expected {killAfter}. Last line: {last}");
            next = acks.Max(a => a.Last) + 1;
            AssertStoreIsIntactAndHolds(acknowledged);
        }
    }

    private async Task<(List<(long First, long Last)> Acks, string? LastLine)> RunAndKillAsync(long firstId, int batchSize, int killAfter, bool split)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "LogPipeline.Store.Tests.Writer.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])[writer, _directory.Path, firstId.ToString(CultureInfo.InvariantCulture), batchSize.ToString(CultureInfo.InvariantCulture), "3", split ? "split" : "nosplit"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var acks = new List<(long, long)>();
        string? line = null;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (acks.Count < killAfter && (line = await process.StandardOutput.ReadLineAsync(deadline.Token)) is not null)
        {
            acks.Add(ParseAck(line));
        }

        process.Kill();

        // Lines already in the pipe were acknowledged before the kill: they count too.
        while ((line = await process.StandardOutput.ReadLineAsync(deadline.Token)) is not null)
        {
            acks.Add(ParseAck(line));
        }

        await process.WaitForExitAsync(deadline.Token);
        return (acks, line);
    }

    private static (long, long) ParseAck(string line)
    {
        var parts = line.Split(' ');
        Assert.True(parts is ["ACK", _, _], $"the writer printed '{line}'");
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private void AssertStoreIsIntactAndHolds(HashSet<string> acknowledged)
    {
        // Opening the store as the writer would runs WAL recovery, as the next ingest start would.
        using (new SqliteLogStore(new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = 36_500 }, TimeProvider.System))
        {
        }

        var counts = new Dictionary<string, int>();
        foreach (var file in DayDatabase.DayFiles(_directory.Path))
        {
            using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();

            // A version 3 day's text index is in its own file: attached, `fts` resolves to it; checked with the day file.
            if (File.Exists(Path.ChangeExtension(file, ".fts.db")))
            {
                Scalar(connection, $"ATTACH '{Path.ChangeExtension(file, ".fts.db")}' AS text_index");
                Assert.Equal(Scalar(connection, "SELECT coalesce(max(rowid), 0) FROM events"), Scalar(connection, "SELECT rowid FROM watermark"));
            }

            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            Scalar(connection, "INSERT INTO fts(fts) VALUES('integrity-check')");
            Assert.Equal(Scalar(connection, "SELECT count(*) FROM events"), Scalar(connection, "SELECT count(*) FROM fts WHERE fts MATCH 'get'"));
            Assert.Equal(Scalar(connection, "SELECT count(*) FROM events"), Scalar(connection, "SELECT coalesce(sum(n), 0) FROM minutes"));
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM events";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts[reader.GetString(0)] = counts.GetValueOrDefault(reader.GetString(0)) + 1;
            }
        }

        var missing = acknowledged.Where(id => !counts.ContainsKey(id)).ToList();
        var repeated = counts.Where(c => c.Value != 1).Select(c => c.Key).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged events are missing, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.True(repeated.Count == 0, $"{repeated.Count} events are stored more than once, e.g. {string.Join(", ", repeated.Take(5))}");
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
