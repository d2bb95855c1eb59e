using System.Net;
using LogPipeline.EndToEnd.Tests.Infrastructure;
using LogPipeline.QueryUi.Hosting;
using Microsoft.AspNetCore.Builder;

namespace LogPipeline.QueryUi.Tests.Hosting;

/// <summary>The query UI built by its own start-up code and run in this process on a loopback port, with an empty store.</summary>
internal sealed class InProcessUi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private InProcessUi(WebApplication app, string root, string url)
    {
        _app = app;
        _root = root;
        Url = url;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url) };
    }

    public string Url { get; }

    public HttpClient Client { get; }

    public static async Task<InProcessUi> StartAsync(string? settingsJson = null)
    {
        var root = Directory.CreateTempSubdirectory("logpipeline-ui-unit-").FullName;
        var url = $"http://127.0.0.1:{Net.FreePort()}";
        List<string> args = ["--urls", url, "--data-dir", Path.Combine(root, "data")];
        if (settingsJson is not null)
        {
            var config = Path.Combine(root, "settings.json");
            await File.WriteAllTextAsync(config, settingsJson);
            args.AddRange(["--config", config]);
        }

        var errors = new StringWriter();
        var app = QueryUiService.Build([.. args], errors) ?? throw new InvalidOperationException("query-ui did not build: " + errors);
        await app.StartAsync();
        return new InProcessUi(app, root, url);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
