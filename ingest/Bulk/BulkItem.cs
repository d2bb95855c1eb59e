namespace LogPipeline.Ingest.Bulk;

/// <summary>One action of a <c>_bulk</c> request: its kind, target index, optional id and source document.</summary>
internal sealed record BulkItem(string Action, string Index, string? Id, ReadOnlyMemory<byte> Source)
{
    /// <summary>Set when the item cannot be stored; answered as an item-level error, the other items go on.</summary>
    public string? ErrorType { get; init; }

    public string? ErrorReason { get; init; }

    public int ErrorStatus { get; init; }
}
