using System.Globalization;
using System.IO.Compression;
using System.Net;

namespace LogPipeline.Shipper.Tools;

/// <summary>
/// A receiver for benchmarks: takes <c>POST /v1/batches</c>, decompresses and counts the lines, answers 200 with the
/// protocol's body, keeps nothing. <c>GET /stats</c> returns "events bytes".
/// </summary>
internal static class DiscardingReceiver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var port = int.Parse(options.GetValueOrDefault("port", "0"), CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 256 << 20;
        });
        var app = builder.Build();
        long events = 0, bytes = 0;
        app.MapPost("/v1/batches", async (HttpContext context) =>
        {
            await using var gzip = new GZipStream(context.Request.Body, CompressionMode.Decompress);
            int n, lines = 0;
            long size = 0;
            var local = new byte[1 << 16];
            while ((n = await gzip.ReadAsync(local)) > 0)
            {
                lines += local.AsSpan(0, n).Count((byte)'\n');
                size += n;
            }

            Interlocked.Add(ref events, lines);
            Interlocked.Add(ref bytes, size);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"accepted\":{lines},\"duplicates\":0,\"failed\":0,\"errors\":[]}}");
        });
        app.MapGet("/stats", () => $"{Interlocked.Read(ref events)} {Interlocked.Read(ref bytes)}");
        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await app.WaitForShutdownAsync();
        return 0;
    }
}
