using System.Diagnostics;
using System.Text.Json;
using LogPipeline.Ingest.Endpoints;
using LogPipeline.Ingest.Observability;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Ingest.Security;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Bulk;

/// <summary>
/// <c>POST /_bulk</c> and <c>POST /{index}/_bulk</c>, answering as Elasticsearch does: per-item results in request
/// order with <c>errors: true</c> when any item failed, <c>201 created</c> for a new document, <c>409</c> for a
/// <c>create</c> whose id is already stored, and for an <c>index</c> of a stored id <c>200 noop</c> (the store is
/// append-only: the first copy stays).
/// </summary>
internal sealed class BulkEndpoint
{
    private readonly TokenAuthenticator _auth;
    private readonly BatchReader _reader;
    private readonly BulkDocumentBuilder _builder;
    private readonly EventPipeline _pipeline;
    private readonly IngestMetrics _metrics;
    private readonly SemaphoreSlim _gate;

    public BulkEndpoint(TokenAuthenticator auth, BatchReader reader, BulkDocumentBuilder builder, EventPipeline pipeline, IngestMetrics metrics, BatchGate gate)
    {
        _auth = auth;
        _reader = reader;
        _builder = builder;
        _pipeline = pipeline;
        _metrics = metrics;
        _gate = gate.Semaphore;
    }

    public async Task HandleAsync(HttpContext context, string? index)
    {
        ElasticsearchApi.MarkProduct(context);
        var agent = _auth.AuthenticateElasticsearchClient(context.Request.Headers.Authorization);
        if (agent is null)
        {
            _metrics.BatchRefused();
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"logpipeline\", ApiKey, Bearer";
            await ElasticsearchApi.ErrorAsync(context, 401, "security_exception", "missing or unknown credentials: use basic auth with a shipper token as the password, or an API key");
            return;
        }

        if (!await _gate.WaitAsync(TimeSpan.FromMilliseconds(500), context.RequestAborted))
        {
            _metrics.BatchRefused();
            context.Response.Headers.RetryAfter = "1";
            await ElasticsearchApi.ErrorAsync(context, 429, "es_rejected_execution_exception", "ingest is busy: retry later");
            return;
        }

        try
        {
            await HandleAdmittedAsync(context, index, agent);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task HandleAdmittedAsync(HttpContext context, string? index, string agent)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var (body, status, error) = await _reader.ReadBodyAsync(request.Body, request.ContentLength, request.Headers.ContentEncoding, context.RequestAborted);
        if (body is null || !BulkRequestParser.TryParse(body, index, out var items, out error))
        {
            _metrics.BatchRefused();
            await ElasticsearchApi.ErrorAsync(context, body is null ? status : 400, body is null ? "parse_exception" : "illegal_argument_exception", error!);
            return;
        }

        var pending = new List<PendingEvent>(items.Count);
        var slots = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            slots[i] = -1;
            if (items[i].ErrorType is not null)
            {
                continue;
            }

            if (_builder.TryBuild(items[i], agent, out var built, out var buildError))
            {
                slots[i] = pending.Count;
                pending.Add(built);
            }
            else
            {
                items[i] = items[i] with { ErrorType = "document_parsing_exception", ErrorReason = buildError, ErrorStatus = 400 };
            }
        }

        var result = pending.Count > 0 ? await _pipeline.WriteAsync(pending, body.Length, context.RequestAborted) : new WriteResult([]);
        await WriteResponseAsync(context, items, slots, pending, result, Stopwatch.GetElapsedTime(started));
    }

    private static async Task WriteResponseAsync(HttpContext context, List<BulkItem> items, int[] slots, List<PendingEvent> pending, WriteResult result, TimeSpan took)
    {
        var anyError = false;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteNumber("took", (long)took.TotalMilliseconds);
        writer.WriteStartArray("items");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var outcome = slots[i] >= 0 ? result.Outcomes[slots[i]] : new WriteOutcome(WriteStatus.Failed, item.ErrorReason);
            var id = slots[i] >= 0 ? pending[slots[i]].Id : item.Id;
            writer.WriteStartObject();
            writer.WriteStartObject(item.Action);
            writer.WriteString("_index", item.Index);
            writer.WriteString("_id", id);
            anyError |= ElasticsearchApi.WriteItemOutcome(writer, item, outcome);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("errors", anyError);
        writer.WriteEndObject();
    }
}
