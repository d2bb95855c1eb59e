using System.Globalization;
using LogPipeline.QueryUi.Scans;
using LogPipeline.QueryUi.Search;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// <c>GET /scans/export.{txt|haproxy|nginx|apache|fail2ban}?from=…&amp;to=…&amp;min=N</c>: every address that hit probe
/// paths at least <c>min</c> times (default 1) in the range, as a plain list, an HAProxy ACL file, an nginx or Apache
/// deny snippet, or fail2ban-readable lines.
/// </summary>
internal static class ScanExportEndpoint
{
    private const int MaxAddresses = 10_000;

    public static void Map(WebApplication app) => app.MapGet("/scans/export.{format}", HandleAsync);

    private static async Task<IResult> HandleAsync(string format, HttpContext context, ScanAnalyzer analyzer, TimeProvider time)
    {
        if (!DenyListFormat.IsKnown(format))
        {
            return Results.Text($"formats: {string.Join(", ", DenyListFormat.Names)}\n", statusCode: StatusCodes.Status404NotFound);
        }

        var range = ScanRange.Resolve(context.Request.Query, time.GetUtcNow());
        if (range.Error is { } error)
        {
            return Results.Text(error + "\n", statusCode: StatusCodes.Status400BadRequest);
        }

        var min = int.TryParse(context.Request.Query["min"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? Math.Max(1, m) : 1;
        var top = await analyzer.TopAddressesAsync(range.From, range.To, MaxAddresses, context.RequestAborted);
        var text = DenyListFormat.Write(format, top.Values.Where(v => v.Count >= min).Select(v => (v.Value, v.Count)), time.GetUtcNow());
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{DenyListFormat.FileName(format)}\"";
        return Results.Text(text, "text/plain; charset=utf-8");
    }
}
