using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using LogPipeline.Shipper.Batching;
using LogPipeline.Shipper.Configuration;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>One HTTP attempt at <c>POST /v1/batches</c>, classified into a <see cref="SendOutcome"/>.</summary>
internal sealed class IngestClient : IDisposable
{
    public const string Agent = "shipper/1.0";
    private readonly HttpClient _http;
    private readonly IngestOptions _options;
    private readonly TimeProvider _time;

    public IngestClient(IngestOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (options.InsecureSkipVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (options.CaFile is { } caFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                ValidateWithCa(certificate, errors, roots);
        }

        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static Uri BatchesUrl(Uri baseUrl) =>
        baseUrl.AbsolutePath.EndsWith("/v1/batches", StringComparison.Ordinal) ? baseUrl : new Uri(baseUrl, "/v1/batches");

    public async Task<SendOutcome> SendAsync(Uri baseUrl, Batch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, BatchesUrl(baseUrl));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        request.Headers.TryAddWithoutValidation("X-LogPipeline-Agent", Agent);
        request.Content = new ReadOnlyMemoryContent(batch.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Content.Headers.ContentEncoding.Add("gzip");
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return Classify(response, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(SendOutcomeKind.Retry, 0, $"no answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome(SendOutcomeKind.Retry, 0, e.InnerException?.Message ?? e.Message);
        }
    }

    /// <summary>
    /// Posts a heartbeat (docs/protocol.md, <c>/v1/status</c>) to the first URL that takes it; true when one did.
    /// Best effort: a heartbeat that cannot be delivered is replaced by the next one.
    /// </summary>
    public async Task<bool> PostStatusAsync(byte[] json, CancellationToken cancellationToken)
    {
        foreach (var baseUrl in _options.Urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "/v1/status")) { Content = new ByteArrayContent(json) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Try the next URL; the forwarder logs connection problems already.
            }
        }

        return false;
    }

    public void Dispose() => _http.Dispose();

    private static SendOutcome Classify(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        if (status == 200)
        {
            return new SendOutcome(SendOutcomeKind.Acknowledged, status, "ok", Response: TryParse(body));
        }

        var reason = ErrorReason(body, response.ReasonPhrase);
        if (status is 408 or 429 || status >= 500)
        {
            return new SendOutcome(SendOutcomeKind.Retry, status, reason, RetryAfter(response));
        }

        return new SendOutcome(SendOutcomeKind.Rejected, status, reason);
    }

    private static IngestResponse? TryParse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, ForwardingJsonContext.Default.IngestResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ErrorReason(byte[] body, string? phrase)
    {
        try
        {
            if (body.Length > 0 && JsonSerializer.Deserialize(body, ForwardingJsonContext.Default.IngestErrorBody)?.Error is { } error)
            {
                return error;
            }
        }
        catch (JsonException)
        {
            // Not the documented error body: fall back to the raw text below.
        }

        var text = System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500))).Trim();
        return text.Length > 0 ? text : phrase ?? "no reason given";
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta ? delta : null;

    private static bool ValidateWithCa(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false; // Name mismatch or no certificate: a custom CA does not excuse those.
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
