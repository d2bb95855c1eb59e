using System.Net;
using System.Text.Json;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// One HTTP exchange with a node: the status and body, or (status 0) why no answer came back. Elasticsearch errors
/// carry <c>{"error":{"type":…,"reason":…},"status":…}</c>; <see cref="Describe"/> turns that into one line.
/// </summary>
internal readonly record struct EsResponse(int Status, string Body, string Node, string? TransportError = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Worth another try later: no answer, rejected (429), or the cluster is unwell (5xx).</summary>
    public bool IsRetriable => Status == 0 || Status == (int)HttpStatusCode.TooManyRequests || Status >= 500;

    public bool IsAuthFailure => Status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden;

    /// <summary>"HTTP 503 from https://es1:9200: cluster_block_exception: …" or "no answer from …: …".</summary>
    public string Describe()
    {
        if (Status == 0)
        {
            return $"no answer from {Node}: {TransportError}";
        }

        var reason = ErrorReason(Body);
        return reason is null ? $"HTTP {Status} from {Node}" : $"HTTP {Status} from {Node}: {reason}";
    }

    /// <summary>"type: reason" of the body's <c>error</c> object (plus its first cause), or null when there is none.</summary>
    public static string? ErrorReason(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error)
                ? ErrorReason(error)
                : null;
        }
        catch (JsonException)
        {
            return body.Length == 0 ? null : body[..Math.Min(body.Length, 300)];
        }
    }

    /// <summary>Formats an Elasticsearch error object: <c>type: reason (caused by type: reason)</c>.</summary>
    public static string ErrorReason(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return error.ToString();
        }

        var text = $"{Text(error, "type")}: {Text(error, "reason")}";
        return error.TryGetProperty("caused_by", out var cause) && cause.ValueKind == JsonValueKind.Object
            ? $"{text} (caused by {Text(cause, "type")}: {Text(cause, "reason")})"
            : text;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : "?";
}
