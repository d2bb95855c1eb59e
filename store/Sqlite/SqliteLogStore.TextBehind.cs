using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    /// <summary>
    /// The days whose text index failed to reach rows that have committed (touched by the text writer's thread only).
    /// Not waiting for the text index (<see cref="SqliteStoreOptions.WaitForTextIndex"/>), those rows' callers were
    /// acknowledged and nobody re-sends, so every group that reaches the text writer tries these days again, whatever
    /// its own days; waiting, it does the same for the callers' re-sends of other days.
    /// </summary>
    private readonly HashSet<DateOnly> _textBehind = [];

    /// <summary>Indexes the day's rows up to <paramref name="upTo"/>: null when done, else the failure (the day is then behind).</summary>
    private Exception? IndexDay(DateOnly day, long upTo)
    {
        try
        {
            lock (_textLock)
            {
                TextWriterFor(day).IndexUpTo(upTo);
            }
        }
        catch (Exception e)
        {
            // The loop's boundary for one day's index (disk full, I/O error, the day deleted meanwhile): its rows are
            // committed but not searchable by text; the next group indexes from the watermark and makes it good. It
            // cannot spin: it runs once per group, and groups come only with batches.
            FallBehind(day, e);
            try
            {
                CloseAfterFailure(day, upTo, e);
            }
            catch (Exception closing) when (closing is IOException or UnauthorizedAccessException or SqliteException)
            {
                // Setting a damaged index aside failed too: the day stays behind, and the next attempt reopens it.
                TextIndexFile.Warn(_options.Warn, $"After indexing {DayFiles.PathOf(_directory, day)} failed, closing or setting aside its text index failed as well ({closing.Message}); the next batch tries again.");
            }

            return e;
        }

        // A day's indexing runs up to the last rowid of a group that committed after every earlier one: nothing is left behind.
        if (_textBehind.Remove(day) && !_options.WaitForTextIndex)
        {
            var dayPath = DayFiles.PathOf(_directory, day);
            TextIndexFile.Warn(_options.Warn, $"The text index {TextIndexFile.PathOf(dayPath)} has caught up with {dayPath}: every stored event of that day is found by free text again.");
        }

        return null;
    }

    /// <summary>Brings up to date the days behind that <paramref name="job"/> does not index itself.</summary>
    private void CatchUpDaysBehind(TextIndexJob job)
    {
        foreach (var day in _textBehind.Where(d => !job.Days.Exists(j => j.Day == d)).ToList())
        {
            if (File.Exists(DayFiles.PathOf(_directory, day)))
            {
                _ = IndexDay(day, long.MaxValue);
            }
            else
            {
                // Deleted by retention meanwhile: nothing is left to index.
                _textBehind.Remove(day);
            }
        }
    }

    /// <summary>Marks the day behind; not waiting for the text index, warns the first time (its callers were acknowledged, nobody else is told).</summary>
    private void FallBehind(DateOnly day, Exception failure)
    {
        if (_textBehind.Add(day) && !_options.WaitForTextIndex)
        {
            var dayPath = DayFiles.PathOf(_directory, day);
            TextIndexFile.Warn(_options.Warn, $"Indexing the text of {dayPath} into {TextIndexFile.PathOf(dayPath)} failed ({failure.Message}): its latest events are stored and acknowledged, and found by field filters, but not by free text until the next batch written (of any day) indexes them, or else the next start of the store.");
        }
    }
}
