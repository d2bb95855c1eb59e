namespace LogPipeline.QueryUi.Scans;

/// <summary>The scans page: offenders by probe count, the detector's alerts, and how much of the probe traffic was analysed.</summary>
/// <remarks>Public only because Razor components, which are public, take it as a parameter.</remarks>
public sealed record ScanReport
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required IReadOnlyList<Offender> Offenders { get; init; }

    public required IReadOnlyList<ScanAlert> Alerts { get; init; }

    /// <summary>Probe events in the range (exact).</summary>
    public long ProbeEvents { get; init; }

    /// <summary>Distinct probing addresses (exact).</summary>
    public long Addresses { get; init; }

    /// <summary>Probe events read for the per-address details (newest first, at most QueryUi:ScanMaxEvents).</summary>
    public long Analysed { get; init; }
}

/// <summary>An alert document from ingest's detector (docs/detection.md).</summary>
public sealed record ScanAlert(string Id, DateTimeOffset Time, string RuleId, string RuleName, string Address, long Count, string Hosts, string SampleUrls, string Start, string End);
