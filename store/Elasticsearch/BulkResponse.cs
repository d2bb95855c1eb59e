using System.Net;
using System.Text.Json;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>What one <c>_bulk</c> item came back as: stored, already there, worth retrying, or refused for good.</summary>
internal enum ItemFate
{
    Stored,
    Duplicate,
    Retry,
    Refused,
}

/// <summary>One item's answer: the fate, the HTTP status Elasticsearch gave it, and the error text if any.</summary>
internal readonly record struct ItemResult(ItemFate Fate, int Status, string? Reason);

/// <summary>
/// Reads a <c>_bulk</c> response: one entry in <c>items</c> per action, in request order, each
/// <c>{"create":{"status":…,"error":{…}}}</c>. Every item is read whatever <c>errors</c> says: the flag only tells
/// whether some item failed. 201 stored; 409 (<c>version_conflict_engine_exception</c>) means the id exists, so a
/// duplicate; 429 and 5xx are retried; any other status is refused for good.
/// </summary>
internal static class BulkResponse
{
    /// <summary>The item results, or null with a reason when the body is not a bulk response for this many items.</summary>
    public static IReadOnlyList<ItemResult>? Read(string body, int expectedItems, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("items", out var items)
                || items.ValueKind != JsonValueKind.Array)
            {
                error = "the _bulk response has no 'items' array.";
                return null;
            }

            if (items.GetArrayLength() != expectedItems)
            {
                error = $"the _bulk response has {items.GetArrayLength()} items for {expectedItems} actions.";
                return null;
            }

            var results = new List<ItemResult>(expectedItems);
            foreach (var item in items.EnumerateArray())
            {
                results.Add(ReadItem(item));
            }

            return results;
        }
        catch (JsonException e)
        {
            error = $"the _bulk response is not JSON: {e.Message}";
            return null;
        }
    }

    private static ItemResult ReadItem(JsonElement item)
    {
        // {"create": {...}}: one property named after the action.
        var result = item.ValueKind == JsonValueKind.Object ? item.EnumerateObject().FirstOrDefault().Value : default;
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("status", out var statusElement)
            || !statusElement.TryGetInt32(out var status))
        {
            return new ItemResult(ItemFate.Refused, 0, $"unreadable _bulk item: {item}");
        }

        var reason = result.TryGetProperty("error", out var error) ? EsResponse.ErrorReason(error) : null;
        var fate = status switch
        {
            >= 200 and < 300 => ItemFate.Stored,
            (int)HttpStatusCode.Conflict => ItemFate.Duplicate,
            (int)HttpStatusCode.TooManyRequests or >= 500 => ItemFate.Retry,
            _ => ItemFate.Refused,
        };
        return new ItemResult(fate, status, reason);
    }
}
