using System.Buffers;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;

namespace LogPipeline.Shipper.Framing;

/// <summary>
/// Events framed from one read of one file, in file order. The buffer is rented from the shared pool; whoever
/// consumes the chunk returns it with <see cref="Release"/>.
/// </summary>
internal sealed class EventChunk(FileCheckpoint file, InputOptions input, byte[] buffer, List<EventSlice> events)
{
    public FileCheckpoint File { get; } = file;

    public InputOptions Input { get; } = input;

    public byte[] Buffer { get; } = buffer;

    public List<EventSlice> Events { get; } = events;

    public ReadOnlySpan<byte> Bytes(in EventSlice slice) => Buffer.AsSpan(slice.Start, slice.Length);

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
