using System.Text.Json;

namespace LogPipeline.Store.Elasticsearch;

public sealed partial class ElasticsearchLogStore
{
    /// <summary>
    /// Deletes every data stream (or daily index) this store's options name, and its index template; the shared
    /// component template stays. Names are listed first and deleted by name, since clusters refuse wildcard deletes
    /// by default (<c>action.destructive_requires_name</c>). For tests against a real cluster and for tearing down a
    /// namespace.
    /// </summary>
    internal async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        var listPath = _names.Daily
            ? $"/_cat/indices/{_names.Pattern}?format=json&h=index&expand_wildcards=all"
            : $"/_data_stream/{_names.Pattern}?expand_wildcards=all";
        var list = await SendWithRetryAsync(HttpMethod.Get, listPath, null, cancellationToken);
        var names = new List<string>();
        if (list.IsSuccess)
        {
            using var doc = JsonDocument.Parse(list.Body);
            var entries = _names.Daily ? doc.RootElement : doc.RootElement.GetProperty("data_streams");
            names.AddRange(entries.EnumerateArray().Select(e => e.GetProperty(_names.Daily ? "index" : "name").GetString()!));
        }
        else if (list.Status != 404)
        {
            ThrowUnlessSuccess(list, $"GET {listPath}");
        }

        if (names.Count > 0)
        {
            var target = string.Join(',', names.Select(Uri.EscapeDataString));
            var delete = await SendWithRetryAsync(HttpMethod.Delete, _names.Daily ? $"/{target}" : $"/_data_stream/{target}", null, cancellationToken);
            ThrowUnlessSuccess(delete, "delete of " + target);
        }

        var template = await SendWithRetryAsync(HttpMethod.Delete, $"/_index_template/{IndexTemplates.IndexTemplateName(_names)}", null, cancellationToken);
        if (template.Status != 404)
        {
            ThrowUnlessSuccess(template, "delete of the index template");
        }
    }
}
