using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Tests.Detection;

/// <summary>Builds parsed access events directly, for rule-level tests.</summary>
internal static class AccessEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static EcsDocument Create(string ip, double seconds, string method = "GET", string path = "/", int status = 200,
        string agent = "Mozilla/5.0", string host = "web1", string dataset = "apache.access")
    {
        var document = new EcsDocument { Timestamp = T0.AddSeconds(seconds) };
        document.Set("event.dataset", dataset);
        document.Set("host.name", host);
        document.Set("source.ip", ip);
        document.Set("http.request.method", method);
        document.Set("url.original", path);
        document.Set("url.path", path.Split('?')[0]);
        document.Set("http.response.status_code", status);
        document.Set("user_agent.original", agent);
        return document;
    }

    public static EcsDocument LoginFailure(string ip, double seconds, string host = "web1") =>
        Create(ip, seconds, "POST", "/wp-login.php", 200, host: host);
}
