using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>One event ready for <c>_bulk</c>: its place in the caller's batch, target, id and document line.</summary>
internal sealed record BulkItem(int Position, string Index, string Id, string Document);

/// <summary>
/// Builds the <c>_bulk</c> body: for each event an action line <c>{"create":{"_index":…,"_id":…}}</c> and the document
/// line, each ending in '\n' (the last one too). <c>create</c> is what data streams accept, and with the event id it
/// makes a re-sent event a 409 conflict instead of a second copy.
/// </summary>
internal static class BulkRequest
{
    public const string ContentType = "application/x-ndjson";

    /// <summary>The bytes of an action line besides index and id, and the two newlines.</summary>
    private const int ActionOverhead = 36;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(IEnumerable<BulkItem> items)
    {
        var body = new StringBuilder();
        foreach (var item in items)
        {
            var action = new JsonObject
            {
                ["create"] = new JsonObject { ["_index"] = item.Index, ["_id"] = item.Id },
            };
            body.Append(action.ToJsonString(Compact)).Append('\n');
            body.Append(item.Document).Append('\n');
        }

        return body.ToString();
    }

    /// <summary>
    /// Splits items into consecutive requests of at most <paramref name="maxBytes"/> (an item larger than that goes
    /// alone). Order is kept, so a second copy of an id later in the batch still comes back as the duplicate.
    /// </summary>
    public static IEnumerable<List<BulkItem>> Chunks(List<BulkItem> items, long maxBytes)
    {
        var chunk = new List<BulkItem>();
        long bytes = 0;
        foreach (var item in items)
        {
            var size = ActionOverhead + Encoding.UTF8.GetByteCount(item.Index) + Encoding.UTF8.GetByteCount(item.Id) + Encoding.UTF8.GetByteCount(item.Document);
            if (chunk.Count > 0 && bytes + size > maxBytes)
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(item);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// The document line for a record: its ECS document, compact on one line, with <c>event.id</c> set to the record id
    /// (searches sort on it to break ties between events of the same instant) and <c>@timestamp</c> from the record
    /// when the document lacks it. Null with a reason when the document is
    /// not a JSON object.
    /// </summary>
    public static string? Document(LogRecord record, out string? error)
    {
        error = null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(record.DocumentJson);
        }
        catch (JsonException e)
        {
            error = $"the document of event {record.Id} is not valid JSON: {e.Message}";
            return null;
        }

        if (node is not JsonObject document)
        {
            error = $"the document of event {record.Id} is not a JSON object.";
            return null;
        }

        if (document["event"] is not JsonObject @event)
        {
            if (document.ContainsKey("event"))
            {
                error = $"the document of event {record.Id} has an 'event' field that is not an object (ECS reserves it).";
                return null;
            }

            document["event"] = @event = [];
        }

        @event["id"] = record.Id;
        if (!document.ContainsKey("@timestamp"))
        {
            // Data streams refuse a document without it; the record's time is the event's time.
            document["@timestamp"] = record.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        }

        return document.ToJsonString(Compact);
    }
}
