using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Tailing;

/// <summary>
/// inotify (through <see cref="FileSystemWatcher"/>) on the fixed directories of the globs, to wake the tail loop
/// as soon as a file appears, grows or moves. The loop also polls, so a directory that cannot be watched (missing,
/// inotify limits, network file systems) still works, only less promptly.
/// </summary>
internal sealed partial class DirectoryWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>True when every directory is watched: the tail loop can then poll slowly.</summary>
    public bool AllWatched { get; }

    public DirectoryWatcher(IEnumerable<string> directories, Action wake, Action rescan, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(wake);
        ArgumentNullException.ThrowIfNull(rescan);
        var all = directories.Distinct(StringComparer.Ordinal).ToList();
        foreach (var dir in all.Where(Directory.Exists))
        {
            try
            {
                var watcher = new FileSystemWatcher(dir)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
                };
                watcher.Changed += (_, _) => wake();
                watcher.Created += (_, _) => rescan();
                watcher.Renamed += (_, _) => rescan();
                watcher.Deleted += (_, _) => rescan();
                watcher.Error += (_, e) => LogWatchError(logger, dir, e.GetException().Message);
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                LogWatchError(logger, dir, e.Message);
            }
        }

        AllWatched = _watchers.Count == all.Count;
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Directory} ({Reason}); polling it instead")]
    private static partial void LogWatchError(ILogger logger, string directory, string reason);
}
