using System.Text;

namespace LogPipeline.LocalStack;

/// <summary>Writes the local shipper's YAML config: the replayed samples, the live file, and Apache's own logs if readable.</summary>
internal static class ShipperConfig
{
    public static bool ApacheLogsReadable { get; } = Readable("/var/log/apache2");

    public static string Write(string dir, string ingestUrl, string token, IReadOnlyList<ReplayedSample> samples, string liveLog)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(liveLog)!);
        var yaml = new StringBuilder();
        yaml.Append("# Written by deploy/LocalStack on every start.\n");
        yaml.Append("name: localhost\n");
        yaml.Append($"ingest:\n  url: {ingestUrl}\n  token: {token}\n");
        yaml.Append($"state_dir: {Path.Combine(dir, "shipper-state")}\n");
        yaml.Append("inputs:\n");
        foreach (var group in samples.GroupBy(s => s.Dataset))
        {
            Input(yaml, group.Key, group.Select(s => s.Path), "beginning");
        }

        Input(yaml, "apache.access", [liveLog], "beginning");
        if (ApacheLogsReadable)
        {
            Input(yaml, "apache.access", ["/var/log/apache2/*access*.log"], "end");
            Input(yaml, "apache.error", ["/var/log/apache2/*error*.log"], "end");
        }

        var path = Path.Combine(dir, "shipper.yml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    private static void Input(StringBuilder yaml, string type, IEnumerable<string> paths, string startAt)
    {
        yaml.Append("  - paths:\n");
        foreach (var path in paths)
        {
            yaml.Append($"      - \"{path}\"\n");
        }

        yaml.Append($"    type: {type}\n    start_at: {startAt}\n");
    }

    private static bool Readable(string dir)
    {
        try
        {
            return Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.log").Any(f => { using var s = File.OpenRead(f); return true; });
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
