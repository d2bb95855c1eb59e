using System.Text.Json;

namespace LogPipeline.Ingest.Bulk;

/// <summary>
/// Splits a <c>_bulk</c> body (NDJSON: an action line, then a source line for <c>index</c>/<c>create</c>) into items.
/// A malformed action line refuses the whole request, as Elasticsearch does; unsupported actions (<c>update</c>,
/// <c>delete</c>: the store is append-only) become item errors.
/// </summary>
internal static class BulkRequestParser
{
    public static bool TryParse(ReadOnlyMemory<byte> body, string? pathIndex, out List<BulkItem> items, out string? error)
    {
        items = [];
        error = null;
        var lines = new LineReader(body);
        var number = 0;
        while (lines.Next(out var line))
        {
            number++;
            if (!TryAction(line.Span, out var action, out var index, out var id, out error))
            {
                error = $"line {number}: {error}";
                return false;
            }

            index ??= pathIndex;
            if (index is null)
            {
                error = $"line {number}: no _index in the action and none in the URL: use POST /<index>/_bulk or give _index";
                return false;
            }

            if (action is "delete")
            {
                items.Add(Unsupported(action, index, id, "delete is not supported: LogPipeline stores are append-only"));
                continue;
            }

            if (!lines.Next(out var source))
            {
                error = $"line {number}: the {action} action has no source line after it";
                return false;
            }

            number++;
            items.Add(action switch
            {
                "index" or "create" => new BulkItem(action, index, id, source),
                _ => Unsupported(action, index, id, $"{action} is not supported: use index or create"),
            });
        }

        if (items.Count == 0)
        {
            error = "the request body is empty: send action and source lines (NDJSON)";
            return false;
        }

        return true;
    }

    private static BulkItem Unsupported(string action, string index, string? id, string reason) =>
        new(action, index, id, ReadOnlyMemory<byte>.Empty) { ErrorType = "illegal_argument_exception", ErrorReason = reason, ErrorStatus = 400 };

    private static bool TryAction(ReadOnlySpan<byte> line, out string action, out string? index, out string? id, out string? error)
    {
        action = string.Empty;
        index = null;
        id = null;
        error = null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                error = "an action line is an object with one key: index, create, update or delete";
                return false;
            }

            action = reader.GetString()!;
            if (action is not ("index" or "create" or "update" or "delete") || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = $"unknown action '{action}': use index or create";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name is "_index" or "_id")
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = $"{name} must be a string";
                        return false;
                    }

                    (name == "_index" ? ref index : ref id) = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return true;
        }
        catch (JsonException e)
        {
            error = $"the action line is not valid JSON ({e.Message})";
            return false;
        }
    }

    /// <summary>Walks non-blank lines of a buffer.</summary>
    private struct LineReader(ReadOnlyMemory<byte> rest)
    {
        public bool Next(out ReadOnlyMemory<byte> line)
        {
            while (!rest.IsEmpty)
            {
                var nl = rest.Span.IndexOf((byte)'\n');
                line = nl < 0 ? rest : rest[..nl];
                rest = nl < 0 ? ReadOnlyMemory<byte>.Empty : rest[(nl + 1)..];
                if (!line.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    return true;
                }
            }

            line = default;
            return false;
        }
    }
}
