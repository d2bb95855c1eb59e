using System.Buffers;
using System.Collections.Concurrent;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;

namespace LogPipeline.Shipper.Framing;

/// <summary>
/// Events framed from one read of one file, in file order. The buffer is rented from the shared pool and the event
/// list from <see cref="RentEvents"/>; whoever consumes the chunk returns both with <see cref="Release"/>.
/// </summary>
internal sealed class EventChunk(FileCheckpoint file, InputOptions input, byte[] buffer, List<EventSlice> events)
{
    /// <summary>
    /// Lists kept for reuse: the channel's chunks and the two being read and batched, with room to spare. A list
    /// allocated per read grew to hold a few hundred events and was garbage right after, about 100 bytes per line:
    /// nearly all that the shipper allocated, and so nearly all its collections and gen0 memory.
    /// </summary>
    private const int PooledLists = 32;

    /// <summary>Larger lists (a read of very short lines) are left to the collector: 2,048 slices are 64 KiB.</summary>
    private const int MaxPooledCapacity = 2048;

    private static readonly ConcurrentQueue<List<EventSlice>> Lists = new();

    public FileCheckpoint File { get; } = file;

    public InputOptions Input { get; } = input;

    public byte[] Buffer { get; } = buffer;

    public List<EventSlice> Events { get; } = events;

    /// <summary>An empty list for the events of one read; give it back through a chunk's <see cref="Release"/> or <see cref="ReturnEvents"/>.</summary>
    public static List<EventSlice> RentEvents() => Lists.TryDequeue(out var list) ? list : new List<EventSlice>(256);

    public static void ReturnEvents(List<EventSlice> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Capacity <= MaxPooledCapacity && Lists.Count < PooledLists)
        {
            events.Clear();
            Lists.Enqueue(events);
        }
    }

    public ReadOnlySpan<byte> Bytes(in EventSlice slice) => Buffer.AsSpan(slice.Start, slice.Length);

    public void Release()
    {
        ArrayPool<byte>.Shared.Return(Buffer);
        ReturnEvents(Events);
    }
}
