using System.Buffers;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Framing;

namespace LogPipeline.Shipper.Tests.Batching;

/// <summary>Builds event chunks from byte lines, as the tail loop would after framing them.</summary>
internal static class ChunkBuilder
{
    public static EventChunk Lines(FileCheckpoint file, InputOptions input, long startOffset, params byte[][] lines)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, lines.Sum(l => l.Length + 1)));
        var slices = new List<EventSlice>();
        var pos = 0;
        var offset = startOffset;
        foreach (var line in lines)
        {
            line.CopyTo(buffer, pos);
            buffer[pos + line.Length] = (byte)'\n';
            slices.Add(new EventSlice(pos, line.Length, offset, offset + line.Length + 1, false));
            pos += line.Length + 1;
            offset += line.Length + 1;
        }

        return new EventChunk(file, input, buffer, slices);
    }

    public static FileCheckpoint File(string path = "/var/log/a.log", string fingerprint = "f00d") => new() { Path = path, Fingerprint = fingerprint };

    public static InputOptions Input(string type = "apache.access") => new() { Type = type };
}
