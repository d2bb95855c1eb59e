using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Tailing;

/// <summary>
/// inotify (through <see cref="FileSystemWatcher"/>) on the fixed directories of the globs, to wake the tail loop
/// as soon as a file appears, grows or moves. The loop also polls, so a directory that cannot be watched (missing,
/// inotify limits, network file systems) still works, only less promptly.
/// </summary>
/// <remarks>
/// Only changes the globs care about wake the loop: a directory is watched recursively only when a glob rooted there
/// reaches into subdirectories, and an event counts only when its path matches a glob (a write or size change) or
/// matches or leads to one (a file or directory created, deleted or renamed). A glob such as <c>/var/log/*.log</c>
/// would otherwise wake the shipper for every write anywhere under <c>/var/log</c> (the journal, a database's files,
/// the shipper's own state if kept there), each wake costing a turn of the tail loop.
/// </remarks>
internal sealed partial class DirectoryWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>True when every directory is watched: the tail loop can then poll slowly.</summary>
    public bool AllWatched { get; }

    public DirectoryWatcher(IEnumerable<Glob> globs, Action wake, Action rescan, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(wake);
        ArgumentNullException.ThrowIfNull(rescan);
        var roots = globs.GroupBy(g => g.Root, StringComparer.Ordinal).ToList();
        foreach (var root in roots.Where(r => Directory.Exists(r.Key)))
        {
            var rooted = root.ToList();
            try
            {
                var watcher = new FileSystemWatcher(root.Key)
                {
                    IncludeSubdirectories = rooted.Exists(g => g.SpansDirectories),
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
                };
                watcher.Changed += (_, e) => Raise(rooted.Exists(g => g.Matches(e.FullPath)), wake);
                watcher.Created += (_, e) => Raise(LeadsTo(rooted, e.FullPath), rescan);
                watcher.Deleted += (_, e) => Raise(LeadsTo(rooted, e.FullPath), rescan);
                watcher.Renamed += (_, e) => Raise(LeadsTo(rooted, e.FullPath) || LeadsTo(rooted, e.OldFullPath), rescan);
                watcher.Error += (_, e) =>
                {
                    LogWatchError(logger, root.Key, e.GetException().Message);
                    rescan(); // Events may have been lost (inotify queue overflow): look again.
                };
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                LogWatchError(logger, root.Key, e.Message);
            }
        }

        AllWatched = _watchers.Count == roots.Count;
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private static bool LeadsTo(List<Glob> globs, string? path) => path is not null && globs.Exists(g => g.MatchesOrLeadsTo(path));

    private static void Raise(bool relevant, Action action)
    {
        if (relevant)
        {
            action();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Directory} ({Reason}); polling it instead")]
    private static partial void LogWatchError(ILogger logger, string directory, string reason);
}
