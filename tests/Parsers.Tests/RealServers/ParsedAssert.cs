using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Parsers.Tests.RealServers;

internal static class ParsedAssert
{
    /// <summary>Every event of well-formed server output parsed: no failure tag, a time, and at least one event.</summary>
    public static void AllParsed(IReadOnlyList<EcsDocument> documents, string file)
    {
        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            Assert.True(document.Tags.Count == 0, $"{file}: not parsed: {document.GetString("message")}");
            Assert.True(document.Timestamp is not null, $"{file}: no @timestamp: {document.GetString("message")}");
        }
    }

    /// <summary>The one document whose <c>url.query</c> carries the request's marker.</summary>
    public static EcsDocument ByMarker(IEnumerable<EcsDocument> documents, string marker) =>
        Assert.Single(documents, d => d.GetString("url.query") is { } q && q.Split('&').Contains("lp=" + marker));
}
