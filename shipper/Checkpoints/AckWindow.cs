namespace LogPipeline.Shipper.Checkpoints;

/// <summary>
/// Keeps the checkpoint rule while several batches are in flight. Batches are opened in the order the batcher cut them
/// (file order), and a batch's offsets reach the checkpoints only once it and every batch opened before it are handled
/// (acknowledged, or dead-lettered). An acknowledgement that arrives out of order waits for the batches before it; a
/// batch never handled (the shipper stopped first) holds back every later one, so after a restart all of them are read
/// and sent again under the same ids. One order for all files, not one per file: simpler, and with a handful of
/// batches in flight a file waits at most for those few.
/// </summary>
internal sealed class AckWindow(CheckpointRegistry registry, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Queue<Slot> _open = new();

    /// <summary>Batches opened and not yet applied to the checkpoints (handled or not).</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Opens the next batch in order; pass the slot to <see cref="Handled"/> when ingest has answered for good.</summary>
    public Slot Open(IReadOnlyList<(FileCheckpoint File, long Offset)> acks)
    {
        var slot = new Slot(acks);
        lock (_lock)
        {
            _open.Enqueue(slot);
        }

        return slot;
    }

    /// <summary>Marks the batch handled and applies every handled batch at the head of the order, oldest first.</summary>
    public void Handled(Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_lock)
        {
            slot.IsHandled = true;
            while (_open.TryPeek(out var head) && head.IsHandled)
            {
                _open.Dequeue();
                registry.Acknowledge(head.Acks, time.GetUtcNow().ToUnixTimeMilliseconds());
            }
        }
    }

    /// <summary>One batch's place in the order and the offsets its acknowledgement covers.</summary>
    internal sealed class Slot(IReadOnlyList<(FileCheckpoint File, long Offset)> acks)
    {
        public IReadOnlyList<(FileCheckpoint File, long Offset)> Acks { get; } = acks;

        public bool IsHandled { get; set; }
    }
}
