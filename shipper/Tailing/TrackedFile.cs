using System.Buffers;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Framing;
using Microsoft.Win32.SafeHandles;

namespace LogPipeline.Shipper.Tailing;

/// <summary>
/// One file being tailed: its identity and checkpoint, an open handle (reads use positioned reads, so a rename or
/// delete does not disturb them), the framer, and the bytes read but not framed yet (a partial line or a pending
/// multi-line record). Only the tail loop touches an instance, except <see cref="Checkpoint"/>'s acked offset.
/// </summary>
internal sealed partial class TrackedFile : IDisposable
{
    /// <summary>Bytes per read: with a short leftover the rented buffer stays a 64 KiB one (small-object heap, pooled).</summary>
    public const int ReadSize = 60 * 1024;

    private const int ProbeSize = 32;
    private readonly byte[] _probe = new byte[ProbeSize];
    private int _probeLength;
    private byte[] _leftover = [];
    private int _leftoverLength;

    private readonly HandleBudget _budget;

    public TrackedFile(InputOptions input, FileCheckpoint checkpoint, SafeFileHandle? handle, FileStat stat, long nowTicks, HandleBudget budget)
    {
        _budget = budget;
        if (handle is not null)
        {
            budget.Opened();
        }

        Input = input;
        Checkpoint = checkpoint;
        Handle = handle;
        Stat = stat;
        Framer = new Framer(input.MaxLineBytes, input.Multiline);
        LastGrowthTicks = nowTicks;
    }

    public InputOptions Input { get; }

    public FileCheckpoint Checkpoint { get; private set; }

    public SafeFileHandle? Handle { get; private set; }

    /// <summary>The identity of the open file (device, inode, birth time) as of the last check.</summary>
    public FileStat Stat { get; private set; }

    public Framer Framer { get; }

    public FileStatus Status { get; set; } = FileStatus.Active;

    public long LastGrowthTicks { get; private set; }

    /// <summary>When the path was last checked for rotation, and the size at the last head check.</summary>
    public long LastPathCheckTicks { get; set; }

    public long LastHeadCheckSize { get; set; }

    public long LastHeadCheckModified { get; set; }

    /// <summary>The next byte to read: everything before it was framed or is held as leftover.</summary>
    public long Position => Checkpoint.ReadOffset + _leftoverLength;

    public bool HasLeftover => _leftoverLength > 0 || Framer.HasPendingRecord;

    /// <summary>
    /// Reads up to <see cref="ReadSize"/> new bytes and frames them. Returns a chunk when events came out, else null.
    /// <paramref name="drain"/> flushes everything held back (the file is finished).
    /// </summary>
    public EventChunk? Read(long nowTicks, TimeSpan idle, bool drain, out int bytesRead)
    {
        bytesRead = 0;
        if (Handle is null)
        {
            return null;
        }

        var available = Math.Max(0, Math.Min(Stat.Size - Position, ReadSize));
        var flushRecord = drain || (Input.Multiline is { } rule && idle >= rule.FlushTimeout);
        var flushPartial = drain || idle >= Input.PartialLineTimeout;
        if (available == 0 && !(HasLeftover && (flushRecord || flushPartial)))
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(4096, _leftoverLength + available));
        _leftover.AsSpan(0, _leftoverLength).CopyTo(buffer);
        if (available > 0)
        {
            bytesRead = RandomAccess.Read(Handle, buffer.AsSpan(_leftoverLength, (int)available), Position);
            if (bytesRead > 0)
            {
                LastGrowthTicks = nowTicks;
                flushRecord = drain;
                flushPartial = drain;
            }
        }

        var length = _leftoverLength + bytesRead;
        if (bytesRead > 0)
        {
            _probeLength = Math.Min(ProbeSize, length);
            buffer.AsSpan(length - _probeLength, _probeLength).CopyTo(_probe);
        }

        var events = EventChunk.RentEvents();
        var consumed = Framer.Frame(buffer.AsSpan(0, length), Checkpoint.ReadOffset, events, flushRecord, flushPartial);
        KeepLeftover(buffer.AsSpan(consumed, length - consumed));
        Checkpoint.ReadOffset += consumed;
        if (events.Count == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            EventChunk.ReturnEvents(events);
            return null;
        }

        return new EventChunk(Checkpoint, Input, buffer, events);
    }

    /// <summary>
    /// True while the last bytes read are still what the file holds before <see cref="Position"/>: a file truncated and
    /// written again past the old position (same head) is told apart by this.
    /// </summary>
    public bool ProbeMatches()
    {
        if (Handle is null || _probeLength == 0)
        {
            return true;
        }

        Span<byte> now = stackalloc byte[ProbeSize];
        var n = RandomAccess.Read(Handle, now[.._probeLength], Position - _probeLength);
        return n == _probeLength && now[..n].SequenceEqual(_probe.AsSpan(0, _probeLength));
    }

    /// <summary>Re-reads the file's size and identity through the open handle.</summary>
    public bool Refresh()
    {
        if (Handle is null || !FileStat.TryGet(Handle, out var stat))
        {
            return false;
        }

        Stat = stat;
        Checkpoint.Size = stat.Size;
        return true;
    }

    /// <summary>Starts over from byte 0 under a new identity (the file was truncated in place).</summary>
    public void Restart(FileCheckpoint next)
    {
        Checkpoint = next;
        _leftoverLength = 0;
        _probeLength = 0;
        Framer.Reset();
    }

    public void Close()
    {
        if (Handle is not null)
        {
            Handle.Dispose();
            Handle = null;
            _budget.Closed();
        }
    }

    public void Reopen(SafeFileHandle handle, FileStat stat)
    {
        Close();
        Handle = handle;
        _budget.Opened();
        Stat = stat;
    }

    public void Dispose() => Close();

    private void KeepLeftover(ReadOnlySpan<byte> rest)
    {
        if (rest.Length > _leftover.Length)
        {
            _leftover = new byte[Math.Max(rest.Length, Math.Min(_leftover.Length * 2, Input.MaxLineBytes + ReadSize))];
        }

        rest.CopyTo(_leftover);
        _leftoverLength = rest.Length;
    }
}
