using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    /// <summary>Groups whose rows have committed and that wait for their text index: the rows' writer runs at most this far ahead.</summary>
    private const int TextQueueCapacity = 2;

    /// <summary>Guards <see cref="_textWriters"/>: held by the text writer while it indexes, and by retention while it deletes.</summary>
    private readonly Lock _textLock = new();
    private readonly Dictionary<DateOnly, TextIndexWriter> _textWriters = [];
    private Channel<TextIndexJob>? _textQueue;

    // SQLite's result codes for failures of the environment, not of the index file's content.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int NoMemory = 7;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;

    /// <summary>Groups handed to the text writer and not yet completed.</summary>
    private int _textPending;

    /// <summary>For tests: runs on the text writer's thread before each group is indexed (a fault injected there).</summary>
    internal Action? BeforeTextJob { get; set; }

    /// <summary>
    /// The second writer: for each group, in the order the rows' writer committed them, brings the text index of each
    /// version 3 day up to the rowid the group's rows reached (one durable transaction per day), then completes the
    /// group's callers. So a batch is acknowledged only once its rows and their text index have both committed, and
    /// the rows of group k+1 are written while the text of group k is indexed. Without
    /// <see cref="SqliteStoreOptions.WaitForTextIndex"/> the callers were completed by the rows' writer, and this only
    /// indexes. Should the thread still fail (a bug), it completes the queue with the error and fails every group in
    /// it, so the rows' writer and the callers never wait for it (not waiting, writes go on, and the text of what they
    /// store is indexed at the next start).
    /// </summary>
    private void IndexLoop()
    {
        var reader = _textQueue!.Reader;
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                if (reader.TryRead(out var job))
                {
                    IndexGroup(job);
                }
            }
        }
        catch (Exception e)
        {
            _textQueue.Writer.TryComplete(e);
            while (reader.TryRead(out var left))
            {
                left.Fail(e);
                Interlocked.Decrement(ref _textPending);
            }

            TextIndexFile.Warn(_options.Warn, _options.WaitForTextIndex
                ? $"The text index writer of {_directory} stopped, so the batches of version 3 days fail until the store is restarted: {e}"
                : $"The text index writer of {_directory} stopped: batches are still stored and acknowledged, and found by field filters, but new events are not found by free text until the store is restarted (its start indexes them): {e}");
            throw;
        }
    }

    private void IndexGroup(TextIndexJob job)
    {
        try
        {
            BeforeTextJob?.Invoke();
            foreach (var (day, upTo, writes) in job.Days)
            {
                if (IndexDay(day, upTo) is { } failure)
                {
                    // Waiting for the text index, the day's callers are told and re-send.
                    foreach (var write in writes)
                    {
                        job.Failures.TryAdd(write, failure);
                    }
                }
            }

            // The callers are told first: another day's catch-up (a whole day's rebuild, perhaps) is not theirs to wait
            // for. Waiting for the text index, there is none: a failed day's callers re-send, and their group indexes it.
            job.Complete();
            if (!_options.WaitForTextIndex)
            {
                CatchUpDaysBehind(job);
            }
        }
        catch (Exception e)
        {
            // The boundary for one group (only a bug gets here): waiting for the text index, its callers are told and
            // re-send; either way its days are behind, and the next group indexes them from the watermarks, so the loop
            // goes on.
            job.Fail(e);
            foreach (var (day, _, _) in job.Days)
            {
                FallBehind(day, e);
            }

            TextIndexFile.Warn(_options.Warn, _options.WaitForTextIndex
                ? $"Indexing the text of a group of batches in {_directory} failed, so its batches failed and are re-sent: {e}"
                : $"Indexing the text of a group of batches in {_directory} failed: they are stored and acknowledged, and found by field filters, but not by free text until the next batch written indexes them, or else the next start of the store: {e}");
        }
        finally
        {
            Interlocked.Decrement(ref _textPending);
        }
    }

    /// <summary>
    /// At start (writer only): brings the text index of every version 3 day up to its rows, rebuilding a missing one.
    /// After a crash between a group's two commits, its rows are in the day file but not in the index; they were never
    /// acknowledged, and are indexed here before any write is taken. A day file that cannot be read is left to the
    /// writes, which report it.
    /// </summary>
    private void CatchUpTextIndexes()
    {
        foreach (var day in DayFiles.List(_directory))
        {
            var path = DayFiles.PathOf(_directory, day);
            try
            {
                if (DaySchema.HasTextIndexFile(VersionOnDisk(path)))
                {
                    using var writer = new TextIndexWriter(path, _options.Warn);
                    writer.CatchUp();
                }
            }
            catch (Exception e) when (e is InvalidDataException or SqliteException or IOException)
            {
                // Not this start's business: a write to that day reports the problem with the file's name.
            }
        }
    }

    private static int VersionOnDisk(string path)
    {
        using var connection = new SqliteConnection(ConnectionStrings.ReadWrite(path));
        connection.Open();
        return DaySchema.VersionOf(connection, path);
    }

    private TextIndexWriter TextWriterFor(DateOnly day)
    {
        if (!_textWriters.TryGetValue(day, out var writer))
        {
            if (_textWriters.Count >= MaxOpenWriters)
            {
                CloseTextWriterLocked(_textWriters.Keys.Min());
            }

            writer = new TextIndexWriter(DayFiles.PathOf(_directory, day), _options.Warn);
            _textWriters[day] = writer;
        }

        return writer;
    }

    /// <summary>
    /// After a day's indexing failed: closes its writer, so the next group reopens the index and indexes from the
    /// watermark. When the failure came from SQLite (not a full disk, a lock or an I/O error) and the index is to blame
    /// (<see cref="TextIndexWriter.IndexIsToBlame"/>), it is set aside as well, so the next group rebuilds it from the
    /// rows: it is derived data, and a damaged one would otherwise fail that day's every group, across restarts.
    /// </summary>
    private void CloseAfterFailure(DateOnly day, long upTo, Exception failure)
    {
        var dayPath = DayFiles.PathOf(_directory, day);
        var damaged = false;
        lock (_textLock)
        {
            if (failure is SqliteException { SqliteErrorCode: not (Busy or Locked or NoMemory or ReadOnly or IoError or Full or CantOpen) }
                && _textWriters.TryGetValue(day, out var writer))
            {
                damaged = writer.IndexIsToBlame(upTo);
            }

            CloseTextWriterLocked(day);
            if (damaged)
            {
                TextIndexFile.SetAside(dayPath);
            }
        }

        if (damaged)
        {
            TextIndexFile.Warn(_options.Warn, $"The text index {TextIndexFile.PathOf(dayPath)} failed to index rows that read back fine, or its integrity check, with \"{failure.Message}\": moved to {TextIndexFile.SetAsidePathOf(dayPath)}; the next batch for that day rebuilds it from {dayPath}.");
        }
    }

    private void CloseTextWriterLocked(DateOnly day)
    {
        if (_textWriters.Remove(day, out var writer))
        {
            writer.Dispose();
        }
    }

    private void CloseTextWriters()
    {
        lock (_textLock)
        {
            foreach (var day in _textWriters.Keys.ToList())
            {
                CloseTextWriterLocked(day);
            }
        }
    }
}
