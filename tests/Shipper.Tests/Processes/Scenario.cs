using System.Globalization;
using System.Text.RegularExpressions;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>A temp directory with logs/ and state/, a receiver, a config for the shipper, and the checks on what arrived.</summary>
internal sealed partial class Scenario : IAsyncDisposable
{
    private readonly List<ShipperProcess> _processes = [];

    private Scenario(string root, TestReceiver receiver)
    {
        Root = root;
        Receiver = receiver;
        Logs = Directory.CreateDirectory(Path.Combine(root, "logs")).FullName;
        State = Path.Combine(root, "state");
    }

    public string Root { get; }

    public string Logs { get; }

    public string State { get; }

    public TestReceiver Receiver { get; }

    public string ConfigPath => Path.Combine(Root, "shipper.yaml");

    public static async Task<Scenario> StartAsync(string inputs = "", string extra = "", string batch = "")
    {
        var root = Directory.CreateTempSubdirectory("shipper-it-").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            // The shipper runs as nobody (see ShipperProcess): it must read the logs and write its state here.
            File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);
        }

        var scenario = new Scenario(root, await TestReceiver.StartNewAsync());
        if (Environment.IsPrivilegedProcess)
        {
            File.SetUnixFileMode(scenario.Logs, (UnixFileMode)0b111_101_101);
        }

        scenario.WriteConfig(inputs, extra, batch);
        return scenario;
    }

    /// <summary>
    /// Writes the config; <paramref name="inputs"/> defaults to every *.log under logs/ from the beginning;
    /// <paramref name="batch"/> adds keys under <c>batch:</c> (one line, e.g. <c>max_events: 100</c>).
    /// </summary>
    public void WriteConfig(string inputs = "", string extra = "", string batch = "")
    {
        if (inputs.Length == 0)
        {
            inputs = $"""
                  - paths: [{Logs}/*.log]
                    type: apache.access
                    start_at: beginning
                    partial_line_timeout: 1s
                """;
        }

        File.WriteAllText(ConfigPath, $"""
            name: it-host
            state_dir: {State}
            ingest:
              url: {Receiver.Url}
              token: {TestReceiver.Token}
              timeout: 5s
              retry:
                initial_delay: 100ms
                max_delay: 1s
            batch:
              max_age: 200ms
              {batch}
            shutdown_timeout: 5s
            {extra}
            inputs:
            {inputs}
            """);
    }

    public ShipperProcess StartShipper()
    {
        var process = ShipperProcess.Start(ConfigPath, Root);
        _processes.Add(process);
        return process;
    }

    public string Stderr => string.Join("\n---\n", _processes.Select(p => p.Stderr()));

    public static string Line(int file, int seq) => string.Create(CultureInfo.InvariantCulture, $"f{file} s{seq:D7} 127.0.0.1 - - \"GET /item/{seq} HTTP/1.1\" 200 {seq % 997}");

    public Task WaitForAsync(int count, TimeSpan timeout) =>
        TestReceiver.WaitUntilAsync(() => Receiver.Count >= count, timeout, () => $"{count} events (have {Receiver.Count}); shipper log:\n{Stderr}");

    /// <summary>
    /// Every expected line arrived exactly once (a line under two ids would be a duplicate in the store), nothing
    /// else arrived, and the events of each file identity come in the order they were written.
    /// </summary>
    public void AssertExactlyOnce(IEnumerable<string> expected)
    {
        var events = Receiver.Events;
        var byMessage = events.GroupBy(e => e.Message).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = expected.Where(l => !byMessage.ContainsKey(l)).ToList();
        var twice = byMessage.Where(kv => kv.Value > 1).Select(kv => kv.Key).ToList();
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var unexpected = byMessage.Keys.Where(m => !expectedSet.Contains(m)).ToList();
        Assert.True(missing.Count == 0 && twice.Count == 0 && unexpected.Count == 0,
            $"missing {missing.Count} (first: {missing.FirstOrDefault()}), duplicated {twice.Count} (first: {twice.FirstOrDefault()}), unexpected {unexpected.Count} (first: {unexpected.FirstOrDefault()})\n{Stderr}");
        foreach (var identity in events.GroupBy(e => e.Fingerprint))
        {
            var ordered = identity.OrderBy(e => e.Offset).Select(e => e.Message).ToList();
            foreach (var perFile in ordered.GroupBy(m => LinePattern().Match(m).Groups[1].Value))
            {
                var seqs = perFile.Select(m => int.Parse(LinePattern().Match(m).Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
                Assert.True(seqs.SequenceEqual(seqs.Order()), $"file {perFile.Key} out of order in fingerprint {identity.Key}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        await Receiver.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file a test made unreadable or a directory loop; the temp dir is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    [GeneratedRegex(@"^f(\d+) s(\d+) ")]
    private static partial Regex LinePattern();
}
