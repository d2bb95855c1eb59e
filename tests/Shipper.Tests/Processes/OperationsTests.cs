using System.Net;
using System.Net.Sockets;
using LogPipeline.Shipper.Hosting;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary><c>shipper status</c> and the Prometheus endpoint, against a real run.</summary>
[Collection(ProcessCollection.Name)]
public sealed class OperationsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Status_AfterRunAndNewLines_ShowsAckedOffsetSizeAndLag()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        File.AppendAllLines(log, Enumerable.Range(0, 10).Select(i => Scenario.Line(1, i)));
        var shipper = s.StartShipper();
        await s.WaitForAsync(10, Deadline);
        Assert.Equal(0, shipper.Terminate(Deadline));
        var acked = new FileInfo(log).Length;
        File.AppendAllLines(log, [Scenario.Line(1, 10)]);
        var lag = new FileInfo(log).Length - acked;

        using var stdout = new StringWriter();
        var code = await Cli.RunAsync(["status", "--config", s.ConfigPath], stdout, TextWriter.Null);

        Assert.Equal(Cli.Ok, code);
        var row = stdout.ToString().Split('\n').Single(l => l.StartsWith(log, StringComparison.Ordinal)).Split('\t');
        Assert.Equal([acked.ToString(), acked.ToString(), new FileInfo(log).Length.ToString(), lag.ToString()], row[2..6]);
        Assert.Equal("-", row[7]);
    }

    [Fact]
    public async Task Metrics_WhileRunning_PrometheusTextWithSentEvents()
    {
        var port = FreePort();
        await using var s = await Scenario.StartAsync(extra: $"metrics_listen: 127.0.0.1:{port}");
        File.AppendAllLines(Path.Combine(s.Logs, "access.log"), Enumerable.Range(0, 5).Select(i => Scenario.Line(1, i)));
        using var shipper = s.StartShipper();
        await s.WaitForAsync(5, Deadline);
        using var http = new HttpClient();

        string text = "";
        await TestReceiver.WaitUntilAsync(() =>
        {
            text = http.GetStringAsync($"http://127.0.0.1:{port}/metrics").GetAwaiter().GetResult();
            return text.Contains("shipper_events_sent_total 5\n", StringComparison.Ordinal);
        }, Deadline, () => text);

        Assert.Contains("# TYPE shipper_events_read_total counter", text);
        Assert.Contains("shipper_events_failed_total 0", text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
