using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LogPipeline.Shipper.Tailing;

/// <summary>
/// What <c>statx(2)</c> says about a file: device and inode (identity), birth time (tells inode reuse apart), size,
/// type and link count (0 once deleted while open). statx's layout is the same on every Linux architecture.
/// </summary>
internal readonly partial record struct FileStat(ulong Device, ulong Inode, long BirthTicks, long Size, uint Mode, uint Links, long ModifiedTicks = 0)
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStatsAndBirth = 0x7ff | 0x800;

    public bool IsRegularFile => (Mode & 0xF000) == 0x8000;

    public bool IsDirectory => (Mode & 0xF000) == 0x4000;

    public bool SameFile(in FileStat other) =>
        Device == other.Device && Inode == other.Inode && (BirthTicks == 0 || other.BirthTicks == 0 || BirthTicks == other.BirthTicks);

    /// <summary>Stats <paramref name="path"/>, following symbolic links; false with the errno when it fails.</summary>
    public static bool TryGet(string path, out FileStat stat, out int errno) => Call(AtFdCwd, path, 0, out stat, out errno);

    public static bool TryGet(SafeFileHandle handle, out FileStat stat)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return Call((int)handle.DangerousGetHandle(), "", AtEmptyPath, out stat, out _);
    }

    private static unsafe bool Call(int dirFd, string path, int flags, out FileStat stat, out int errno)
    {
        var buffer = stackalloc byte[256];
        if (Statx(dirFd, path, flags, StatxBasicStatsAndBirth, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            stat = default;
            return false;
        }

        var mask = *(uint*)buffer;
        var birth = (mask & 0x800) != 0 ? (*(long*)(buffer + 80) * 1_000_000_000L) + *(uint*)(buffer + 88) : 0;
        var device = ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140);
        var modified = (*(long*)(buffer + 112) * 1_000_000_000L) + *(uint*)(buffer + 120);
        stat = new FileStat(device, *(ulong*)(buffer + 32), birth, *(long*)(buffer + 40), *(ushort*)(buffer + 28), *(uint*)(buffer + 16), modified);
        errno = 0;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);
}
