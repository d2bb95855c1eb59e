using System.Globalization;
using LogPipeline.Parsers;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Tests.Detection;

/// <summary>
/// Three hours of generated Apache combined-log traffic over two hosts, with planted attackers among heavy benign
/// users. Shared by the streaming detector tests and the back-test tests, which hold the same expectations.
/// </summary>
internal static partial class PlantedTraffic
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Duration = TimeSpan.FromHours(3);

    public const string FastBruteForcer = "192.0.2.10";
    public const string SlowBruteForcer = "192.0.2.20";
    public const string LoggedInAfterFailures = "192.0.2.30";
    public const string WpScan = "192.0.2.40";
    public const string Sqlmap = "192.0.2.41";
    public const string SensitiveProber = "192.0.2.50";
    public const string PathProber = "192.0.2.60";
    public const string XmlrpcFlooder = "192.0.2.70";
    public const string OfficeNat = "203.0.113.50";
    public const string Monitor = "198.51.100.10";
    public const string Crawler = "198.51.100.20";

    public static IReadOnlyList<string> DistributedAttackers { get; } =
        [.. Enumerable.Range(1, 50).Select(i => $"198.18.0.{i}")];

    public static IReadOnlyList<string> BenignAddresses { get; } = [OfficeNat, Monitor, Crawler];

    /// <summary>Every (rule id, address) that must fire on this traffic with the default rules.</summary>
    public static IReadOnlyList<(string Rule, string Address)> ExpectedFindings { get; } =
    [
        ("wp-login-flood", FastBruteForcer),
        ("wp-login-slow", SlowBruteForcer),
        ("wp-login-success-after-failures", LoggedInAfterFailures),
        ("scanner-user-agent", WpScan),
        ("scanner-user-agent", Sqlmap),
        ("sensitive-file-probe", SensitiveProber),
        ("http-4xx-probing", PathProber),
        ("xmlrpc-flood", XmlrpcFlooder),
        .. DistributedAttackers.Select(a => ("wp-login-distributed", a)),
    ];

    /// <summary>Rules that must stay quiet for an address even though it is an attacker (it stays under them).</summary>
    public static IReadOnlyList<(string Rule, string Address)> ForbiddenFindings { get; } =
    [
        ("wp-login-flood", SlowBruteForcer),
        ("wp-login-flood", LoggedInAfterFailures),
        .. DistributedAttackers.SelectMany(a => new[] { ("wp-login-flood", a), ("wp-login-slow", a) }),
    ];

    /// <summary>The traffic parsed by the Apache format, with <c>host.name</c> set as ingest sets it, in time order.</summary>
    public static IReadOnlyList<EcsDocument> Documents()
    {
        var library = new FormatLibrary();
        var documents = new List<EcsDocument>();
        foreach (var (_, host, line) in Lines())
        {
            var document = library.Parse("apache.access", line);
            document.Set("host.name", host);
            documents.Add(document);
        }

        return documents;
    }

    public static IEnumerable<(DateTimeOffset Time, string Host, string Line)> Lines()
    {
        var events = new List<(DateTimeOffset Time, string Host, string Line)>();
        void Add(TimeSpan at, string host, string ip, string method, string url, int status, string agent) =>
            events.Add((Start + at, host, Line(Start + at, ip, method, url, status, agent)));

        AddBenign(Add);
        AddAttackers(Add);
        return events.OrderBy(e => e.Time);
    }

    internal static string Line(DateTimeOffset time, string ip, string method, string url, int status, string agent) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ip} - - [{time.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} +0000] \"{method} {url} HTTP/1.1\" {status} {(status == 302 ? 0 : 5120)} \"-\" \"{agent}\"");

    internal delegate void AddEvent(TimeSpan at, string host, string ip, string method, string url, int status, string agent);
}
