namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>Hostile inputs each get a clear warning, and the other files keep flowing.</summary>
[Collection(ProcessCollection.Name)]
public sealed class HostileInputTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_HostileFilesAmongGoodOnes_WarnsForEachAndGoodLinesFlow()
    {
        await using var s = await Scenario.StartAsync();
        s.WriteConfig(inputs: $"""
              - paths: [{s.Logs}/**/*.log]
                type: apache.access
                start_at: beginning
                partial_line_timeout: 1s
            """);
        var good = Path.Combine(s.Logs, "good.log");
        File.WriteAllLines(good, Enumerable.Range(0, 10).Select(i => Scenario.Line(1, i)));
        var random = new Random(7);
        var binary = new byte[64 * 1024];
        random.NextBytes(binary);
        binary[0] = 0;
        File.WriteAllBytes(Path.Combine(s.Logs, "binary.log"), binary);
        File.WriteAllText(Path.Combine(s.Logs, "huge.log"), new string('x', 10 << 20) + "\n");
        File.WriteAllText(Path.Combine(s.Logs, "empty.log"), "");
        var denied = Path.Combine(s.Logs, "denied.log");
        File.WriteAllText(denied, "secret\n");
        File.SetUnixFileMode(denied, UnixFileMode.None);
        File.CreateSymbolicLink(Path.Combine(s.Logs, "loop.log"), Path.Combine(s.Logs, "loop.log"));
        Directory.CreateDirectory(Path.Combine(s.Logs, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(s.Logs, "sub", "up"), s.Logs);
        var replaced = Path.Combine(s.Logs, "replaced.log");
        File.WriteAllText(replaced, "before\n");

        using var shipper = s.StartShipper();
        await TestReceiver.WaitUntilAsync(() => s.Receiver.Events.Any(e => e.Message == "before"), Deadline, () => $"replaced.log's line\n{s.Stderr}");
        File.Delete(replaced);
        Directory.CreateDirectory(replaced);
        File.AppendAllLines(good, Enumerable.Range(10, 10).Select(i => Scenario.Line(1, i)));

        await TestReceiver.WaitUntilAsync(() => Count(s, "/good.log") == 20 && HugeBytes(s) == 10 << 20, Deadline,
            () => $"good lines ({Count(s, "/good.log")}) and the huge line ({HugeBytes(s)} bytes)\n{s.Stderr}");
        await TestReceiver.WaitUntilAsync(() => s.Stderr.Contains("replaced.log: is a directory", StringComparison.Ordinal), Deadline, () => s.Stderr);

        var log = s.Stderr;
        Assert.Contains("binary.log: looks like a binary file", log);
        Assert.Contains("huge.log: a line longer than max_line_bytes", log);
        Assert.Contains("empty.log: empty", log);
        Assert.Contains("denied.log: permission denied", log);
        Assert.Contains("loop.log: symbolic link loop", log);
        Assert.Contains("symbolic link loop?", log);
        Assert.True(Count(s, "/binary.log") > 0);
        Assert.All(s.Receiver.Events.Where(e => e.File.EndsWith("/huge.log", StringComparison.Ordinal)), e => Assert.Contains("_line_split", e.Tags));
        Assert.DoesNotContain(s.Receiver.Events, e => e.Message == "secret");
        Assert.False(shipper.HasExited);
    }

    private static int Count(Scenario s, string suffix) => s.Receiver.Events.Count(e => e.File.EndsWith(suffix, StringComparison.Ordinal));

    private static long HugeBytes(Scenario s) =>
        s.Receiver.Events.Where(e => e.File.EndsWith("/huge.log", StringComparison.Ordinal)).Sum(e => (long)e.Message.Length);
}
