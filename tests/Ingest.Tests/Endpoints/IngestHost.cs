using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using LogPipeline.Ingest.Hosting;
using Microsoft.AspNetCore.Builder;

namespace LogPipeline.Ingest.Tests.Endpoints;

/// <summary>The real ingest service, in process, on a free loopback port with a temporary data directory.</summary>
internal sealed class IngestHost : IAsyncDisposable
{
    public const string Token = "test-token";

    private readonly WebApplication _app;

    private IngestHost(WebApplication app, string dataDir)
    {
        _app = app;
        DataDir = dataDir;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string DataDir { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<IngestHost> StartAsync(params string[] extraArgs)
    {
        var dataDir = Directory.CreateTempSubdirectory("logpipeline-ingest-test-").FullName;
        var errors = new StringWriter();
        string[] args = ["--urls", "http://127.0.0.1:0", "--data-dir", dataDir, "--token", Token, .. extraArgs];
        var app = IngestService.Build(args, errors) ?? throw new InvalidOperationException("ingest did not build: " + errors);
        await app.StartAsync();
        return new IngestHost(app, dataDir);
    }

    public static HttpContent Gzip(string ndjson)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(ndjson));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    public async Task<HttpResponseMessage> PostBatchAsync(HttpContent content, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batches") { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Leave it to the OS temp cleaner.
        }
    }
}
