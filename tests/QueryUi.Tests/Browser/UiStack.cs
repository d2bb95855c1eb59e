using System.Net.Http.Headers;
using System.Text;
using LogPipeline.EndToEnd.Tests.Infrastructure;

namespace LogPipeline.QueryUi.Tests.Browser;

/// <summary>The real ingest and query-ui processes on loopback, sharing a temporary data directory; events go in through <c>POST /v1/batches</c>.</summary>
internal sealed class UiStack : IAsyncDisposable
{
    public const string Token = "ui-test-token";
    private readonly List<ServiceProcess> _processes = [];

    private UiStack(string root)
    {
        Root = root;
        DataDir = Path.Combine(root, "data");
        IngestUrl = $"http://127.0.0.1:{Net.FreePort()}";
        UiUrl = $"http://127.0.0.1:{Net.FreePort()}";
        Ingest = new HttpClient { BaseAddress = new Uri(IngestUrl), Timeout = TimeSpan.FromSeconds(60) };
        Ingest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public string Root { get; }

    public string DataDir { get; }

    public string IngestUrl { get; }

    public string UiUrl { get; }

    public HttpClient Ingest { get; }

    public static async Task<UiStack> StartAsync(params string[] uiArgs)
    {
        var stack = new UiStack(Directory.CreateTempSubdirectory("logpipeline-ui-").FullName);
        stack._processes.Add(ServiceProcess.Start("ingest", Binaries.Ingest, "--urls", stack.IngestUrl, "--data-dir", stack.DataDir, "--token", Token));
        stack._processes.Add(ServiceProcess.Start("query-ui", Binaries.QueryUi, ["--urls", stack.UiUrl, "--data-dir", stack.DataDir, .. uiArgs]));
        await stack.WaitHealthyAsync(stack.IngestUrl);
        await stack.WaitHealthyAsync(stack.UiUrl);
        return stack;
    }

    /// <summary>Sends NDJSON event lines (docs/protocol.md) in batches of 500 and checks each is acknowledged.</summary>
    public async Task SendAsync(IReadOnlyList<string> ndjsonLines)
    {
        foreach (var chunk in ndjsonLines.Chunk(500))
        {
            using var content = new StringContent(string.Join('\n', chunk) + "\n", Encoding.UTF8, "application/x-ndjson");
            using var response = await Ingest.PostAsync("/v1/batches", content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"POST /v1/batches → {(int)response.StatusCode}: {body}\n{Diagnostics()}");
        }
    }

    public string Diagnostics() => string.Join("\n", _processes.Select(p => $"--- {p.Name} (exited: {p.HasExited})\n{p.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Ingest.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp directory is left for the OS to clean.
        }
    }

    private async Task WaitHealthyAsync(string baseUrl)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.WaitAsync(
            async () =>
            {
                if (_processes.FirstOrDefault(p => p.HasExited) is { } dead)
                {
                    throw new InvalidOperationException($"{dead.Name} exited with {dead.ExitCode}:\n{dead.Output}");
                }

                try
                {
                    using var response = await client.GetAsync(baseUrl + "/healthz");
                    return response.IsSuccessStatusCode;
                }
                catch (TaskCanceledException)
                {
                    return false; // still starting on a busy machine: the deadline bounds the wait
                }
            },
            ok => ok,
            TimeSpan.FromSeconds(60),
            _ => $"{baseUrl}/healthz never answered.\n{Diagnostics()}");
    }
}
