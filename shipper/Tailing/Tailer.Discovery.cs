using System.Text.RegularExpressions;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using Microsoft.Win32.SafeHandles;

namespace LogPipeline.Shipper.Tailing;

internal sealed partial class Tailer
{
    private const int ENoEnt = 2;
    private readonly Dictionary<string, string> _warned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingFile> _pending = new(StringComparer.Ordinal);
    private long _lastPruneMs;

    /// <summary>How long the checkpoint of a file no longer seen is kept (a file that comes back resumes).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(1);

    private List<(InputOptions Input, List<Glob> Globs, List<Regex> Excludes)>? _inputs;

    /// <summary>Globs of every input, to watch their fixed directories.</summary>
    public IEnumerable<Glob> Globs => Inputs.SelectMany(i => i.Globs);

    private List<(InputOptions Input, List<Glob> Globs, List<Regex> Excludes)> Inputs => _inputs ??=
        [.. options.Inputs.Select(i => (i, i.Paths.Select(p => new Glob(p)).ToList(), i.Exclude.Select(Glob.ExcludeRegex).ToList()))];

    /// <summary>Expands every glob and starts tracking files not tracked yet.</summary>
    private void Scan(long now)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (input, globs, excludes) in Inputs)
        {
            foreach (var path in globs.SelectMany(g => g.Expand(Warn)))
            {
                if (!seen.Add(path) || _active.ContainsKey(path) || excludes.Any(x => x.IsMatch(path)))
                {
                    continue;
                }

                TryTrack(input, path, now);
            }
        }

        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var file in _files)
        {
            file.Checkpoint.LastSeenUnixMs = nowMs;
        }

        if (nowMs - _lastPruneMs > 60_000)
        {
            _lastPruneMs = nowMs;
            registry.Prune(nowMs, Retention);
        }

        foreach (var gone in _pending.Keys.Where(p => !seen.Contains(p)).ToList())
        {
            _pending.Remove(gone);
        }

        if (!_initialScanDone)
        {
            FindRotatedWhileStopped(now);
        }

        _initialScanDone = true;
    }

    /// <summary>
    /// At start: a known file whose path now names another file (or nothing) was rotated while the shipper was
    /// stopped; if it still has bytes past its acknowledged offset It is looked for next to its old path by device, inode and head, and drained.
    /// </summary>
    private void FindRotatedWhileStopped(long now)
    {
        foreach (var checkpoint in registry.All().Where(c => !c.Superseded))
        {
            if (FileStat.TryGet(checkpoint.Path, out var atPath, out _) && FileIdentity.SameIdentity(checkpoint, atPath))
            {
                continue; // Still at its path: the scan resumed it.
            }

            if (_files.Any(f => ReferenceEquals(f.Checkpoint, checkpoint)) || Inputs.FirstOrDefault(i => i.Globs.Any(g => g.Root.Length > 0
                    && checkpoint.Path.StartsWith(g.Root, StringComparison.Ordinal))).Input is not { } input)
            {
                continue;
            }

            var stale = new FileStat(checkpoint.Device, checkpoint.Inode, checkpoint.BirthTicks, 0, 0x8000, 1);
            if (FindRenamed(checkpoint.Path, stale) is not { } found)
            {
                continue;
            }

            if (found.Stat.Size <= checkpoint.AckedOffset || !FileIdentity.HeadMatches(found.Handle, checkpoint))
            {
                found.Handle.Dispose(); // Nothing left to send, or not the same content.
                continue;
            }

            checkpoint.ReadOffset = checkpoint.AckedOffset;
            _files.Add(new TrackedFile(input, checkpoint, found.Handle, found.Stat, now, _budget) { Status = FileStatus.Draining });
            LogDraining(logger, checkpoint.Path, "rotated while the shipper was stopped", checkpoint.AckedOffset);
        }
    }

    /// <summary>Files seen without a complete first line are looked at on every turn of the loop, not only per scan.</summary>
    private void RetryPending(long now)
    {
        foreach (var (path, pending) in _pending.ToList())
        {
            TryTrack(pending.Input, path, now);
        }
    }

    private void TryTrack(InputOptions input, string path, long now)
    {
        if (!FileStat.TryGet(path, out var stat, out var errno))
        {
            if (errno != ENoEnt)
            {
                Warn(path, errno == 40 ? "symbolic link loop; skipped" : $"cannot stat (errno {errno}); skipped");
            }

            return;
        }

        if (!stat.IsRegularFile)
        {
            Warn(path, stat.IsDirectory ? "is a directory, not a file; skipped" : "not a regular file; skipped");
            return;
        }

        if (_files.FirstOrDefault(f => f.Status != FileStatus.Done && f.Stat.SameFile(stat)) is { } known)
        {
            if (known.Status == FileStatus.Draining && !_active.ContainsKey(known.Checkpoint.Path))
            {
                // Rotated to a name the globs also match: keep following it there.
                known.Status = FileStatus.Active;
                registry.Update(() => known.Checkpoint.Path = path);
                _active[path] = known;
            }

            return; // Otherwise the same file under a second name (hard link, symlink): read it once.
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (UnauthorizedAccessException)
        {
            Warn(path, "permission denied: the shipper's user cannot read it; skipped until it can");
            return;
        }
        catch (IOException e)
        {
            Warn(path, $"cannot open: {e.Message}");
            return;
        }

        if (!FileStat.TryGet(handle, out stat) || !stat.IsRegularFile)
        {
            handle.Dispose();
            return;
        }

        if (!_pending.TryGetValue(path, out var pending))
        {
            var startAtEnd = firstStart && !_initialScanDone && input.StartAt == StartPosition.End;
            pending = new PendingFile(input, now, startAtEnd ? stat.Size : 0);
            _pending[path] = pending;
        }

        var force = time.GetElapsedTime(pending.FirstSeenTicks, now) >= input.PartialLineTimeout;
        if (!FileIdentity.TryReadHead(handle, force, out var headHash, out var headLength))
        {
            handle.Dispose(); // No complete first line yet: try again at the next turn.
            if (stat.Size == 0)
            {
                Warn(path, "empty; waiting for its first line");
            }

            return;
        }

        if (FileIdentity.LooksBinary(handle))
        {
            Warn(path, "looks like a binary file (NUL bytes); shipping it anyway, bytes that are not UTF-8 as message_base64");
        }

        _pending.Remove(path);
        var checkpoint = Resume(path, stat, handle, headHash, headLength, pending.StartOffset);
        var file = new TrackedFile(input, checkpoint, handle, stat, now, _budget);
        _files.Add(file);
        _active[path] = file;
        if (_budget.Exceeded)
        {
            file.Close(); // Over max_open_files: re-opened by path when its turn comes.
        }

        _warned.Remove(path);
        LogTracking(logger, path, checkpoint.Fingerprint, checkpoint.ReadOffset, stat.Size);
    }

    /// <summary>The checkpoint to continue from: the stored one for this identity and head, or a new one.</summary>
    private FileCheckpoint Resume(string path, FileStat stat, SafeFileHandle handle, string headHash, int headLength, long startOffset)
    {
        var known = registry.FindByInode(stat.Device, stat.Inode).Where(c => FileIdentity.SameIdentity(c, stat)).ToList();
        var sameHead = known.Where(c => c.HeadHash == headHash && c.HeadLength == headLength).ToList();
        var current = sameHead.FirstOrDefault(c => !c.Superseded && c.AckedOffset <= stat.Size);
        if (current is null && known.FirstOrDefault(c => !c.Superseded && c.HeadLength < headLength) is { } shorter
            && FileIdentity.HeadMatches(handle, shorter) && shorter.AckedOffset <= stat.Size)
        {
            current = shorter; // Its head was taken from a partial first line that has grown since.
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (current is not null)
        {
            registry.Update(() =>
            {
                current.Path = path;
                current.ReadOffset = current.AckedOffset;
                current.Size = stat.Size;
                current.LastSeenUnixMs = now;
            });
            return current;
        }

        foreach (var old in sameHead)
        {
            registry.Update(() => old.Superseded = true); // Truncated while the shipper was not looking.
        }

        var generation = sameHead.Count == 0 ? 0 : sameHead.Max(c => c.Generation) + 1;
        var offset = Math.Min(startOffset, stat.Size);
        var fresh = FileIdentity.NewCheckpoint(path, stat, headHash, headLength, generation, offset);
        fresh.LastSeenUnixMs = now;
        registry.Add(fresh);
        return fresh;
    }

    private void Warn(string path, string problem)
    {
        if (_warned.TryGetValue(path, out var last) && last == problem)
        {
            return;
        }

        _warned[path] = problem;
        LogFileProblem(logger, path, problem);
    }

    private sealed record PendingFile(InputOptions Input, long FirstSeenTicks, long StartOffset);
}
