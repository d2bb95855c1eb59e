using System.Threading.Channels;
using LogPipeline.Shipper.Checkpoints;
using LogPipeline.Shipper.Configuration;
using LogPipeline.Shipper.Framing;
using LogPipeline.Shipper.Metrics;
using Microsoft.Extensions.Logging;

namespace LogPipeline.Shipper.Tailing;

/// <summary>
/// The tail loop: finds files matching the inputs' globs, follows each through rotation, truncation and deletion,
/// and writes framed chunks into the pipeline channel. A full channel blocks the loop: reading stops and the files
/// themselves are the buffer.
/// </summary>
internal sealed partial class Tailer(
    ShipperOptions options,
    CheckpointRegistry registry,
    ChannelWriter<EventChunk> output,
    ShipperMetrics metrics,
    TimeProvider time,
    ILogger logger,
    bool firstStart)
{
    /// <summary>Most bytes read from one file before the loop turns to the next (fairness).</summary>
    private const int TurnBytes = 4 << 20;

    private readonly List<TrackedFile> _files = [];
    private readonly Dictionary<string, TrackedFile> _active = new(StringComparer.Ordinal);
    private TaskCompletionSource _wakeSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EventChunk? _held;
    private readonly HandleBudget _budget = new(options.MaxOpenFiles);
    private bool _initialScanDone;
    private long _nextScan;

    public TimeSpan PollInterval { get; private set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan ScanInterval { get; private set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// With inotify on every glob directory, changes wake the loop at once, so polling (the fallback for what inotify
    /// misses) slows down; this is what keeps an idle shipper near zero CPU.
    /// </summary>
    public void UseWatchers(bool allWatched)
    {
        PollInterval = TimeSpan.FromMilliseconds(allWatched ? 500 : 250);
        ScanInterval = TimeSpan.FromSeconds(allWatched ? 10 : 1);
    }

    /// <summary>How long a rotated or deleted file must stay quiet at its end before its handle is released.</summary>
    public TimeSpan DrainQuiet { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a drained file is held open waiting for its last events to be acknowledged.</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(60);

    public int TrackedCount => _files.Count;

    /// <summary>Wakes the loop and has it expand the globs now (a watcher saw a file appear, move or go).</summary>
    public void Rescan()
    {
        Volatile.Write(ref _nextScan, 0);
        Wake();
    }

    /// <summary>Wakes the loop now (a watcher saw a change).</summary>
    public void Wake() => Volatile.Read(ref _wakeSignal).TrySetResult();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = time.GetTimestamp();
                if (now >= Volatile.Read(ref _nextScan))
                {
                    _nextScan = now + (long)(ScanInterval.TotalSeconds * time.TimestampFrequency);
                    Scan(now);
                }
                else
                {
                    RetryPending(now);
                }

                // Wake-ups from here on end the next wait early (set before the work, so none is lost).
                Volatile.Write(ref _wakeSignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

                // A chunk the full channel did not take is offered first; until it is taken no file is read, but
                // files are still checked and found, so a file created and rotated away meanwhile is not missed.
                if (_held is not null && output.TryWrite(_held))
                {
                    _held = null;
                }

                var progressed = false;
                foreach (var file in _files.ToArray())
                {
                    progressed |= Turn(file);
                }

                _files.RemoveAll(f => f.Status == FileStatus.Done);
                EnforceOpenLimit();
                if (!progressed || _held is not null)
                {
                    await WaitAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what was not framed yet is re-read after restart from the acknowledged offset.
        }
        finally
        {
            foreach (var file in _files)
            {
                file.Dispose();
            }
        }
    }

    /// <summary>Sleeps until a watcher event, the poll interval, or room in the channel for a held chunk.</summary>
    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _wakeSignal);
        var poll = Task.Delay(PollInterval, time, cancellationToken);
        var room = _held is null ? poll : output.WaitToWriteAsync(cancellationToken).AsTask();
        await Task.WhenAny(signal.Task, poll, room);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One file's turn: check it, then read up to <see cref="TurnBytes"/>. True when bytes were read.</summary>
    private bool Turn(TrackedFile file)
    {
        if (_held is not null && file.Handle is null)
        {
            return false; // Cannot be read now: do not spend a handle re-opening it.
        }

        var now = time.GetTimestamp();
        if (!Check(file, now) || _held is not null)
        {
            return false;
        }

        var total = 0;
        while (total < TurnBytes)
        {
            var idle = time.GetElapsedTime(file.LastGrowthTicks, now);
            var drain = file.Status == FileStatus.Draining && idle >= DrainQuiet;
            EventChunk? chunk;
            int read;
            try
            {
                chunk = file.Read(now, idle, drain, out read);
            }
            catch (IOException e)
            {
                Warn(file.Checkpoint.Path, $"read failed: {e.Message}");
                file.Checkpoint.LastError = e.Message;
                return false;
            }

            total += read;
            metrics.BytesRead.Add(read);
            if (chunk is not null)
            {
                if (chunk.Events.Exists(e => e.Split))
                {
                    Warn(file.Checkpoint.Path, $"a line longer than max_line_bytes ({file.Input.MaxLineBytes}) was split into parts tagged _line_split");
                }

                metrics.EventsRead.Add(chunk.Events.Count);
                if (!output.TryWrite(chunk))
                {
                    _held = chunk;
                    break;
                }
            }

            if (read < TrackedFile.ReadSize)
            {
                break;
            }

            file.Refresh();
            now = time.GetTimestamp();
        }

        if (file.Status == FileStatus.Draining && file.Handle is not null)
        {
            ReleaseIfDrained(file, now);
        }
        else if (_budget.Exceeded && file.Status == FileStatus.Active)
        {
            file.Close(); // Re-opened by path at its next turn with new bytes.
        }

        return total > 0;
    }

    private void ReleaseIfDrained(TrackedFile file, long now)
    {
        var idle = time.GetElapsedTime(file.LastGrowthTicks, now);
        var atEnd = file.Position >= file.Stat.Size && !file.HasLeftover;
        var acked = file.Checkpoint.AckedOffset >= file.Checkpoint.ReadOffset;
        if (atEnd && idle >= DrainQuiet && (acked || idle >= DrainQuiet + AckWait))
        {
            LogReleased(logger, file.Checkpoint.Path, file.Checkpoint.ReadOffset, acked);
            file.Status = FileStatus.Done;
            file.Close();
        }
    }

    /// <summary>
    /// Over the budget, closes active files (quietest first; a file with unread bytes too, since it is re-opened by
    /// path and identity). Draining files stay open: their path no longer leads to them.
    /// </summary>
    private void EnforceOpenLimit()
    {
        if (!_budget.Exceeded)
        {
            return;
        }

        foreach (var file in _files.Where(f => f.Status == FileStatus.Active && f.Handle is not null)
                     .OrderBy(f => f.Position < f.Stat.Size).ThenBy(f => f.LastGrowthTicks).Take(_budget.Open - _budget.Limit))
        {
            file.Close();
        }
    }
}
