using System.Text.Json;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>A sender that cannot go on must stop the shipper visibly, not leave it running while shipping nothing.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SenderFailureProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Ingest refuses the batch for good (400) and the dead-letter directory cannot be created (a file is in its
    /// place): the batch can be neither stored nor set aside, so the shipper exits with code 1 and a critical message
    /// (systemd's Restart=always starts it again), and its checkpoint has not moved past the batch.
    /// </summary>
    [Fact]
    public async Task Run_RefusedBatchCannotBeDeadLettered_ExitsWithCode1AndKeepsCheckpoint()
    {
        await using var s = await Scenario.StartAsync();
        Directory.CreateDirectory(s.State);
        File.SetUnixFileMode(s.State, (UnixFileMode)0b111_111_111); // The shipper may run as nobody (see ShipperProcess).
        File.WriteAllText(Path.Combine(s.State, "dead-letter"), "a file where the dead-letter directory should be");
        s.Receiver.ForcedStatus = 400;
        File.AppendAllLines(Path.Combine(s.Logs, "access.log"), Enumerable.Range(0, 10).Select(i => Scenario.Line(1, i)));

        using var shipper = s.StartShipper();

        Assert.Equal(1, shipper.WaitForExit(Deadline));
        Assert.Contains("Sending stopped on an unexpected error", shipper.Stderr(), StringComparison.Ordinal);
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(s.State, "checkpoints.json")));
        var file = Assert.Single(state.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(0, file.GetProperty("acked_offset").GetInt64());
    }
}
