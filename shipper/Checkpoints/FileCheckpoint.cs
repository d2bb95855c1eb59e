namespace LogPipeline.Shipper.Checkpoints;

/// <summary>
/// What the shipper knows about one file (one identity, one generation): the acknowledged offset (everything before
/// it is stored by ingest) and the read offset (everything before it was handed to the pipeline).
/// </summary>
internal sealed class FileCheckpoint
{
    /// <summary>The identity hex used in event ids: device, inode, birth time, first bytes and generation.</summary>
    public string Fingerprint { get; set; } = "";

    public string Path { get; set; } = "";

    public ulong Device { get; set; }

    public ulong Inode { get; set; }

    public long BirthTicks { get; set; }

    /// <summary>SHA-256 (hex, 16 bytes) of the first <see cref="HeadLength"/> bytes of the file.</summary>
    public string HeadHash { get; set; } = "";

    public int HeadLength { get; set; }

    /// <summary>How many truncations of this file (same identity, same first bytes) came before this one.</summary>
    public int Generation { get; set; }

    /// <summary>Set when the file was truncated in place: a new generation took over its identity.</summary>
    public bool Superseded { get; set; }

    public long ReadOffset { get; set; }

    public long AckedOffset { get; set; }

    public long Size { get; set; }

    public string? LastError { get; set; }

    public long LastSendUnixMs { get; set; }

    public long LastSeenUnixMs { get; set; }
}
