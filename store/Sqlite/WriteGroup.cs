namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The batches the writer found waiting at one moment, written together: per day file one transaction holding every
/// batch's records for that day, so that the commit (and its fsync) is paid once for all of them.
/// </summary>
internal sealed class WriteGroup
{
    /// <summary>A group stops taking batches at this many records; the rest wait for the next group.</summary>
    public const int MaxRecords = 50_000;

    public List<PendingWrite> Writes { get; } = [];

    public int Records { get; private set; }

    public bool IsFull => Records >= MaxRecords;

    public void Add(PendingWrite write)
    {
        Writes.Add(write);
        Records += write.Pending;
    }

    /// <summary>The days of the group, in order, each with the (batch, record index) pairs to write into it.</summary>
    public SortedDictionary<DateOnly, List<(PendingWrite Write, int Index)>> ByDay()
    {
        var days = new SortedDictionary<DateOnly, List<(PendingWrite, int)>>();
        foreach (var write in Writes)
        {
            foreach (var (day, indexes) in write.ByDay)
            {
                if (!days.TryGetValue(day, out var items))
                {
                    days[day] = items = [];
                }

                items.AddRange(indexes.Select(i => (write, i)));
            }
        }

        return days;
    }
}
