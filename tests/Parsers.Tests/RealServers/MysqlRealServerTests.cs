namespace LogPipeline.Parsers.Tests.RealServers;

[Collection(RealServerCollection.Name)]
public sealed class MysqlRealServerTests(RealServerLogs logs)
{
    [Fact]
    public void Parse_ErrorLog_EveryEntryParsedWithLevels()
    {
        var documents = logs.Parse("mysql-error.log", "mysql.error");

        ParsedAssert.AllParsed(documents, "mysql-error.log");
        var ready = Assert.Single(documents, d => d.GetString("message")!.Contains("ready for connections", StringComparison.Ordinal));
        Assert.Contains("\nVersion: '", ready.GetString("message"), StringComparison.Ordinal);
        Assert.Equal("Note", ready.GetString("log.level"));
        var denied = Assert.Single(documents, d => d.GetString("message")!.StartsWith("Access denied for user 'nobody'", StringComparison.Ordinal));
        Assert.Equal("Warning", denied.GetString("log.level"));
        Assert.True(denied.GetLong("mysql.thread_id") > 0);
    }

    [Fact]
    public void Parse_SlowLog_EveryStatementFoundWithItsValues()
    {
        var documents = logs.Parse("mysql-slow.log", "mysql.slowlog");

        ParsedAssert.AllParsed(documents.Where(d => d.GetString("mysql.slowlog.query") is not null).ToList(), "mysql-slow.log");
        Assert.All(documents, d => Assert.Empty(d.Tags));
        foreach (var row in logs.Manifest.Where(r => r[0] == "sql"))
        {
            var doc = Assert.Single(documents, d => d.GetString("mysql.slowlog.query")?.Contains($"lp={row[1]} ", StringComparison.Ordinal) == true);
            Assert.EndsWith(row[3] + ";", doc.GetString("mysql.slowlog.query"), StringComparison.Ordinal);
            Assert.Equal("root", doc.GetString("user.name"));
            Assert.Equal("localhost", doc.GetString("source.domain"));
            Assert.Equal(row[2], doc.GetString("mysql.slowlog.schema"));
            Assert.True(doc.GetLong("mysql.thread_id") > 0);
            Assert.True(doc.GetLong("mysql.slowlog.rows_examined") >= 0);
            Assert.True(doc.TryGetValue("mysql.slowlog.lock_time.sec", out _));
        }

        var sleep = Assert.Single(documents, d => d.GetString("mysql.slowlog.query")?.Contains("SLEEP(0.3)", StringComparison.Ordinal) == true);
        Assert.InRange(sleep.GetLong("event.duration")!.Value, 300_000_000, 10_000_000_000);
    }
}
