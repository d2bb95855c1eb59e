using System.Security.Claims;
using LogPipeline.QueryUi.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace LogPipeline.QueryUi.Security;

/// <summary><c>POST /login</c> and <c>POST /logout</c>: form posts, antiforgery-checked (minimal APIs check it for every form).</summary>
internal static class LoginEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/login", SignInAsync);
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext context, QueryUiOptions options, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        if (string.IsNullOrEmpty(options.AdminPasswordHash) || password is null || !PasswordHash.Verify(password, options.AdminPasswordHash))
        {
            return Results.Redirect("/login?failed=1&returnUrl=" + Uri.EscapeDataString(SafeReturn(returnUrl)));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(SafeReturn(returnUrl));
    }

    /// <summary>Only a local path: never an absolute or protocol-relative URL (an open redirect).</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not '/' and not '\\' ? url : "/search";
}
