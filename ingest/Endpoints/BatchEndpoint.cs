using System.Text.Json;
using LogPipeline.Ingest.Observability;
using LogPipeline.Ingest.Pipeline;
using LogPipeline.Ingest.Security;
using LogPipeline.Store;

namespace LogPipeline.Ingest.Endpoints;

/// <summary>
/// <c>POST /v1/batches</c> (docs/protocol.md): authenticate, read within limits, parse, write, and answer only once the
/// store reports the batch durable. At most a fixed number of batches are in flight; past that the shipper is told to
/// come back later (429 with Retry-After) instead of queueing without bound.
/// </summary>
internal sealed class BatchEndpoint
{
    private readonly TokenAuthenticator _auth;
    private readonly BatchReader _reader;
    private readonly EventPipeline _pipeline;
    private readonly IngestMetrics _metrics;
    private readonly SemaphoreSlim _gate;

    public BatchEndpoint(TokenAuthenticator auth, BatchReader reader, EventPipeline pipeline, IngestMetrics metrics, BatchGate gate)
    {
        _auth = auth;
        _reader = reader;
        _pipeline = pipeline;
        _metrics = metrics;
        _gate = gate.Semaphore;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var agent = _auth.Authenticate(context.Request.Headers.Authorization);
        if (agent is null)
        {
            _metrics.BatchRefused();
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problem.WriteAsync(context, 401, "missing or unknown bearer token: set ingest.token in the shipper config to a token this ingest accepts");
            return;
        }

        if (!await _gate.WaitAsync(TimeSpan.FromMilliseconds(500), context.RequestAborted))
        {
            _metrics.BatchRefused();
            context.Response.Headers.RetryAfter = "1";
            await Problem.WriteAsync(context, 429, "ingest is busy (all batch slots in use): retry after the Retry-After delay");
            return;
        }

        _metrics.BatchStarted();
        try
        {
            await HandleAdmittedAsync(context, agent);
        }
        finally
        {
            _metrics.BatchEnded();
            _gate.Release();
        }
    }

    private async Task HandleAdmittedAsync(HttpContext context, string agent)
    {
        var request = context.Request;
        var read = await _reader.ReadAsync(request.Body, request.ContentLength, request.Headers.ContentEncoding, context.RequestAborted);
        if (read.Events is null)
        {
            _metrics.BatchRefused();
            await Problem.WriteAsync(context, read.Status, read.Error!);
            return;
        }

        var result = await _pipeline.ProcessAsync(read.Events, agent, context.RequestAborted);
        await WriteResponseAsync(context, read.Events, result);
    }

    private static async Task WriteResponseAsync(HttpContext context, IReadOnlyList<IncomingEvent> events, WriteResult result)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteNumber("accepted", result.Stored);
        writer.WriteNumber("duplicates", result.Duplicates);
        writer.WriteNumber("failed", result.Failed);
        writer.WriteStartArray("errors");
        for (var i = 0; i < events.Count; i++)
        {
            var outcome = result.Outcomes[i];
            if (outcome.Status == WriteStatus.Failed)
            {
                writer.WriteStartObject();
                writer.WriteNumber("index", i);
                writer.WriteString("id", events[i].Id);
                writer.WriteString("reason", outcome.Reason);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
