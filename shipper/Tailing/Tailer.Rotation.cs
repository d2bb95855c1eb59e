namespace LogPipeline.Shipper.Tailing;

internal sealed partial class Tailer
{
    /// <summary>
    /// Checks one file before its turn: re-opens a file closed for the handle budget, notices a rename or delete
    /// (the file drains), and a truncation or in-place rewrite (a new generation starts at 0). True when it may be read.
    /// </summary>
    private bool Check(TrackedFile file, long now)
    {
        if (file.Status == FileStatus.Done)
        {
            return false;
        }

        if (file.Handle is null && !TryReopen(file))
        {
            return false;
        }

        if (!file.Refresh())
        {
            return false;
        }

        if (time.GetElapsedTime(file.LastPathCheckTicks, now) >= PollInterval)
        {
            file.LastPathCheckTicks = now;
            if (file.Status == FileStatus.Active)
            {
                CheckPath(file);
            }

            var changed = file.Stat.Size != file.LastHeadCheckSize || file.Stat.ModifiedTicks != file.LastHeadCheckModified;
            if (file.Stat.Size < file.Position || (changed && !StillSameContent(file)))
            {
                Truncated(file);
                return false;
            }

            file.LastHeadCheckSize = file.Stat.Size;
            file.LastHeadCheckModified = file.Stat.ModifiedTicks;
        }

        return true;
    }

    private void CheckPath(TrackedFile file)
    {
        var path = file.Checkpoint.Path;
        var renamed = !FileStat.TryGet(path, out var atPath, out _) || !atPath.SameFile(file.Stat);
        if (!renamed && file.Stat.Links > 0)
        {
            return;
        }

        file.Status = FileStatus.Draining;
        _active.Remove(path);
        _nextScan = 0; // Pick up the new file at the path now.
        LogDraining(logger, path, file.Stat.Links == 0 ? "deleted" : "rotated away", file.Position);
    }

    /// <summary>The head and the last bytes read are unchanged (not rewritten in place).</summary>
    private static bool StillSameContent(TrackedFile file)
    {
        try
        {
            return FileIdentity.HeadMatches(file.Handle!, file.Checkpoint) && file.ProbeMatches();
        }
        catch (IOException)
        {
            return true; // Unreadable now; the next check tells.
        }
    }

    private void Truncated(TrackedFile file)
    {
        var checkpoint = file.Checkpoint;
        LogTruncated(logger, checkpoint.Path, file.Position, file.Stat.Size);
        registry.Update(() => checkpoint.Superseded = true);
        file.Status = FileStatus.Done;
        file.Close();
        if (_active.TryGetValue(checkpoint.Path, out var active) && active == file)
        {
            _active.Remove(checkpoint.Path);
        }

        _nextScan = 0;
    }

    /// <summary>Re-opens a file closed for the handle budget once it grew; false while it has nothing new.</summary>
    private bool TryReopen(TrackedFile file)
    {
        var path = file.Checkpoint.Path;
        if (!FileStat.TryGet(path, out var stat, out _) || !stat.SameFile(file.Stat))
        {
            // Rotated or deleted while closed: the scan takes the path's new file; this one ends here.
            LogDraining(logger, path, "gone while closed for the open-file limit", file.Position);
            file.Status = FileStatus.Done;
            _active.Remove(path);
            return false;
        }

        if (stat.Size == file.Position)
        {
            return false;
        }

        try
        {
            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (FileStat.TryGet(handle, out var opened) && opened.SameFile(file.Stat))
            {
                file.Reopen(handle, opened);
                return true;
            }

            handle.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn(path, $"cannot re-open: {e.Message}");
        }

        return false;
    }
}
