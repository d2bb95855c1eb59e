using System.Text.Json;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>Several batches in flight against the real shipper: acknowledgements out of order, a stop in between.</summary>
[Collection(ProcessCollection.Name)]
public sealed class InFlightProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The receiver holds the batch that starts at offset 0 and acknowledges the nine after it. The shipper is stopped
    /// with that batch unanswered: its checkpoint must not have moved past it. The held request then fails (503, not
    /// stored), so a checkpoint that had moved would lose those lines for good. After a restart every line is there once.
    /// </summary>
    [Fact]
    public async Task Run_StoppedWhileFirstBatchUnanswered_CheckpointStaysAndRestartResendsFromIt()
    {
        await using var s = await Scenario.StartAsync(batch: "max_events: 100");
        var lines = Enumerable.Range(0, 1000).Select(i => Scenario.Line(1, i)).ToList();
        File.AppendAllLines(Path.Combine(s.Logs, "access.log"), lines);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Receiver.BeforeAnswer = async events =>
        {
            if (!events.Any(e => e.Offset == 0))
            {
                return true;
            }

            await release.Task;
            return false; // Dropped: only a re-send after the restart can deliver these lines.
        };

        var first = s.StartShipper();
        await s.WaitForAsync(900, Deadline);
        Assert.Equal(0, first.Terminate(Deadline));
        Assert.Equal(0, AckedOffset(s, "access.log"));

        release.SetResult();
        s.Receiver.BeforeAnswer = null;
        using var second = s.StartShipper();
        await s.WaitForAsync(1000, Deadline);

        await TestReceiver.WaitUntilAsync(() => s.Receiver.Duplicates >= 900, Deadline,
            () => $"the nine later batches to be sent again (duplicates: {s.Receiver.Duplicates})");

        s.AssertExactlyOnce(lines);
    }

    private static long AckedOffset(Scenario s, string name)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(s.State, "checkpoints.json")));
        return state.RootElement.GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("path").GetString()!.EndsWith(name, StringComparison.Ordinal))
            .GetProperty("acked_offset").GetInt64();
    }
}
