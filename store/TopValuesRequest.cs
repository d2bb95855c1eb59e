namespace LogPipeline.Store;

/// <summary>The most frequent values of one field over every matching event (not a sample).</summary>
public sealed record TopValuesRequest : QueryScope
{
    /// <summary>A field name or alias (<c>ip</c>, <c>http.response.status_code</c>, <c>haproxy.backend_name</c>…).</summary>
    public required string Field { get; init; }

    public int Size { get; init; } = 10;
}
