namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>The real shipper binary against real files and a real HTTP receiver.</summary>
[Collection(ProcessCollection.Name)]
public sealed class TailingProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static void Append(string path, IEnumerable<string> lines) => File.AppendAllLines(path, lines);

    [Fact]
    public async Task Run_LinesAppended_ArriveWithinASecondAndCheckpointOnStop()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        Append(log, [Scenario.Line(1, 0)]);
        using var shipper = s.StartShipper();
        await s.WaitForAsync(1, Deadline);

        var appendedAt = TimeProvider.System.GetUtcNow();
        Append(log, [Scenario.Line(1, 1), Scenario.Line(1, 2)]);
        await s.WaitForAsync(3, Deadline);
        var latency = TimeProvider.System.GetUtcNow() - appendedAt;

        Assert.True(latency < TimeSpan.FromSeconds(1.5), $"took {latency.TotalMilliseconds} ms");
        Assert.Equal(0, shipper.Terminate(Deadline));
        var checkpoint = File.ReadAllText(Path.Combine(s.State, "checkpoints.json"));
        Assert.Contains($"\"acked_offset\": {new FileInfo(log).Length}", checkpoint);
        s.AssertExactlyOnce([.. Enumerable.Range(0, 3).Select(i => Scenario.Line(1, i))]);
    }

    [Fact]
    public async Task Run_RestartAfterStopAndAfterKill_ResumesWithoutLossOrNewCopies()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        var expected = new List<string>();
        void Write(int from, int count)
        {
            var lines = Enumerable.Range(from, count).Select(i => Scenario.Line(1, i)).ToList();
            Append(log, lines);
            expected.AddRange(lines);
        }

        Write(0, 100);
        var first = s.StartShipper();
        await s.WaitForAsync(100, Deadline);
        Assert.Equal(0, first.Terminate(Deadline));

        Write(100, 100); // written while the shipper is down
        var second = s.StartShipper();
        await s.WaitForAsync(200, Deadline);
        second.Kill9();

        Write(200, 100);
        using var third = s.StartShipper();
        await s.WaitForAsync(300, Deadline);

        s.AssertExactlyOnce(expected);
    }

    [Fact]
    public async Task Run_RenameRotation_OldFileDrainedNewFileReadFromStart()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        Append(log, Enumerable.Range(0, 50).Select(i => Scenario.Line(1, i)));
        using var shipper = s.StartShipper();
        await s.WaitForAsync(50, Deadline);

        // The writer keeps its handle: lines written after the rename land in the rotated file.
        using (var writer = new StreamWriter(new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)))
        {
            File.Move(log, log + ".1");
            writer.Write(string.Concat(Enumerable.Range(50, 50).Select(i => Scenario.Line(1, i) + "\n")));
        }

        Append(log, Enumerable.Range(0, 50).Select(i => Scenario.Line(2, i)));
        await s.WaitForAsync(150, Deadline);

        s.AssertExactlyOnce([.. Enumerable.Range(0, 100).Select(i => Scenario.Line(1, i)), .. Enumerable.Range(0, 50).Select(i => Scenario.Line(2, i))]);
    }

    [Fact]
    public async Task Run_RotatedWhileStopped_UnsentLinesReadFromTheRotatedFile()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        Append(log, Enumerable.Range(0, 30).Select(i => Scenario.Line(1, i)));
        var first = s.StartShipper();
        await s.WaitForAsync(30, Deadline);
        Assert.Equal(0, first.Terminate(Deadline));

        Append(log, Enumerable.Range(30, 20).Select(i => Scenario.Line(1, i))); // written while stopped, then rotated
        File.Move(log, log + ".1");
        Append(log, Enumerable.Range(0, 5).Select(i => Scenario.Line(2, i)));
        using var second = s.StartShipper();
        await s.WaitForAsync(55, Deadline);

        s.AssertExactlyOnce([.. Enumerable.Range(0, 50).Select(i => Scenario.Line(1, i)), .. Enumerable.Range(0, 5).Select(i => Scenario.Line(2, i))]);
    }

    [Fact]
    public async Task Run_CopyTruncate_TruncationDetectedAndNewContentReadFromZero()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        Append(log, Enumerable.Range(0, 50).Select(i => Scenario.Line(1, i)));
        using var shipper = s.StartShipper();
        await s.WaitForAsync(50, Deadline);

        File.Copy(log, Path.Combine(s.Logs, "access.log.1"));
        using (var truncate = new FileStream(log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(0);
        }

        Append(log, Enumerable.Range(0, 30).Select(i => Scenario.Line(2, i)));
        await s.WaitForAsync(80, Deadline);

        s.AssertExactlyOnce([.. Enumerable.Range(0, 50).Select(i => Scenario.Line(1, i)), .. Enumerable.Range(0, 30).Select(i => Scenario.Line(2, i))]);
    }

    [Fact]
    public async Task Run_TruncatedAndRewrittenWithSameFirstLine_NewGenerationNotDeduplicatedAway()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        Append(log, ["same first line", Scenario.Line(1, 1)]);
        using var shipper = s.StartShipper();
        await s.WaitForAsync(2, Deadline);

        File.WriteAllLines(log, ["same first line", Scenario.Line(1, 2)]);
        await s.WaitForAsync(4, Deadline);

        var sameLine = s.Receiver.Events.Where(e => e.Message == "same first line").ToList();
        Assert.Equal(2, sameLine.Count);
        Assert.NotEqual(sameLine[0].Fingerprint, sameLine[1].Fingerprint);
    }

    [Fact]
    public async Task Run_FileDeletedWhileOpen_DrainedAndReleased()
    {
        await using var s = await Scenario.StartAsync();
        var log = Path.Combine(s.Logs, "access.log");
        Append(log, Enumerable.Range(0, 20).Select(i => Scenario.Line(1, i)));
        using var shipper = s.StartShipper();
        await s.WaitForAsync(20, Deadline);

        using (var writer = new StreamWriter(new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)))
        {
            File.Delete(log);
            writer.Write(string.Concat(Enumerable.Range(20, 20).Select(i => Scenario.Line(1, i) + "\n")));
        }

        await s.WaitForAsync(40, Deadline);
        await TestReceiver.WaitUntilAsync(() => !OpenFiles(shipper.Pid).Any(f => f.Contains("access.log", StringComparison.Ordinal)), Deadline,
            () => $"the deleted file's handle to be released; open: {string.Join(", ", OpenFiles(shipper.Pid))}");
        s.AssertExactlyOnce([.. Enumerable.Range(0, 40).Select(i => Scenario.Line(1, i))]);
    }

    private static List<string> OpenFiles(int pid) =>
        [.. new DirectoryInfo($"/proc/{pid}/fd").GetFileSystemInfos().Select(f => f.LinkTarget ?? "")];
}
