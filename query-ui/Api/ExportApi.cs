using System.Text;
using LogPipeline.QueryUi.Hosting;
using LogPipeline.QueryUi.Search;
using LogPipeline.Store;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// <c>GET /api/export.csv?…</c> and <c>/api/export.ndjson?…</c>: the current result (same parameters as the search
/// page), newest first, streamed page by page, at most <see cref="QueryUiOptions.ExportMaxEvents"/> events. CSV has the
/// time (in the display zone, with its offset) and the chosen columns; NDJSON has each stored document.
/// </summary>
internal static class ExportApi
{
    public static void Map(WebApplication app) => app.MapGet("/api/export.{format}", HandleAsync);

    private static async Task HandleAsync(string format, HttpContext context, ILogSearch store, TimeProvider time, QueryUiOptions options)
    {
        if (format is not ("csv" or "ndjson"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("export formats: csv, ndjson\n");
            return;
        }

        var state = SearchState.FromQuery(context.Request.Query).FirstPage();
        var check = await SearchPageLoader.LoadAsync(state, store, time.GetUtcNow(), 1, withAggregates: false, context.RequestAborted);
        if (check.Error is { } error)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(error + "\n");
            return;
        }

        context.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"logpipeline-export.{format}\"";
        if (format == "csv")
        {
            await context.Response.WriteAsync(CsvText.Line(state.Columns.Prepend("@timestamp")), context.RequestAborted);
        }

        var request = new SearchRequest { Query = state.Q, From = check.From, To = check.To, Size = Math.Min(1000, options.MaxPageSize), TotalCap = 0 };
        var written = 0;
        while (written < options.ExportMaxEvents)
        {
            var page = await store.SearchAsync(request with { Size = Math.Min(request.Size, options.ExportMaxEvents - written) }, context.RequestAborted);
            var text = new StringBuilder();
            foreach (var hit in page.Hits)
            {
                text.Append(format == "csv" ? CsvLine(hit, state, check.Zone) : hit.DocumentJson + "\n");
            }

            await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
            written += page.Hits.Count;
            if (page.NextCursor is null)
            {
                break;
            }

            request = request with { Cursor = page.NextCursor };
        }
    }

    private static string CsvLine(SearchHit hit, SearchState state, DisplayZone zone)
    {
        var view = HitView.From(hit);
        var time = zone.ToZone(hit.Timestamp).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        return CsvText.Line(state.Columns.Select(view.Value).Prepend(time));
    }
}
