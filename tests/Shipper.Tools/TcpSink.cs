using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LogPipeline.Shipper.Tools;

/// <summary>
/// A discarding TCP socket for the rsyslog side of the benchmark (omfwd TCP): counts newline-terminated frames and
/// bytes over all connections; <c>--stats-file</c> is rewritten with "lines bytes" every 100 ms.
/// </summary>
internal static class TcpSink
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var listener = new TcpListener(IPAddress.Loopback, int.Parse(options.GetValueOrDefault("port", "0"), CultureInfo.InvariantCulture));
        listener.Start();
        Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port);
        long lines = 0, bytes = 0;
        var statsFile = options["stats-file"];
        _ = Task.Run(async () =>
        {
            while (true)
            {
                await File.WriteAllTextAsync(statsFile + ".tmp", $"{Interlocked.Read(ref lines)} {Interlocked.Read(ref bytes)}");
                File.Move(statsFile + ".tmp", statsFile, overwrite: true); // readers never see a half-written file
                await Task.Delay(100);
            }
        });
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            _ = Task.Run(async () =>
            {
                using var c = client;
                var stream = c.GetStream();
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await stream.ReadAsync(buffer)) > 0)
                {
                    Interlocked.Add(ref lines, buffer.AsSpan(0, n).Count((byte)'\n'));
                    Interlocked.Add(ref bytes, n);
                }
            });
        }
    }
}
