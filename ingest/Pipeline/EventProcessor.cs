using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Pipeline;

/// <summary>
/// Turns a received event into its ECS document: parse with the named format (a line no pattern matches is kept,
/// tagged), then add what ingest knows — host, file, offset, ingest time, agent, the shipper's extra fields and tags.
/// </summary>
internal sealed class EventProcessor
{
    private readonly FormatLibrary _formats;
    private readonly TimeProvider _time;

    public EventProcessor(FormatLibrary formats, TimeProvider time)
    {
        _formats = formats;
        _time = time;
    }

    public EcsDocument Process(IncomingEvent incoming, string agentName)
    {
        var document = new EcsDocument();
        Process(incoming, agentName, Now(), document);
        return document;
    }

    /// <summary>The ingest time of a batch: read once, written once, shared by its events.</summary>
    public IngestClock Now()
    {
        var now = _time.GetUtcNow();
        return new IngestClock(now, EcsTime.Format(now));
    }

    /// <summary>
    /// Parses and enriches into <paramref name="document"/> (empty, or cleared for reuse). Returns true when the line
    /// carried no time of its own and the document was timed by ingest's clock (the store then also looks for the id
    /// in the previous day, so a re-send after UTC midnight stays a duplicate).
    /// </summary>
    public bool Process(IncomingEvent incoming, string agentName, IngestClock now, EcsDocument document)
    {
        _formats.Parse(incoming.Dataset, incoming.Message, document);
        var timedByIngest = document.Timestamp is null;
        document.Timestamp ??= now.Time;
        document.Set("event.ingested", now.Text);
        document.Set("host.name", incoming.Host);
        document.Set("log.file.path", incoming.File);
        if (incoming.Offset is { } offset)
        {
            document.Set("log.offset", offset);
        }

        document.Set("agent.type", "logpipeline-shipper");
        document.Set("agent.name", agentName);
        if (incoming.InvalidUtf8)
        {
            document.AddTag("_invalid_utf8");
            document.Set("event.original_base64", incoming.OriginalBase64);
        }

        foreach (var (name, value) in incoming.Fields)
        {
            document.Set(name, value);
        }

        foreach (var tag in incoming.Tags)
        {
            document.AddTag(tag);
        }

        return timedByIngest;
    }

    /// <summary>The store's view of a document: its id, time, JSON and the typed columns.</summary>
    public static LogRecord ToRecord(string id, EcsDocument document, bool timestampFromIngestClock = false) => new()
    {
        Id = id,
        TimestampFromIngestClock = timestampFromIngestClock,
        Timestamp = document.Timestamp ?? throw new ArgumentException("document has no @timestamp", nameof(document)),
        DocumentJson = document.ToJson(),
        Host = document.GetString("host.name"),
        Dataset = document.GetString("event.dataset"),
        FilePath = document.GetString("log.file.path"),
        Offset = document.GetLong("log.offset"),
        SourceIp = document.GetString("source.ip"),
        Method = document.GetString("http.request.method"),
        Status = (int?)document.GetLong("http.response.status_code"),
        Bytes = document.GetLong("http.response.body.bytes"),
        UrlPath = document.GetString("url.path"),
        UrlOriginal = document.GetString("url.original"),
        UserAgent = document.GetString("user_agent.original"),
        Message = document.GetString("message"),
    };
}
