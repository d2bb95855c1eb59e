namespace LogPipeline.Shipper.Tailing;

/// <summary>Counts the file handles the tail loop holds, against <c>max_open_files</c>.</summary>
internal sealed class HandleBudget(int limit)
{
    public int Limit { get; } = limit;

    public int Open { get; private set; }

    public bool Exceeded => Open > Limit;

    public bool Full => Open >= Limit;

    public void Opened() => Open++;

    public void Closed() => Open--;
}
