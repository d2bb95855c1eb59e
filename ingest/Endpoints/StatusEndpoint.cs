using System.Text.Json;
using System.Text.Json.Nodes;
using LogPipeline.Ingest.Configuration;
using LogPipeline.Ingest.Security;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Endpoints;

/// <summary>
/// <c>POST /v1/status</c>: a shipper's heartbeat (its files, read and acknowledged offsets, lag, last error). The
/// latest one per host is kept as <c>&lt;data-dir&gt;/hosts/&lt;host&gt;.json</c>, stamped with <c>received_at</c>,
/// for the UI's hosts page — so a silent or lagging host stands out. Written atomically (temp file, rename).
/// </summary>
internal sealed class StatusEndpoint
{
    private const int MaxBytes = 512 * 1024;
    private readonly TokenAuthenticator _auth;
    private readonly string _directory;
    private readonly TimeProvider _time;

    public StatusEndpoint(TokenAuthenticator auth, IngestOptions options, TimeProvider time)
    {
        _auth = auth;
        _directory = Path.Combine(options.DataDir, "hosts");
        _time = time;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (_auth.Authenticate(context.Request.Headers.Authorization) is null)
        {
            await Problem.WriteAsync(context, 401, "missing or unknown bearer token");
            return;
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            await Problem.WriteAsync(context, 413, $"a status report is at most {MaxBytes} bytes");
            return;
        }

        JsonObject? report;
        try
        {
            using var limited = new Pipeline.LimitedReadStream(context.Request.Body, MaxBytes, decompressed: false);
            report = await JsonNode.ParseAsync(limited, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (Pipeline.LimitExceededException)
        {
            await Problem.WriteAsync(context, 413, $"a status report is at most {MaxBytes} bytes");
            return;
        }
        catch (JsonException e)
        {
            await Problem.WriteAsync(context, 400, $"status report is not valid JSON ({e.Message})");
            return;
        }

        if (report?["host"] is not JsonValue hostValue || !hostValue.TryGetValue<string>(out var host) || !IsSafeName(host))
        {
            await Problem.WriteAsync(context, 400, "field 'host' is required: 1-253 characters of A-Z, a-z, 0-9, '.', '-' or '_'");
            return;
        }

        report["received_at"] = EcsTime.Format(_time.GetUtcNow());
        Directory.CreateDirectory(_directory);
        var target = Path.Combine(_directory, host + ".json");
        var temp = target + ".tmp";
        await File.WriteAllTextAsync(temp, report.ToJsonString(), context.RequestAborted);
        File.Move(temp, target, overwrite: true);
        context.Response.StatusCode = 204;
    }

    private static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 253 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
