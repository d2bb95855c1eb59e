namespace LogPipeline.QueryUi.Scans;

/// <summary>
/// One address hitting probe paths: exact event count (store top values), and the details seen in the analysed probe
/// events — first/last seen, servers, status mix, user agents, a per-bucket timeline, and a possible successful login.
/// </summary>
/// <remarks>Public only because Razor components, which are public, take it as a parameter.</remarks>
public sealed record Offender
{
    public required string Address { get; init; }

    public required long Count { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    public IReadOnlyList<KeyValuePair<string, int>> Hosts { get; init; } = [];

    public IReadOnlyList<KeyValuePair<int, int>> Statuses { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, int>> UserAgents { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, int>> Paths { get; init; } = [];

    public IReadOnlyList<int> Timeline { get; init; } = [];

    public LoginFlag? PossibleLogin { get; init; }
}
