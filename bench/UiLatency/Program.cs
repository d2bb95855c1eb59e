using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LogPipeline.UiLatency;

// Usage: dotnet run -c Release --project bench/UiLatency -- [--events 10000000] [--days 7] [--data DIR] [--rounds 15] [--measure-only]
//        [--batch 20000] (events per write while filling: smaller batches make more text index commits, as ingest does)
//        [--ui PATH/query-ui.dll] (another build of query-ui, e.g. a copy of an earlier commit's, for a before/after run)
// Fills DIR with N events once (a marker file remembers), starts the Release query-ui on it, and times each page
// over HTTP: the first (cold) response, then median and p95 of full responses after two warm-ups, and each median as a
// ratio to /healthz measured in the same run.
var events = Arg("--events", 10_000_000L);
var rounds = (int)Arg("--rounds", 15L);
var days = (int)Arg("--days", 7L);
var batchSize = (int)Arg("--batch", 20_000L);
var repo = FindRepo();
var data = ArgText("--data") ?? Path.Combine(repo, ".data", days == 7 ? $"bench-ui-{events}" : $"bench-ui-{events}-{days}d");
var marker = Path.Combine(data, $".filled-{events}");
if (!File.Exists(marker) && !args.Contains("--measure-only"))
{
    Console.Error.WriteLine($"Filling {data} with {events:N0} events over the last {days} days …");
    await StoreFiller.FillAsync(data, events, days, batchSize, TimeProvider.System.GetUtcNow());
    await File.WriteAllTextAsync(marker, TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
}

var port = FreePort();
var ui = ArgText("--ui") ?? Path.Combine(repo, "query-ui", "bin", "Release", "net10.0", "query-ui.dll");
using var process = Process.Start(new ProcessStartInfo("dotnet", [ui, "--urls", $"http://127.0.0.1:{port}", "--data-dir", data]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
process.OutputDataReceived += (_, _) => { };
process.ErrorDataReceived += (_, _) => { };
process.BeginOutputReadLine();
process.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
    await WaitHealthyAsync(http);
    // The store's events end when it was filled: time the ranges ending at its newest event, as the page's default
    // "last 15 minutes" does on a live store.
    var newest = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/search?from=now-30d&size=1"))
        .RootElement.GetProperty("hits")[0].GetProperty("_source").GetProperty("@timestamp").GetDateTimeOffset().AddSeconds(1);
    string Range(TimeSpan span) => $"from={Uri.EscapeDataString((newest - span).ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(newest.ToString("O", CultureInfo.InvariantCulture))}";
    var m15 = Range(TimeSpan.FromMinutes(15));
    var h1 = Range(TimeSpan.FromHours(1));
    var h24 = Range(TimeSpan.FromHours(24));
    var d7 = Range(TimeSpan.FromDays(7));
    string[] pages =
    [
        "/healthz",
        $"/search?{m15}",
        $"/search?{m15}&q=status:500",
        $"/search?{m15}&field=source.ip",
        $"/search?{h1}",
        $"/search?{h1}&q=wp-login",
        $"/search?{h24}",
        $"/search?{h24}&q=host:web1%20AND%20status:404",
        $"/search?{h24}&q=wp-login",
        $"/search?{h24}&q=firefox",
        $"/search?{h24}&q=198.51.7.7",
        $"/search?{h24}&field=host.name",
        $"/search?{d7}&q=ua:*WPScan*",
        $"/search/rows?{h24}",
        $"/api/search?{m15}&size=100",
        $"/scans?{h1}",
        "/hosts",
    ];
    var results = new List<(string Page, double First, double Median, double P95)>();
    foreach (var page in pages)
    {
        var first = await TimeAsync(http, page);
        await TimeAsync(http, page);

        var samples = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            samples.Add(await TimeAsync(http, page));
        }

        samples.Sort();
        results.Add((page, first, samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1]));
    }

    var baseline = results[0].Median;
    var stored = File.Exists(Path.Combine(data, ".written")) ? long.Parse(await File.ReadAllTextAsync(Path.Combine(data, ".written")), CultureInfo.InvariantCulture) : events;
    Console.WriteLine($"| page ({stored:N0} events stored, newest first, of {events:N0} over {days} days; {rounds} rounds) | first ms | median ms | p95 ms | median / healthz |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (page, first, median, p95) in results)
    {
        var shown = page.Replace(m15, "(15 min)", StringComparison.Ordinal).Replace(h1, "(1 h)", StringComparison.Ordinal)
            .Replace(h24, "(24 h)", StringComparison.Ordinal).Replace(d7, "(7 d)", StringComparison.Ordinal);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{shown}` | {first:0.0} | {median:0.0} | {p95:0.0} | {median / baseline:0.0}× |"));
    }
}
finally
{
    process.Kill(entireProcessTree: true);
}

static async Task<double> TimeAsync(HttpClient http, string page)
{
    var clock = Stopwatch.StartNew();
    using var response = await http.GetAsync(page);
    var body = await response.Content.ReadAsByteArrayAsync();
    clock.Stop();
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"GET {page} → {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }

    return clock.Elapsed.TotalMilliseconds;
}

static async Task WaitHealthyAsync(HttpClient http)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            using var response = await http.GetAsync("/healthz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LogPipeline.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("LogPipeline.sln not found above " + AppContext.BaseDirectory);
}

long Arg(string name, long fallback) => ArgText(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
