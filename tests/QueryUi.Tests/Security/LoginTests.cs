using System.Net;
using System.Text.RegularExpressions;
using LogPipeline.QueryUi.Security;
using LogPipeline.QueryUi.Tests.Hosting;

namespace LogPipeline.QueryUi.Tests.Security;

public sealed partial class LoginTests
{
    private const string Password = "s3cret-admin-pass";

    [Fact]
    public async Task Pages_WithPasswordConfigured_RedirectToLoginAndApiAnswers401()
    {
        await using var ui = await StartAsync();

        using var page = await ui.Client.GetAsync("/search?q=x");
        using var api = await ui.Client.GetAsync("/api/search");
        using var health = await ui.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fsearch%3Fq%3Dx", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        await using var ui = await StartAsync();

        using var response = await ui.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var page = await ui.Client.GetAsync("/search");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Login_WrongThenRightPassword_OnlyTheRightOneSignsIn()
    {
        await using var ui = await StartAsync();

        using var wrong = await PostLoginAsync(ui, "not-the-password", "/hosts");
        Assert.StartsWith("/login?failed=1", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var right = await PostLoginAsync(ui, Password, "/hosts");
        Assert.Equal("/hosts", right.Headers.Location!.OriginalString);

        using var hosts = await ui.Client.GetAsync("/hosts");
        Assert.Equal(HttpStatusCode.OK, hosts.StatusCode);
        Assert.Contains("Sign out", await hosts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_AbsoluteReturnUrl_IsNotFollowed()
    {
        await using var ui = await StartAsync();

        using var response = await PostLoginAsync(ui, Password, "//evil.example/");

        Assert.Equal("/search", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TrustedProxyHeader_SignsInTheNamedUser()
    {
        await using var ui = await InProcessUi.StartAsync("""{"QueryUi": {"TrustedProxyHeader": "X-Remote-User"}}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search");
        request.Headers.Add("X-Remote-User", "alice");

        using var signedIn = await ui.Client.SendAsync(request);
        using var anonymous = await ui.Client.GetAsync("/search");

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("alice", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task OpenAccess_RequestForAnotherHostName_IsRefused()
    {
        await using var ui = await InProcessUi.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search");
        request.Headers.Host = "rebound.example";

        using var response = await ui.Client.SendAsync(request);
        using var loopback = await ui.Client.GetAsync("/search");

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
        Assert.Contains("serving loopback only", await loopback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<InProcessUi> StartAsync() =>
        InProcessUi.StartAsync($$$"""{"QueryUi": {"AdminPasswordHash": "{{{PasswordHash.Create(Password, 1000)}}}"}}""");

    private static async Task<HttpResponseMessage> PostLoginAsync(InProcessUi ui, string password, string returnUrl)
    {
        var form = await ui.Client.GetStringAsync("/login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        Assert.NotEmpty(token);
        return await ui.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
