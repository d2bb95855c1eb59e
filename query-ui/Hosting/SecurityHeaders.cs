namespace LogPipeline.QueryUi.Hosting;

/// <summary>
/// Headers on every response. Log lines are attacker-controlled, so the pages allow no inline script at all:
/// scripts and styles come only from this origin, and no other site may frame the UI.
/// </summary>
internal sealed class SecurityHeaders
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly RequestDelegate _next;

    public SecurityHeaders(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return _next(context);
    }
}
