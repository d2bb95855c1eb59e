using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LogPipeline.Shipper.Checkpoints;
using Microsoft.Win32.SafeHandles;

namespace LogPipeline.Shipper.Tailing;

/// <summary>
/// File identity: device, inode and birth time, plus a hash of the file's head (its first line, at most
/// <see cref="MaxHead"/> bytes). The head tells a truncated-and-rewritten file or a reused inode apart from the file
/// that was there before; a generation counts truncations that left the head unchanged.
/// </summary>
internal static class FileIdentity
{
    public const int MaxHead = 1024;

    /// <summary>
    /// Reads the head: up to and including the first newline, or <see cref="MaxHead"/> bytes. Not ready (false) while
    /// the file has no complete first line, unless <paramref name="force"/> (a partial first line timed out).
    /// </summary>
    public static bool TryReadHead(SafeFileHandle handle, bool force, out string hash, out int length)
    {
        Span<byte> head = stackalloc byte[MaxHead];
        var n = RandomAccess.Read(handle, head, 0);
        var nl = head[..n].IndexOf((byte)'\n');
        length = nl >= 0 ? nl + 1 : n;
        if ((nl < 0 && n < MaxHead && !force) || length == 0)
        {
            hash = "";
            return false;
        }

        hash = Hex(SHA256.HashData(head[..length]));
        return true;
    }

    /// <summary>True when the file's first KiB has NUL bytes (text logs do not).</summary>
    public static bool LooksBinary(SafeFileHandle handle)
    {
        Span<byte> head = stackalloc byte[MaxHead];
        var n = RandomAccess.Read(handle, head, 0);
        return head[..n].Contains((byte)0);
    }

    /// <summary>True when the file still starts with the bytes the checkpoint saw.</summary>
    public static bool HeadMatches(SafeFileHandle handle, FileCheckpoint checkpoint)
    {
        Span<byte> head = stackalloc byte[MaxHead];
        var n = RandomAccess.Read(handle, head[..checkpoint.HeadLength], 0);
        return n == checkpoint.HeadLength && Hex(SHA256.HashData(head[..n])) == checkpoint.HeadHash;
    }

    public static string Fingerprint(in FileStat stat, string headHash, int generation) =>
        Hex(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{stat.Device}:{stat.Inode}:{stat.BirthTicks}:{headHash}:{generation}"))));

    public static FileCheckpoint NewCheckpoint(string path, in FileStat stat, string headHash, int headLength, int generation, long offset) =>
        new()
        {
            Fingerprint = Fingerprint(stat, headHash, generation),
            Path = path,
            Device = stat.Device,
            Inode = stat.Inode,
            BirthTicks = stat.BirthTicks,
            HeadHash = headHash,
            HeadLength = headLength,
            Generation = generation,
            ReadOffset = offset,
            AckedOffset = offset,
            Size = stat.Size,
        };

    public static bool SameIdentity(FileCheckpoint checkpoint, in FileStat stat) =>
        checkpoint.Device == stat.Device && checkpoint.Inode == stat.Inode &&
        (checkpoint.BirthTicks == 0 || stat.BirthTicks == 0 || checkpoint.BirthTicks == stat.BirthTicks);

    /// <summary>Lowercase hex of the first 16 bytes.</summary>
    private static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash[..16]);
}
