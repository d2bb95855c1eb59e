namespace LogPipeline.Store;

/// <summary>
/// Activity per <c>host.name</c> of the events matching the query in [From, To): how many, how many from
/// <see cref="RecentFrom"/> on, and the time of the newest — one aggregate for every host (the hosts page).
/// </summary>
public sealed record HostActivityRequest : QueryScope
{
    /// <summary>Events at or after this time (and before To) are also counted as recent, for a rate.</summary>
    public required DateTimeOffset RecentFrom { get; init; }
}
