using System.Security.Claims;
using LogPipeline.QueryUi.Hosting;

namespace LogPipeline.QueryUi.Security;

/// <summary>
/// Who may see the UI. With a password: a signed-in cookie (<c>/login</c>). With a trusted proxy header: whatever user
/// the proxy names. With neither: anyone on this machine — the UI then listens on loopback only (checked at start-up)
/// and refuses requests whose Host is not a loopback name, so a web page cannot reach it by DNS rebinding.
/// </summary>
internal sealed class AccessGate
{
    public const string ProxyScheme = "TrustedProxy";
    private static readonly string[] OpenPaths = ["/login", "/healthz", "/app.css", "/app.js", "/favicon.svg"];

    private readonly RequestDelegate _next;
    private readonly QueryUiOptions _options;

    public AccessGate(RequestDelegate next, QueryUiOptions options)
    {
        _next = next;
        _options = options;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_options.IsOpenAccess)
        {
            if (!ListenAddresses.IsLoopbackHost(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                return context.Response.WriteAsync("This UI has no login configured and answers only to loopback host names.\n");
            }

            return _next(context);
        }

        if (_options.TrustedProxyHeader is { Length: > 0 } header
            && context.Request.Headers[header].ToString() is { Length: > 0 } user)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], ProxyScheme));
        }

        if (context.User.Identity?.IsAuthenticated == true || OpenPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return _next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(_options.AdminPasswordHash))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsync("Sign in first.\n");
        }

        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    }
}
