using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LogPipeline.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole pipeline on loopback: the real ingest, query-ui and shipper processes on free ports, sharing a
/// temporary directory that holds the store, the shipper's state and the tailed logs.
/// </summary>
internal sealed class LocalPipeline : IAsyncDisposable
{
    public const string Token = "e2e-secret-token";

    private readonly List<ServiceProcess> _processes = [];

    private LocalPipeline(string root)
    {
        Root = root;
        LogDir = Directory.CreateDirectory(Path.Combine(root, "logs")).FullName;
        DataDir = Path.Combine(root, "data");
        StateDir = Path.Combine(root, "state");
        IngestUrl = $"http://127.0.0.1:{Net.FreePort()}";
        UiUrl = $"http://127.0.0.1:{Net.FreePort()}";
        ShipperConfig = Path.Combine(root, "shipper.yml");
        Http = new HttpClient { BaseAddress = new Uri(UiUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Root { get; }

    public string LogDir { get; }

    public string DataDir { get; }

    public string StateDir { get; }

    public string IngestUrl { get; }

    public string UiUrl { get; }

    public string ShipperConfig { get; }

    public HttpClient Http { get; }

    public ServiceProcess? Shipper { get; private set; }

    public static async Task<LocalPipeline> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("logpipeline-e2e-").FullName;
        var pipeline = new LocalPipeline(root);
        File.WriteAllText(pipeline.ShipperConfig, $"""
            name: e2e-host
            ingest:
              url: {pipeline.IngestUrl}
              token: {Token}
            state_dir: {pipeline.StateDir}
            inputs:
              - paths: ["{pipeline.LogDir}/*.log"]
                type: apache.access
                start_at: beginning
            """);
        pipeline.StartIngest();
        pipeline.Add(ServiceProcess.Start("query-ui", Binaries.QueryUi, "--urls", pipeline.UiUrl, "--data-dir", pipeline.DataDir));
        await pipeline.WaitHealthyAsync(pipeline.IngestUrl);
        await pipeline.WaitHealthyAsync(pipeline.UiUrl);
        pipeline.StartShipper();
        return pipeline;
    }

    public ServiceProcess? Ingest { get; private set; }

    public void StartIngest() =>
        Ingest = Add(ServiceProcess.Start("ingest", Binaries.Ingest, "--urls", IngestUrl, "--data-dir", DataDir, "--token", Token));

    /// <summary>kill -9 ingest (no chance to flush or say goodbye), then start it again on the same port and store.</summary>
    public async Task CrashAndRestartIngestAsync()
    {
        await Ingest!.KillAsync();
        StartIngest();
        await WaitHealthyAsync(IngestUrl);
    }

    public void StartShipper() => Shipper = Add(ServiceProcess.Start("shipper", Binaries.Shipper, "run", "--config", ShipperConfig));

    /// <summary><c>GET /api/search</c>; the JSON answer, or an exception carrying the status and body.</summary>
    public async Task<JsonObject> SearchAsync(string query, DateTimeOffset from, DateTimeOffset to, int size, string? cursor = null)
    {
        var url = $"/api/search?q={Uri.EscapeDataString(query)}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&size={size}"
            + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} → {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Every hit, following the cursor page by page.</summary>
    public async Task<List<JsonObject>> SearchAllAsync(string query, DateTimeOffset from, DateTimeOffset to)
    {
        var hits = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(query, from, to, 1000, cursor);
            hits.AddRange(page["hits"]!.AsArray().Select(h => h!.AsObject()));
            cursor = (string?)page["next_cursor"];
        }
        while (cursor is not null);
        return hits;
    }

    /// <summary>Every process's output, for a failure message.</summary>
    public string Diagnostics() => string.Join("\n", _processes.Select(p => $"--- {p.Name} (exited: {p.HasExited})\n{p.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Http.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp directory is left for the OS to clean.
        }
    }

    private ServiceProcess Add(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private async Task WaitHealthyAsync(string baseUrl)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.WaitAsync(
            async () =>
            {
                if (_processes.FirstOrDefault(p => p.HasExited && !p.StoppedByTest) is { } dead)
                {
                    throw new InvalidOperationException($"{dead.Name} exited with {dead.ExitCode}:\n{dead.Output}");
                }

                using var response = await client.GetAsync(baseUrl + "/healthz");
                return response.IsSuccessStatusCode;
            },
            ok => ok,
            TimeSpan.FromSeconds(60),
            _ => $"{baseUrl}/healthz never answered.\n{Diagnostics()}");
    }
}
