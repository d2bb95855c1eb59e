using LogPipeline.Ingest.Hosting;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;

namespace LogPipeline.Ingest.Tests.Hosting;

public sealed class DetectVerbTests
{
    [Fact]
    public async Task ReadAscending_EventsAcrossSlicesAndPages_ComeOldestFirstAsDocuments()
    {
        var dir = Directory.CreateTempSubdirectory("detect-verb-").FullName;
        var start = TimeProvider.System.GetUtcNow().AddHours(-5);
        using (var store = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = dir }, TimeProvider.System))
        {
            // 2,500 events over about three hours: several one-hour slices, and more than one page in each.
            var records = Enumerable.Range(0, 2500).Select(i => new LogRecord
            {
                Id = $"e{i}",
                Timestamp = start.AddSeconds(i * 4),
                DocumentJson = $$$"""{"@timestamp":"{{{start.AddSeconds(i * 4).UtcDateTime:O}}}","source":{"ip":"192.0.2.{{{i % 200}}}"},"url":{"path":"/p/{{{i}}}"},"event":{"dataset":"apache.access"}}""",
                Dataset = "apache.access",
            }).Reverse().ToList();
            await store.WriteAsync(records, CancellationToken.None);
        }

        using var reader = new SqliteLogStore(new SqliteStoreOptions { DataDirectory = dir, ReadOnly = true }, TimeProvider.System);
        var documents = new List<LogPipeline.Parsers.Ecs.EcsDocument>();
        await foreach (var document in DetectVerb.ReadAscendingAsync(reader, start.AddMinutes(-1), start.AddHours(4), CancellationToken.None))
        {
            documents.Add(document);
        }

        Assert.Equal(2500, documents.Count);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"/p/{i}"), documents.Select(d => d.GetString("url.path")));
        Assert.Equal("192.0.2.7", documents[7].GetString("source.ip"));
    }
}
