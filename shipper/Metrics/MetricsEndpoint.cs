using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Metrics;

/// <summary>
/// A minimal HTTP/1.0 responder for <c>GET /metrics</c> on a local address: Prometheus text format. Kept tiny (no
/// ASP.NET) so the Native AOT binary stays small; one connection at a time is plenty for a scraper.
/// </summary>
internal sealed partial class MetricsEndpoint : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ShipperMetrics _metrics;

    private MetricsEndpoint(TcpListener listener, ShipperMetrics metrics)
    {
        _listener = listener;
        _metrics = metrics;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Listens on <paramref name="listen"/> (<c>host:port</c>); null (logged) when the address is unusable.</summary>
    public static MetricsEndpoint? Start(string listen, ShipperMetrics metrics, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger("metrics");
        if (!IPEndPoint.TryParse(listen, out var endpoint))
        {
            LogBadAddress(logger, listen, "not host:port");
            return null;
        }

        try
        {
            var listener = new TcpListener(endpoint);
            listener.Start();
            var server = new MetricsEndpoint(listener, metrics);
            _ = server.ServeAsync();
            LogListening(logger, listen);
            return server;
        }
        catch (SocketException e)
        {
            LogBadAddress(logger, listen, e.Message);
            return null;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await RespondAsync(client);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // A scraper hung up, or the endpoint is stopping; the loop ends when _stop is cancelled.
            }
        }
    }

    private async Task RespondAsync(TcpClient client)
    {
        var stream = client.GetStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        var request = Encoding.ASCII.GetString(buffer, 0, read);
        var ok = request.StartsWith("GET /metrics", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(ok ? _metrics.RenderPrometheus() : "not found: GET /metrics\n");
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.0 {(ok ? "200 OK" : "404 Not Found")}\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, timeout.Token);
        await stream.WriteAsync(body, timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics at http://{Listen}/metrics")]
    private static partial void LogListening(ILogger logger, string listen);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot serve metrics on {Listen}: {Reason}")]
    private static partial void LogBadAddress(ILogger logger, string listen, string reason);
}
