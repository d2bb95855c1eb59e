using System.Text;
using LogPipeline.Ingest.Bulk;
using LogPipeline.Ingest.Tests.Detection;
using LogPipeline.Parsers;

namespace LogPipeline.Ingest.Tests.Bulk;

/// <summary>Which bulk documents get ingest's clock: the store finds their re-sends by id alone.</summary>
public sealed class BulkDocumentBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 16, 0, 0, TimeSpan.Zero);
    private readonly BulkDocumentBuilder _builder = new(new FormatLibrary(), new FakeTimeProvider(Now));

    [Fact]
    public void TryBuild_DocumentWithoutATimeOfItsOwn_IsMarkedTimedByTheIngestClock()
    {
        Assert.True(_builder.TryBuild(Item("""{"message":"no time here"}"""), "test", out var pending, out var error), error);

        Assert.True(pending.TimedByIngestClock);
        Assert.Equal(Now, pending.Document.Timestamp);
    }

    [Fact]
    public void TryBuild_DocumentWithItsOwnTimestamp_IsNotMarkedTimedByTheIngestClock()
    {
        Assert.True(_builder.TryBuild(Item("""{"@timestamp":"2026-11-20T10:00:00Z","message":"timed"}"""), "test", out var pending, out var error), error);

        Assert.False(pending.TimedByIngestClock);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), pending.Document.Timestamp);
    }

    private static BulkItem Item(string source) => new("create", "logs-app-default", "id-1", Encoding.UTF8.GetBytes(source));
}
