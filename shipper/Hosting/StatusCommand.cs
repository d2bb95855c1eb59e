using System.Globalization;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Tailing;

namespace LogPipeline.Shipper.Hosting;

/// <summary>
/// <c>shipper status</c>: reads the checkpoint file (the running shipper writes it within a second of a change) and
/// the files' current sizes, and prints one row per file.
/// </summary>
internal static class StatusCommand
{
    public static int Print(ShipperOptions options, TextWriter stdout, TextWriter stderr)
    {
        var load = new CheckpointStore(options.StateDir).Load();
        if (load.Error is not null)
        {
            stderr.WriteLine($"shipper: {load.Error}");
            return Cli.Failed;
        }

        if (load.FirstStart)
        {
            stdout.WriteLine($"no checkpoints yet in {options.StateDir} (the shipper has not run, or has read nothing)");
            return Cli.Ok;
        }

        stdout.WriteLine("PATH\tFINGERPRINT\tACKED\tREAD\tSIZE\tLAG\tLAST_SEND\tLAST_ERROR");
        foreach (var file in load.File.Files.Where(f => !f.Superseded).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var size = CurrentSize(file);
            var lag = size is { } s ? (s - file.AckedOffset).ToString(CultureInfo.InvariantCulture) : "-";
            var lastSend = file.LastSendUnixMs == 0
                ? "never"
                : DateTimeOffset.FromUnixTimeMilliseconds(file.LastSendUnixMs).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file.Path}\t{file.Fingerprint}\t{file.AckedOffset}\t{file.ReadOffset}\t{size?.ToString(CultureInfo.InvariantCulture) ?? "gone"}\t{lag}\t{lastSend}\t{file.LastError ?? "-"}"));
        }

        return Cli.Ok;
    }

    /// <summary>The size of the file the checkpoint describes, if its path still names it.</summary>
    private static long? CurrentSize(FileCheckpoint file) =>
        FileStat.TryGet(file.Path, out var stat, out _) && FileIdentity.SameIdentity(file, stat) ? stat.Size : null;
}
