namespace LogPipeline.Store.Sqlite;

/// <summary>
/// A group whose rows have committed (or failed) in the day files, on its way to the second writer: the version 3 days
/// whose text index must reach a rowid before the group's callers are told, and the callers themselves. Every group
/// passes through the second writer, in order, even without such a day, so that no caller is acknowledged before an
/// earlier group it may depend on (a duplicate of an event still being indexed) is searchable. Without
/// <see cref="SqliteStoreOptions.WaitForTextIndex"/> the rows' writer completes the callers before it hands the group
/// over (only groups with such a day go on): completing and failing are then no-ops for them.
/// </summary>
internal sealed class TextIndexJob(List<PendingWrite> writes, Dictionary<PendingWrite, Exception> failures)
{
    public List<PendingWrite> Writes { get; } = writes;

    /// <summary>The callers whose records could not be written, with the reason (they are told, and re-send).</summary>
    public Dictionary<PendingWrite, Exception> Failures { get; } = failures;

    /// <summary>The version 3 days to index up to a committed rowid, with the callers that have records in each.</summary>
    public List<(DateOnly Day, long UpTo, List<PendingWrite> Writes)> Days { get; } = [];

    /// <summary>Completes every caller not completed yet: with its outcomes, or with the failure of a day it had records in.</summary>
    public void Complete()
    {
        foreach (var write in Writes)
        {
            _ = Failures.TryGetValue(write, out var failure)
                ? write.Done.TrySetException(failure)
                : write.Done.TrySetResult(new WriteResult(write.Outcomes));
        }
    }

    /// <summary>Fails every caller not completed yet: with its own failure if it has one, else with <paramref name="error"/>.</summary>
    public void Fail(Exception error)
    {
        foreach (var write in Writes)
        {
            write.Done.TrySetException(Failures.TryGetValue(write, out var failure) ? failure : error);
        }
    }
}
