using System.Text.Json.Nodes;

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>
/// Response bodies shaped as the Elasticsearch reference documents them (values written for these tests): the root
/// endpoint, acknowledgements, <c>_bulk</c> items (created, version conflict, rejected, mapping error) and
/// whole-request errors.
/// </summary>
internal static class EsResponses
{
    public const string Acknowledged = """{"acknowledged":true}""";

    public const string BackingIndex = ".ds-logs-apache.access-default-2026.11.20-000001";

    public static string Root(string version, string? distribution = null)
    {
        var versionObject = new JsonObject
        {
            ["number"] = version,
            ["build_flavor"] = "default",
            ["build_type"] = "deb",
            ["build_snapshot"] = false,
            ["lucene_version"] = "9.11.1",
            ["minimum_wire_compatibility_version"] = "7.17.0",
            ["minimum_index_compatibility_version"] = "7.0.0",
        };
        if (distribution is not null)
        {
            versionObject["distribution"] = distribution;
        }

        return new JsonObject
        {
            ["name"] = "es-test-1",
            ["cluster_name"] = "logpipeline-test",
            ["cluster_uuid"] = "q1Zb3v0gS5eB7n0c4dK2xw",
            ["version"] = versionObject,
            ["tagline"] = "You Know, for Search",
        }.ToJsonString();
    }

    public static string Bulk(params JsonObject[] items)
    {
        var errors = items.Any(i => (int)i["status"]! >= 300);
        return new JsonObject
        {
            ["errors"] = errors,
            ["took"] = 7,
            ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["create"] = i }).ToArray()),
        }.ToJsonString();
    }

    public static JsonObject Created(string id, long seqNo = 0) => new()
    {
        ["_index"] = BackingIndex,
        ["_id"] = id,
        ["_version"] = 1,
        ["result"] = "created",
        ["_shards"] = new JsonObject { ["total"] = 2, ["successful"] = 1, ["failed"] = 0 },
        ["_seq_no"] = seqNo,
        ["_primary_term"] = 1,
        ["status"] = 201,
    };

    public static JsonObject Conflict(string id) => Failed(id, 409, new JsonObject
    {
        ["type"] = "version_conflict_engine_exception",
        ["reason"] = $"[{id}]: version conflict, document already exists (current version [1])",
        ["index_uuid"] = "hT0pL2mQR8uYV3kS9wXbNg",
        ["shard"] = "0",
        ["index"] = BackingIndex,
    });

    public static JsonObject Rejected(string id) => Failed(id, 429, new JsonObject
    {
        ["type"] = "es_rejected_execution_exception",
        ["reason"] = "rejected execution of primary operation on EsThreadPoolExecutor[name = es-test-1/write, queue capacity = 10000]",
    });

    public static JsonObject MapperParsing(string id) => Failed(id, 400, new JsonObject
    {
        ["type"] = "mapper_parsing_exception",
        ["reason"] = $"failed to parse field [http.response.status_code] of type [long] in document with id '{id}'. Preview of field's value: 'two hundred'",
        ["caused_by"] = new JsonObject
        {
            ["type"] = "illegal_argument_exception",
            ["reason"] = "For input string: \"two hundred\"",
        },
    });

    public static string Error(int status, string type, string reason) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["root_cause"] = new JsonArray(new JsonObject { ["type"] = type, ["reason"] = reason }),
            ["type"] = type,
            ["reason"] = reason,
        },
        ["status"] = status,
    }.ToJsonString();

    public static string Unavailable => Error(503, "cluster_block_exception", "blocked by: [SERVICE_UNAVAILABLE/2/no master];");

    public static string Unauthorized => Error(401, "security_exception", "unable to authenticate user [ingest] for REST request [/_bulk]");

    private static JsonObject Failed(string id, int status, JsonObject error) => new()
    {
        ["_index"] = BackingIndex,
        ["_id"] = id,
        ["status"] = status,
        ["error"] = error,
    };

    /// <summary>A <c>date_nanos</c> sort value: nanoseconds since the epoch.</summary>
    public static long Nanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>An aggregations-only <c>_search</c> answer (<c>size: 0</c>, no total asked).</summary>
    public static string Aggregations(JsonObject aggregations) => new JsonObject
    {
        ["took"] = 9,
        ["timed_out"] = false,
        ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
        ["hits"] = new JsonObject
        {
            ["total"] = new JsonObject { ["value"] = 10000, ["relation"] = "gte" },
            ["max_score"] = null,
            ["hits"] = new JsonArray(),
        },
        ["aggregations"] = aggregations,
    }.ToJsonString();

    /// <summary>A <c>_search</c> answer: the given events as hits (newest first), each with its sort values.</summary>
    public static string Search(long total, string relation, params LogRecord[] hits) => new JsonObject
    {
        ["took"] = 4,
        ["timed_out"] = false,
        ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
        ["hits"] = new JsonObject
        {
            ["total"] = new JsonObject { ["value"] = total, ["relation"] = relation },
            ["max_score"] = null,
            ["hits"] = new JsonArray(hits.Select(h => (JsonNode)new JsonObject
            {
                ["_index"] = BackingIndex,
                ["_id"] = h.Id,
                ["_score"] = null,
                ["_source"] = JsonNode.Parse(h.DocumentJson),
                ["sort"] = new JsonArray(Nanos(h.Timestamp), h.Id),
            }).ToArray()),
        },
    }.ToJsonString();
}
