using System.Text.Json;

namespace LogPipeline.Ingest.Endpoints;

/// <summary>Error answers: the status and a JSON body <c>{"error": "…"}</c> that names the problem and what to do.</summary>
internal static class Problem
{
    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteEndObject();
    }
}
