namespace LogPipeline.Shipper.Tailing;

/// <summary>Where a tracked file is in its life.</summary>
internal enum FileStatus
{
    /// <summary>Its path still names it: read as it grows.</summary>
    Active,

    /// <summary>Renamed away (rotation) or deleted while open: read to its end, then released.</summary>
    Draining,

    /// <summary>Drained and acknowledged: the handle is closed and the file is forgotten.</summary>
    Done,
}
