using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Detection;

/// <summary>The few fields of an access event the rules look at, read in one pass over the document.</summary>
internal readonly record struct AccessEvent(string? Dataset, string? Method, string? Path, string? Url, int Status, string? UserAgent, string? Host)
{
    public static AccessEvent Read(EcsDocument document)
    {
        string? dataset = null, method = null, path = null, url = null, agent = null, host = null;
        long status = 0;
        var fields = document.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var (key, value) = (fields[i].Key, fields[i].Value);
            switch (key)
            {
                case "event.dataset":
                    dataset = value.AsString();
                    break;
                case "http.request.method":
                    method = value.AsString();
                    break;
                case "url.path":
                    path = value.AsString();
                    break;
                case "url.original":
                    url = value.AsString();
                    break;
                case "http.response.status_code":
                    status = value.AsLong() ?? (long.TryParse(value.AsString(), out var s) ? s : 0);
                    break;
                case "user_agent.original":
                    agent = value.AsString();
                    break;
                case "host.name":
                    host = value.AsString();
                    break;
                default:
                    break;
            }
        }

        path ??= PathOf(url);
        return new AccessEvent(dataset, method, path, url ?? path, status is > 0 and < 1000 ? (int)status : 0, agent, host);
    }

    private static string? PathOf(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var q = url.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? url : url[..q];
    }
}
