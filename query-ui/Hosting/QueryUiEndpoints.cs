using LogPipeline.QueryUi.Api;
using LogPipeline.QueryUi.Security;

namespace LogPipeline.QueryUi.Hosting;

/// <summary>Every endpoint that is not a page: JSON and exports under <c>/api/</c>, row fragments for scripts, login.</summary>
internal static class QueryUiEndpoints
{
    public static void Map(WebApplication app)
    {
        SearchApi.Map(app);
        AnalyticsApi.Map(app);
        EventApi.Map(app);
        ExportApi.Map(app);
        RowsEndpoint.Map(app);
        ScanExportEndpoint.Map(app);
        LoginEndpoints.Map(app);
        app.MapGet("/", () => Results.Redirect("/search"));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
    }
}
