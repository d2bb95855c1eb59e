using System.Security.Cryptography;
using System.Text.Json;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Bulk;

/// <summary>
/// Turns a bulk source document into an ECS document. When it carries a raw <c>message</c> and a dataset we know
/// (from a data-stream index name <c>logs-&lt;dataset&gt;-&lt;namespace&gt;</c>, the index name itself, or
/// <c>event.dataset</c>/<c>data_stream.dataset</c>), the message is parsed like a shipper's line; the sender's own
/// fields are kept where parsing did not set them. Ids: the sender's <c>_id</c>, else a hash of index and source, so
/// a re-sent document is stored once.
/// </summary>
internal sealed class BulkDocumentBuilder
{
    private const int MaxDepth = 32;
    private readonly FormatLibrary _formats;
    private readonly TimeProvider _time;

    public BulkDocumentBuilder(FormatLibrary formats, TimeProvider time)
    {
        _formats = formats;
        _time = time;
    }

    public bool TryBuild(BulkItem item, string agent, out PendingEvent pending, out string? error)
    {
        pending = default;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(item.Source, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            error = $"failed to parse the source document ({e.Message})";
            return false;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the source document must be a JSON object";
                return false;
            }

            var document = new EcsDocument();
            var dataset = DatasetOf(item.Index, root);
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String && dataset is not null
                && _formats.TryGet(dataset, out _))
            {
                _formats.Parse(dataset, message.GetString()!, document);
            }
            else if (dataset is not null)
            {
                document.Set("event.dataset", dataset);
            }

            EcsJsonReader.MergeInto(document, root);

            var now = _time.GetUtcNow();
            var timedByIngestClock = document.Timestamp is null;
            document.Timestamp ??= now;
            if (!document.TryGetValue("event.ingested", out _))
            {
                document.Set("event.ingested", EcsTime.Format(now));
            }

            if (!document.TryGetValue("agent.type", out _))
            {
                document.Set("agent.type", "elasticsearch-bulk");
                document.Set("agent.name", agent);
            }

            pending = new PendingEvent(item.Id ?? ContentId(item), document, timedByIngestClock);
            error = null;
            return true;
        }
    }

    /// <summary>Dataset from <c>logs-apache.access-default</c>, <c>apache.access</c>, or the document's own fields.</summary>
    internal string? DatasetOf(string index, JsonElement root)
    {
        var parts = index.Split('-');
        if (parts.Length == 3 && parts[0] is "logs" && parts[1].Length > 0)
        {
            return parts[1];
        }

        if (_formats.TryGet(index, out var format))
        {
            return format.Dataset;
        }

        return Nested(root, "event", "dataset") ?? Nested(root, "data_stream", "dataset");
    }

    private static string? Nested(JsonElement root, string outer, string inner)
    {
        if (root.TryGetProperty($"{outer}.{inner}", out var dotted) && dotted.ValueKind == JsonValueKind.String)
        {
            return dotted.GetString();
        }

        return root.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty(inner, out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    private static string ContentId(BulkItem item)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(item.Index + "\n"));
        sha.AppendData(item.Source.Span);
        return Convert.ToHexStringLower(sha.GetHashAndReset().AsSpan(0, 16));
    }
}
