using System.Net.Http.Headers;
using System.Text;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// Sends one request to one node, with the configured authentication and time limit. It keeps to one node of
/// <see cref="ElasticsearchStoreOptions.Urls"/> (its connections stay warm) and moves to the next when that node
/// does not answer or answers 5xx. Never throws for what the network or the node does: that comes back as an
/// <see cref="EsResponse"/> (status 0 when no answer came). Retrying is the caller's business.
/// </summary>
internal sealed class EsTransport : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri[] _nodes;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly TimeSpan _timeout;
    private int _next;

    public EsTransport(ElasticsearchStoreOptions options, HttpMessageHandler handler, bool disposeHandler)
    {
        _client = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _nodes = options.Urls;
        _timeout = options.RequestTimeout;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            _authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var pair = Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}");
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }
    }

    /// <summary>The node the next request goes to (after a failure the rotation has already moved on).</summary>
    public Uri CurrentNode => _nodes[(uint)Volatile.Read(ref _next) % _nodes.Length];

    public async Task<EsResponse> SendAsync(
        HttpMethod method, string pathAndQuery, string? body, string contentType, CancellationToken cancellationToken)
    {
        var node = CurrentNode;
        using var request = new HttpRequestMessage(method, new Uri(node.ToString().TrimEnd('/') + pathAndQuery));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _client.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if ((int)response.StatusCode >= 500)
            {
                MoveOn();
            }

            return new EsResponse((int)response.StatusCode, text, Describe(node));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            MoveOn();
            return new EsResponse(0, string.Empty, Describe(node), $"no response within {_timeout.TotalSeconds:0.#} s (RequestTimeout)");
        }
        catch (HttpRequestException e)
        {
            MoveOn();
            return new EsResponse(0, string.Empty, Describe(node), Flatten(e));
        }
    }

    public void Dispose() => _client.Dispose();

    private void MoveOn() => Interlocked.Increment(ref _next);

    /// <summary>The node without credentials that may sit in its user-info part.</summary>
    private static string Describe(Uri node) => $"{node.Scheme}://{node.Authority}";

    /// <summary>TLS and socket errors hide the useful part in inner exceptions; keep them all on one line.</summary>
    private static string Flatten(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            parts.Add(x.Message);
        }

        return string.Join(" -> ", parts.Distinct());
    }
}
