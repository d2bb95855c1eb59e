using System.Diagnostics;
using System.Text;
using LogPipeline.Parsers.Ecs;
using LogPipeline.Parsers.Framing;

namespace LogPipeline.Parsers.Tests.RealServers;

/// <summary>
/// Runs tests/realservers/collect.sh once for the test run: real apache2, haproxy (through rsyslog) and mariadbd on
/// loopback, driven with curl, nc and SQL. If the servers are missing the fixture throws, so the tests fail rather
/// than skip (needs root and: apache2 haproxy rsyslog mariadb-server curl netcat-openbsd).
/// </summary>
public sealed class RealServerLogs : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);

    public RealServerLogs()
    {
        Directory = Path.Combine(Path.GetTempPath(), "logpipeline-realserver-logs-" + Guid.NewGuid().ToString("N"));
        var script = Path.Combine(AppContext.BaseDirectory, "realservers", "collect.sh");
        var start = new ProcessStartInfo("bash", [script, Directory]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"collect.sh did not finish within {ScriptTimeout}: {stderr.Result}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"collect.sh failed (exit {process.ExitCode}); real servers are required for these tests:\n{stderr.Result}\n{stdout.Result}");
        }

        Manifest = [.. File.ReadAllLines(Path.Combine(Directory, "manifest.tsv")).Select(l => l.Split('\t'))];
    }

    public string Directory { get; }

    /// <summary>The manifest's rows, split on tabs (see collect.sh for the columns).</summary>
    public IReadOnlyList<string[]> Manifest { get; }

    public FormatLibrary Library { get; } = new(new ParserOptions { DefaultTimeZone = TimeZoneInfo.Utc });

    /// <summary>Parses a collected log as the shipper would: framed by the dataset's rule, one document per event.</summary>
    public List<EcsDocument> Parse(string file, string dataset)
    {
        using var reader = new StreamReader(Path.Combine(Directory, file), Encoding.UTF8);
        return [.. LineFramer.Frame(reader, FramingRules.For(dataset)).Select(text => Library.Parse(dataset, text))];
    }

    public IEnumerable<string[]> Requests(string target) =>
        Manifest.Where(row => row[0] == "http" && row[2] == target);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
