namespace LogPipeline.Shipper.Checkpoints;

/// <summary>
/// The live checkpoints of every known file, shared by the tail loop (adds files, moves read offsets) and the sender
/// (moves acknowledged offsets after a 200). <see cref="Snapshot"/> copies them for an atomic save.
/// </summary>
internal sealed class CheckpointRegistry(string host, IEnumerable<FileCheckpoint> loaded)
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly List<FileCheckpoint> _files = [.. loaded];
    private long _version;
    private long _savedVersion;

    public string Host { get; } = host;

    public bool Dirty
    {
        get
        {
            lock (_lock)
            {
                return _version != _savedVersion;
            }
        }
    }

    /// <summary>Completes at the next change (at once if one happened since the last call).</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => _changed.WaitAsync(cancellationToken);

    private void Changed()
    {
        _version++;
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public void Add(FileCheckpoint checkpoint)
    {
        lock (_lock)
        {
            _files.Add(checkpoint);
            Changed();
        }
    }

    /// <summary>The entries whose file has this device and inode, newest generation first.</summary>
    public List<FileCheckpoint> FindByInode(ulong device, ulong inode)
    {
        lock (_lock)
        {
            return [.. _files.Where(f => f.Device == device && f.Inode == inode).OrderByDescending(f => f.Generation)];
        }
    }

    public List<FileCheckpoint> All()
    {
        lock (_lock)
        {
            return [.. _files];
        }
    }

    /// <summary>Records that ingest acknowledged everything before <paramref name="offset"/>.</summary>
    public void Acknowledge(IEnumerable<(FileCheckpoint File, long Offset)> acks, long nowUnixMs)
    {
        lock (_lock)
        {
            foreach (var (file, offset) in acks)
            {
                if (offset > file.AckedOffset)
                {
                    file.AckedOffset = offset;
                }

                file.LastSendUnixMs = nowUnixMs;
                file.LastError = null;
            }

            Changed();
        }
    }

    public void Touch()
    {
        lock (_lock)
        {
            Changed();
        }
    }

    public void Update(Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            change();
            Changed();
        }
    }

    /// <summary>Drops entries not seen for <paramref name="retention"/> that have nothing left to send.</summary>
    public void Prune(long nowUnixMs, TimeSpan retention)
    {
        lock (_lock)
        {
            var removed = _files.RemoveAll(f => nowUnixMs - f.LastSeenUnixMs > retention.TotalMilliseconds);
            if (removed > 0)
            {
                Changed();
            }
        }
    }

    /// <summary>A deep copy to save, and the version it reflects (pass it to <see cref="MarkSaved"/>).</summary>
    public (CheckpointFile File, long Version) Snapshot()
    {
        lock (_lock)
        {
            var copy = _files.Select(f => new FileCheckpoint
            {
                Fingerprint = f.Fingerprint, Path = f.Path, Device = f.Device, Inode = f.Inode, BirthTicks = f.BirthTicks,
                HeadHash = f.HeadHash, HeadLength = f.HeadLength, Generation = f.Generation, Superseded = f.Superseded,
                ReadOffset = f.ReadOffset, AckedOffset = f.AckedOffset, Size = f.Size, LastError = f.LastError,
                LastSendUnixMs = f.LastSendUnixMs, LastSeenUnixMs = f.LastSeenUnixMs,
            }).ToList();
            return (new CheckpointFile { Host = Host, Files = copy }, _version);
        }
    }

    public void MarkSaved(long version)
    {
        lock (_lock)
        {
            _savedVersion = Math.Max(_savedVersion, version);
        }
    }
}
