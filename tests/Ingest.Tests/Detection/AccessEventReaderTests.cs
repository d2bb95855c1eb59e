using LogPipeline.Ingest.Detection;
using LogPipeline.Parsers;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class AccessEventReaderTests
{
    private const string WithQuery = "192.0.2.1 - - [02/Nov/2026:08:00:00 +0000] \"GET /a?x=1 HTTP/1.1\" 404 10 \"-\" \"agent-one\"";
    private const string NoAgent = "192.0.2.2 - - [02/Nov/2026:08:00:01 +0000] \"POST /wp-login.php HTTP/1.1\" 200 10";
    private const string Plain = "192.0.2.3 - - [02/Nov/2026:08:00:02 +0000] \"GET /b HTTP/1.1\" 200 10 \"-\" \"agent-two\"";

    [Fact]
    public void Read_AlternatingShapes_EveryFieldFromItsOwnEvent()
    {
        var library = new FormatLibrary();
        var reader = new AccessEventReader();

        for (var round = 0; round < 3; round++)
        {
            var query = reader.Read(library.Parse("apache.access", WithQuery));
            var noAgent = reader.Read(library.Parse("apache.access", NoAgent));
            var plain = reader.Read(library.Parse("apache.access", Plain));

            Assert.Equal(new AccessEvent("apache.access", "GET", "/a", "/a?x=1", 404, "agent-one", null), query);
            Assert.Equal(new AccessEvent("apache.access", "POST", "/wp-login.php", "/wp-login.php", 200, null, null), noAgent);
            Assert.Equal(new AccessEvent("apache.access", "GET", "/b", "/b", 200, "agent-two", null), plain);
        }
    }

    [Fact]
    public void Read_SameShapeDifferentOrder_FallsBackToScan()
    {
        var reader = new AccessEventReader();
        var first = AccessEvents.Create("192.0.2.1", 0, path: "/x", status: 404);
        var reordered = new LogPipeline.Parsers.Ecs.EcsDocument();
        foreach (var field in first.Fields.Reverse())
        {
            reordered.Set(field.Key, field.Value);
        }

        reader.Read(first);
        var e = reader.Read(reordered);

        Assert.Equal(("/x", 404, "web1"), (e.Path, e.Status, e.Host));
    }
}
