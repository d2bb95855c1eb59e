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
        Rescan(); // Pick up the new file at the path now, before it can be rotated in turn.
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
        ReadRestFromCopy(file);

        if (_active.TryGetValue(checkpoint.Path, out var active) && active == file)
        {
            _active.Remove(checkpoint.Path);
        }

        Rescan();
    }

    /// <summary>Re-opens a file closed for the handle budget once it grew; false while it has nothing new.</summary>
    private bool TryReopen(TrackedFile file)
    {
        var path = file.Checkpoint.Path;
        if (!FileStat.TryGet(path, out var stat, out _) || !stat.SameFile(file.Stat))
        {
            // Rotated or deleted while closed: the scan takes the path's new file; this one is looked for by identity
            // next to it (a rename keeps the inode) and drained there.
            _active.Remove(path);
            if (FindRenamed(path, file.Stat) is { } renamed)
            {
                file.Reopen(renamed.Handle, renamed.Stat);
                file.Status = FileStatus.Draining;
                LogDraining(logger, path, "rotated away while closed for the open-file limit", file.Position);
                return true;
            }

            LogDraining(logger, path, "gone while closed for the open-file limit", file.Position);
            file.Status = FileStatus.Done;
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

    /// <summary>
    /// copytruncate: what was not read before the truncation may still be in the copy logrotate made next to the file
    /// (<c>access.log.1</c>, <c>access.log-20261122</c>, uncompressed). A sibling whose name starts with the file's name,
    /// with the same head and at least as long as what was read, is read from the unacknowledged offset to its end
    /// under the old identity, so its events keep their ids.
    /// </summary>
    private void ReadRestFromCopy(TrackedFile truncated)
    {
        var checkpoint = truncated.Checkpoint;
        var dir = Path.GetDirectoryName(checkpoint.Path)!;
        var name = Path.GetFileName(checkpoint.Path);
        string[] siblings;
        try
        {
            siblings = Directory.GetFiles(dir, name + "*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var candidate in siblings.Where(p => p != checkpoint.Path).OrderByDescending(File.GetLastWriteTimeUtc))
        {
            if (!FileStat.TryGet(candidate, out var stat, out _) || !stat.IsRegularFile || stat.SameFile(truncated.Stat)
                || stat.Size < checkpoint.ReadOffset || _files.Any(f => f.Status != FileStatus.Done && f.Stat.SameFile(stat)))
            {
                continue;
            }

            try
            {
                var handle = File.OpenHandle(candidate, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (!FileIdentity.HeadMatches(handle, checkpoint))
                {
                    handle.Dispose();
                    continue;
                }

                var copy = new TrackedFile(truncated.Input, checkpoint, handle, stat, time.GetTimestamp(), _budget) { Status = FileStatus.Draining };
                _files.Add(copy);
                LogFromCopy(logger, checkpoint.Path, candidate, checkpoint.ReadOffset, stat.Size);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Warn(candidate, $"cannot read the rotated copy: {e.Message}");
            }
        }
    }

    /// <summary>The file with <paramref name="identity"/>'s device and inode next to <paramref name="path"/>, opened.</summary>
    private static (Microsoft.Win32.SafeHandles.SafeFileHandle Handle, FileStat Stat)? FindRenamed(string path, FileStat identity)
    {
        try
        {
            foreach (var candidate in Directory.EnumerateFiles(Path.GetDirectoryName(path)!))
            {
                if (FileStat.TryGet(candidate, out var stat, out _) && stat.SameFile(identity))
                {
                    var handle = File.OpenHandle(candidate, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    if (FileStat.TryGet(handle, out var opened) && opened.SameFile(identity))
                    {
                        return (handle, opened);
                    }

                    handle.Dispose();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The directory is gone or unreadable: nothing to drain from.
        }

        return null;
    }
}
