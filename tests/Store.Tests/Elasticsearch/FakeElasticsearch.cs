using System.Net;
using System.Text;

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>One request as the fake cluster received it.</summary>
internal sealed record RecordedRequest(string Method, string Node, string PathAndQuery, string? ContentType, string? Authorization, string Body);

/// <summary>
/// A hand-written stand-in for a cluster: records every request and answers from queued responses per
/// "METHOD /path" (matched without the query string), falling back to a standing answer; the root and template calls
/// answer as an 8.x cluster does unless a test says otherwise. A request nobody expected fails the test.
/// </summary>
internal sealed class FakeElasticsearch : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<RecordedRequest, HttpResponseMessage>>> _queued = [];
    private readonly Dictionary<string, Func<RecordedRequest, HttpResponseMessage>> _standing = [];

    public FakeElasticsearch()
    {
        Always("GET /", 200, EsResponses.Root("8.15.3"));
        Always("PUT /_component_template/logpipeline-ecs%40mappings", 200, EsResponses.Acknowledged);
        Always("PUT /_index_template/logpipeline-logs-default", 200, EsResponses.Acknowledged);
        Always("PUT /_index_template/logpipeline-logs-default-daily", 200, EsResponses.Acknowledged);
    }

    public List<RecordedRequest> Requests { get; } = [];

    public IEnumerable<RecordedRequest> Bulks => Requests.Where(r => r.PathAndQuery == "/_bulk");

    /// <summary>Answers the next matching request (then the one queued after it, then the standing answer).</summary>
    public FakeElasticsearch Then(string route, int status, string body) =>
        Then(route, _ => Json(status, body));

    public FakeElasticsearch Then(string route, Func<RecordedRequest, HttpResponseMessage> respond)
    {
        if (!_queued.TryGetValue(route, out var queue))
        {
            _queued[route] = queue = new();
        }

        queue.Enqueue(respond);
        return this;
    }

    /// <summary>The next matching request fails as if the node were down.</summary>
    public FakeElasticsearch ThenRefuseConnection(string route) =>
        Then(route, r => throw new HttpRequestException($"Connection refused ({r.Node})", new IOException("connection refused")));

    public FakeElasticsearch Always(string route, int status, string body)
    {
        _standing[route] = _ => Json(status, body);
        return this;
    }

    public static HttpResponseMessage Json(int status, string body) => new((HttpStatusCode)status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var recorded = new RecordedRequest(
            request.Method.Method,
            uri.GetLeftPart(UriPartial.Authority),
            uri.PathAndQuery,
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.ToString(),
            request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        Requests.Add(recorded);
        var route = $"{recorded.Method} {uri.AbsolutePath}";
        if (_queued.TryGetValue(route, out var queue) && queue.Count > 0)
        {
            return queue.Dequeue()(recorded);
        }

        return _standing.TryGetValue(route, out var standing)
            ? standing(recorded)
            : throw new InvalidOperationException($"The fake cluster did not expect {route}.");
    }
}
