namespace LogPipeline.Store;

/// <summary>What happened to one record of a batch.</summary>
public enum WriteStatus
{
    Stored,
    Duplicate,
    Failed,
}

/// <summary>The outcome of one record: its status, and the reason when it failed.</summary>
public readonly record struct WriteOutcome(WriteStatus Status, string? Reason = null);

/// <summary>Per-record outcomes of a batch write, in the order of the batch.</summary>
public sealed class WriteResult
{
    public WriteResult(IReadOnlyList<WriteOutcome> outcomes)
    {
        Outcomes = outcomes;
        foreach (var o in outcomes)
        {
            switch (o.Status)
            {
                case WriteStatus.Stored: Stored++; break;
                case WriteStatus.Duplicate: Duplicates++; break;
                default: Failed++; break;
            }
        }
    }

    public IReadOnlyList<WriteOutcome> Outcomes { get; }

    public int Stored { get; }

    public int Duplicates { get; }

    public int Failed { get; }
}
