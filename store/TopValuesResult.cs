namespace LogPipeline.Store;

/// <summary>One value and the number of matching events that have it (for arrays: that contain it).</summary>
public sealed record TopValue(string Value, long Count);

/// <summary>Values by descending count (ties: by value, ordinal), exact over the whole result.</summary>
public sealed record TopValuesResult
{
    /// <summary>The canonical field name (aliases resolved).</summary>
    public required string Field { get; init; }

    public required IReadOnlyList<TopValue> Values { get; init; }

    /// <summary>Occurrences of values beyond the top N.</summary>
    public long OtherCount { get; init; }

    /// <summary>How many distinct values the field has in the result.</summary>
    public long DistinctCount { get; init; }
}
