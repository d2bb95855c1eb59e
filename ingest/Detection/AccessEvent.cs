using System.Runtime.InteropServices;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Detection;

/// <summary>The few fields of an access event the rules look at, read in one pass over the document.</summary>
internal readonly record struct AccessEvent(string? Dataset, string? Method, string? Path, string? Url, int Status, string? UserAgent, string? Host)
{
    public static AccessEvent Read(EcsDocument document)
    {
        string? dataset = null, method = null, path = null, url = null, agent = null, host = null;
        long status = 0;
        foreach (ref readonly var field in FieldsOf(document))
        {
            var (key, value) = (field.Key, field.Value);

            // Dispatch on length first: a string switch would hash every field name of every event.
            switch (key.Length)
            {
                case 8 when key == "url.path":
                    path = value.AsString();
                    break;
                case 9 when key == "host.name":
                    host = value.AsString();
                    break;
                case 12 when key == "url.original":
                    url = value.AsString();
                    break;
                case 13 when key == "event.dataset":
                    dataset = value.AsString();
                    break;
                case 19 when key == "http.request.method":
                    method = value.AsString();
                    break;
                case 19 when key == "user_agent.original":
                    agent = value.AsString();
                    break;
                case 25 when key == "http.response.status_code":
                    status = value.AsLong() ?? (long.TryParse(value.AsString(), out var s) ? s : 0);
                    break;
                default:
                    break;
            }
        }

        path ??= PathOf(url);
        return new AccessEvent(dataset, method, path, url ?? path, status is > 0 and < 1000 ? (int)status : 0, agent, host);
    }

    /// <summary>The fields as a span: no interface call nor struct copy per field, on the path every event takes.</summary>
    private static ReadOnlySpan<KeyValuePair<string, EcsValue>> FieldsOf(EcsDocument document) =>
        document.Fields is List<KeyValuePair<string, EcsValue>> list ? CollectionsMarshal.AsSpan(list) : document.Fields.ToArray();

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
