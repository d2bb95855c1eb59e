using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>
/// Plays ingest for the process tests: a real Kestrel server on 127.0.0.1 that takes <c>POST /v1/batches</c> (gzip
/// NDJSON, bearer token), stores each event once by id (a re-sent id counts as a duplicate, as in ingest), and can be
/// told to answer with an error status or to go away entirely (its port stays reserved for <see cref="StartAsync"/>).
/// </summary>
internal sealed class TestReceiver : IAsyncDisposable
{
    public const string Token = "test-token";
    private readonly ConcurrentDictionary<string, ReceivedEvent> _events = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _duplicates;
    private long _requests;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>When set, every request is answered with this status (and <c>Retry-After: 1</c> for 429/503).</summary>
    public int? ForcedStatus { get; set; }

    /// <summary>
    /// When set, awaited with a request's events before they are stored and answered: a test holds back one batch
    /// (e.g. the one holding offset 0) to answer later ones first. False answers 503 without storing the events.
    /// </summary>
    public Func<IReadOnlyList<ReceivedEvent>, Task<bool>>? BeforeAnswer { get; set; }

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyCollection<ReceivedEvent> Events => [.. _events.Values];

    public int Count => _events.Count;

    public static async Task<TestReceiver> StartNewAsync()
    {
        var receiver = new TestReceiver();
        await receiver.StartAsync();
        return receiver;
    }

    /// <summary>Starts listening (again, on the same port after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, Port);
            k.Limits.MaxRequestBodySize = 64 << 20;
        });
        _app = builder.Build();
        _app.MapPost("/v1/batches", HandleAsync);
        await _app.StartAsync();
        Port = new Uri(_app.Urls.First()).Port;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Polls until <paramref name="condition"/> holds or the deadline passes (then fails with <paramref name="what"/>).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds} s waiting for {what()}");
            }

            await Task.Delay(50);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (ForcedStatus is { } status)
        {
            context.Response.StatusCode = status;
            if (status is 429 or 503)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = $"forced {status} by the test" });
            return;
        }

        if (context.Request.Headers.Authorization != $"Bearer {Token}")
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "unknown token" });
            return;
        }

        using var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        int accepted = 0, duplicates = 0;
        var parsed = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        if (BeforeAnswer is { } hold && !await hold(parsed))
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = "dropped by the test" });
            return;
        }

        foreach (var e in parsed)
        {
            if (_events.TryAdd(e.Id, e))
            {
                accepted++;
            }
            else
            {
                duplicates++;
                Interlocked.Increment(ref _duplicates);
            }
        }

        await context.Response.WriteAsJsonAsync(new Dictionary<string, int> { ["accepted"] = accepted, ["duplicates"] = duplicates, ["failed"] = 0 });
    }

    private static ReceivedEvent Parse(string line)
    {
        var root = JsonDocument.Parse(line).RootElement;
        var message = root.TryGetProperty("message", out var m)
            ? m.GetString()!
            : "base64:" + root.GetProperty("message_base64").GetString();
        var tags = root.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        return new ReceivedEvent(root.GetProperty("id").GetString()!, root.GetProperty("file").GetString()!,
            root.GetProperty("fingerprint").GetString()!, root.GetProperty("offset").GetInt64(), message, tags);
    }
}
