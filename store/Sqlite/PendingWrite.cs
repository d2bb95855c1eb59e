namespace LogPipeline.Store.Sqlite;

/// <summary>
/// One caller's batch waiting for the store's writer: its records, the outcomes filled in as they are written, and
/// the completion the caller awaits (set only after the transaction holding its records has committed).
/// </summary>
internal sealed class PendingWrite
{
    public PendingWrite(IReadOnlyList<LogRecord> records)
    {
        Records = records;
        Outcomes = new WriteOutcome[records.Count];
        Keys = new long[records.Count];
    }

    public IReadOnlyList<LogRecord> Records { get; }

    public WriteOutcome[] Outcomes { get; }

    /// <summary>
    /// Each record's <see cref="IdKey.Of"/>, hashed on the caller's thread when the batch is classified: the callers
    /// run in parallel, the rows' writer is one thread.
    /// </summary>
    public long[] Keys { get; }

    /// <summary>The indexes of the records still to write (the others already have their outcome), by day.</summary>
    public SortedDictionary<DateOnly, List<int>> ByDay { get; } = [];

    public TaskCompletionSource<WriteResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Pending => ByDay.Values.Sum(d => d.Count);
}
