using System.Threading.Channels;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    /// <summary>
    /// Batches that may wait for the writer. Ingest bounds its in-flight batches itself (BatchGate), so this is a
    /// second fence: a caller beyond it waits to hand its batch over, nothing is dropped and nothing queues unbounded.
    /// </summary>
    private const int QueueCapacity = 64;

    private Channel<PendingWrite>? _queue;
    private Task? _writer;
    private long _groupsStarted;

    /// <summary>How many groups the writer has begun to write (each holds one or more batches).</summary>
    internal long GroupsStarted => Interlocked.Read(ref _groupsStarted);

    private void StartWriter()
    {
        _queue = Channel.CreateBounded<PendingWrite>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _textQueue = Channel.CreateBounded<TextIndexJob>(
            new BoundedChannelOptions(TextQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _writer = Task.WhenAll(OnOwnThread(WriteLoop, "sqlite-rows"), OnOwnThread(IndexLoop, "sqlite-text"));
    }

    /// <summary>
    /// Runs a writer loop on a thread of its own: the loops block in SQLite (and its fsync) for most of their time, and
    /// on the thread pool two of them would hold both of a 2-core machine's minimum threads, starving the requests.
    /// </summary>
    private static Task OnOwnThread(Action loop, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop();
                done.SetResult();
            }
            catch (Exception e)
            {
                // Only a bug gets here (each loop fails callers, not itself): Dispose rethrows it.
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// The rows' writer (group commit): takes every batch waiting at this moment (up to
    /// <see cref="WriteGroup.MaxRecords"/>), writes them in one transaction per day file, then hands the group to the
    /// text index writer (<see cref="IndexLoop"/>), which completes each caller once the group is searchable (or,
    /// without <see cref="SqliteStoreOptions.WaitForTextIndex"/>, completes them itself first, as the rows are durable).
    /// Callers parse their next batch while this writes, and the fsync is paid once per group and file.
    /// </summary>
    private void WriteLoop()
    {
        try
        {
            WriteGroups();
        }
        finally
        {
            _textQueue!.Writer.TryComplete();
        }
    }

    private void WriteGroups()
    {
        var reader = _queue!.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            // Half of the batches waiting (rounded up) when acknowledgements wait for the text index: with a fixed
            // number of requests in flight, a group that took them all would leave this thread idle while the text
            // writer indexes it (no caller could send the next batch before that group's acknowledgement). Taking
            // half, the rest make the next group, whose rows are written while the first group's text is indexed.
            // Acknowledged after the rows, callers send again at once: a group takes every batch waiting.
            var group = new WriteGroup();
            var take = _options.SplitTextIndex && _options.WaitForTextIndex ? Math.Max(1, (reader.Count + 1) / 2) : int.MaxValue;
            while (!group.IsFull && group.Writes.Count < take && reader.TryRead(out var write))
            {
                // A caller that cancelled while its batch waited is not written.
                if (!write.Done.Task.IsCompleted)
                {
                    group.Add(write);
                }
            }

            if (group.Writes.Count > 0)
            {
                TextIndexJob job;
                try
                {
                    job = Write(group);
                }
                catch (Exception e)
                {
                    // Write fails day by day on its own; anything that still escapes is a bug. Its callers are told
                    // (no batch is left waiting forever) and the loop goes on with the next batches: it cannot spin.
                    job = new TextIndexJob(group.Writes, group.Writes.ToDictionary(w => w, _ => e));
                }

                HandOver(job);
            }
        }
    }

    /// <summary>
    /// Completes the group's callers, or hands it to the text writer, which completes them once it is searchable.
    /// Waiting for the text index, a group with no version 3 day is acknowledged here, unless an earlier group still
    /// waits for its text index (a duplicate must not be acknowledged before the group that stored it is searchable).
    /// Not waiting, every group is acknowledged here, as its rows have committed (or failed), and only its text goes on.
    /// </summary>
    private void HandOver(TextIndexJob job)
    {
        if (!_options.WaitForTextIndex || (job.Days.Count == 0 && Volatile.Read(ref _textPending) == 0))
        {
            job.Complete();
            if (job.Days.Count == 0)
            {
                return;
            }
        }

        Interlocked.Increment(ref _textPending);
        try
        {
            // Bounded (TextQueueCapacity): also when not waiting, the rows run at most that many groups ahead of the text.
            _textQueue!.Writer.WriteAsync(job).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException e)
        {
            // The text writer stopped (a bug: IndexLoop completed the queue with its error and warned). Waiting, the
            // group fails rather than wait forever; not waiting, its callers already have their outcomes, and its text
            // is indexed at the next start (CatchUpTextIndexes).
            Interlocked.Decrement(ref _textPending);
            job.Fail(e.InnerException ?? e);
        }
    }

    /// <summary>
    /// Marks as duplicates the records timed by the ingest clock whose id the previous day's file already holds (the
    /// first send was stamped before midnight, this re-send after), and returns the others. A version 3 previous day
    /// goes into <paramref name="job"/> up to its last row: the first send may have failed because its text index did
    /// not commit, and the re-send is acknowledged only once those rows are searchable (when waiting for the text
    /// index; otherwise they are indexed all the same).
    /// </summary>
    private List<(PendingWrite Write, int Index)> WithoutResentFromPreviousDay(DateOnly day, List<(PendingWrite Write, int Index)> items, TextIndexJob job)
    {
        var previous = day.AddDays(-1);
        if (!items.Exists(i => i.Write.Records[i.Index].TimestampFromIngestClock) || !File.Exists(DayFiles.PathOf(_directory, previous)))
        {
            return items;
        }

        // Yesterday's file may fail to open for writing (another schema version) or to read (damaged): today's events
        // must not fail for it. Skipping the check can at worst keep a second copy of a re-sent line, never lose one.
        try
        {
            var writer = WriterFor(previous);
            var fresh = new List<(PendingWrite Write, int Index)>(items.Count);
            var resent = new List<(PendingWrite Write, int Index)>();
            foreach (var item in items)
            {
                var record = item.Write.Records[item.Index];
                (record.TimestampFromIngestClock && writer.ContainsTimedByIngestClock(record.Id) ? resent : fresh).Add(item);
            }

            foreach (var (write, index) in resent)
            {
                write.Outcomes[index] = new WriteOutcome(WriteStatus.Duplicate);
            }

            if (resent.Count > 0 && DaySchema.HasTextIndexFile(writer.Version))
            {
                job.Days.Add((previous, writer.LastRowId(), resent.Select(i => i.Write).Distinct().ToList()));
            }

            return fresh;
        }
        catch (Exception e) when (e is InvalidDataException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            CloseWriter(previous);
            return items;
        }
    }

    private TextIndexJob Write(WriteGroup group)
    {
        var job = new TextIndexJob(group.Writes, []);
        var failures = job.Failures;
        Interlocked.Increment(ref _groupsStarted);
        _writeLock.Wait();
        try
        {
            foreach (var (day, items) in group.ByDay())
            {
                try
                {
                    var fresh = WithoutResentFromPreviousDay(day, items, job);
                    if (fresh.Count > 0)
                    {
                        var writer = WriterFor(day);
                        var upTo = writer.Write(fresh);
                        if (DaySchema.HasTextIndexFile(writer.Version))
                        {
                            job.Days.Add((day, upTo, fresh.Select(i => i.Write).Distinct().ToList()));
                        }
                    }
                }
                catch (Exception e)
                {
                    // The loop's boundary for one day file (disk full, I/O error, a file it cannot write): that day's
                    // transaction rolled back, so its callers are told and re-send; other callers' days are unaffected.
                    // It cannot spin: the loop only runs again when batches arrive.
                    CloseWriter(day);
                    foreach (var (write, _) in items)
                    {
                        failures.TryAdd(write, e);
                    }
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return job;
    }
}
