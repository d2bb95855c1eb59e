using System.Text.Json;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Bulk;

/// <summary>
/// The few shapes of the Elasticsearch REST API that clients check: the product header, the root version document,
/// error bodies and bulk item results.
/// </summary>
internal static class ElasticsearchApi
{
    /// <summary>The version we answer as: clients of 8.x refuse older majors.</summary>
    public const string CompatibleVersion = "8.17.0";

    public static void MarkProduct(HttpContext context) => context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";

    public static async Task RootAsync(HttpContext context)
    {
        MarkProduct(context);
        context.Response.ContentType = "application/json";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("name", Environment.MachineName);
        writer.WriteString("cluster_name", "logpipeline");
        writer.WriteString("cluster_uuid", "logpipeline-ingest");
        writer.WriteStartObject("version");
        writer.WriteString("number", CompatibleVersion);
        writer.WriteString("build_flavor", "default");
        writer.WriteString("build_type", "logpipeline");
        writer.WriteString("lucene_version", "9.12.0");
        writer.WriteString("minimum_wire_compatibility_version", "7.17.0");
        writer.WriteString("minimum_index_compatibility_version", "7.0.0");
        writer.WriteEndObject();
        writer.WriteString("tagline", "You Know, for Search");
        writer.WriteEndObject();
    }

    public static async Task ErrorAsync(HttpContext context, int status, string type, string reason)
    {
        MarkProduct(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteStartArray("root_cause");
        WriteCause(writer, type, reason);
        writer.WriteEndArray();
        writer.WriteString("type", type);
        writer.WriteString("reason", reason);
        writer.WriteEndObject();
        writer.WriteNumber("status", status);
        writer.WriteEndObject();
    }

    /// <summary>Writes an item's <c>status</c>, <c>result</c> or <c>error</c>; true when it is an error.</summary>
    public static bool WriteItemOutcome(Utf8JsonWriter writer, BulkItem item, WriteOutcome outcome)
    {
        switch (outcome.Status)
        {
            case WriteStatus.Stored:
                writer.WriteNumber("_version", 1);
                writer.WriteString("result", "created");
                writer.WriteNumber("status", 201);
                return false;
            case WriteStatus.Duplicate when item.Action == "index":
                writer.WriteNumber("_version", 1);
                writer.WriteString("result", "noop");
                writer.WriteNumber("status", 200);
                return false;
            case WriteStatus.Duplicate:
                writer.WriteNumber("status", 409);
                writer.WritePropertyName("error");
                WriteCause(writer, "version_conflict_engine_exception", $"[{item.Id}]: version conflict, document already exists (current version [1])");
                return true;
            default:
                writer.WriteNumber("status", item.ErrorStatus > 0 ? item.ErrorStatus : 500);
                writer.WritePropertyName("error");
                WriteCause(writer, item.ErrorType ?? "store_exception", outcome.Reason ?? item.ErrorReason ?? "not stored");
                return true;
        }
    }

    private static void WriteCause(Utf8JsonWriter writer, string type, string reason)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("reason", reason);
        writer.WriteEndObject();
    }
}
