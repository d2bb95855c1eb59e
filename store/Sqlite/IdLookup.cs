using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// How a reader finds one event by its id in a day file (the surrounding-events anchor, <c>/api/event</c>): the
/// <c>FROM … WHERE …</c> clauses to try in order, per schema version, and their parameters.
/// </summary>
internal static class IdLookup
{
    /// <summary>How far from the caller's time a version 4 look-up first searches (the time may have lost digits).</summary>
    private static readonly long WindowNanos = TimeSpan.FromSeconds(1).Ticks * 100;

    /// <summary>
    /// Version 1: the unique id index. Versions 2 and 3: the key index. Version 4 has no index of the id alone
    /// (<see cref="DaySchema.Version4Ddl"/>): an event timed by the ingest clock is found by key in <c>events_clock</c>;
    /// another near the caller's time by <c>(ts, key)</c>; failing that, by reading the keys of the whole
    /// <c>events_ts</c> index (a day's index, not its rows: about 25 bytes per event).
    /// </summary>
    public static IEnumerable<string> Clauses(int version, bool timeKnown)
    {
        switch (version)
        {
            case DaySchema.Version1:
                yield return "FROM events WHERE id = $id";
                break;
            case DaySchema.Version4:
                yield return "FROM events WHERE key & 1 = 1 AND key = $clock AND id = $id";
                if (timeKnown)
                {
                    yield return "FROM events WHERE ts >= $from AND ts <= $to AND key = $own AND id = $id";
                }

                yield return "FROM events WHERE rowid IN (SELECT rowid FROM events INDEXED BY events_ts WHERE key = $own) AND id = $id";
                break;
            default:
                yield return "FROM events WHERE key = $key AND id = $id";
                break;
        }
    }

    /// <summary>Binds every parameter the clauses use (SQLite leaves out those a clause does not name).</summary>
    public static void Bind(SqliteCommand command, string id, DateTimeOffset? time)
    {
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$key", IdKey.Of(id));
        command.Parameters.AddWithValue("$clock", IdKey.ForVersion4(id, timedByIngestClock: true));
        command.Parameters.AddWithValue("$own", IdKey.ForVersion4(id, timedByIngestClock: false));
        var nanos = time is { } t ? EventTime.ToNanos(t) : 0;
        command.Parameters.AddWithValue("$from", nanos - WindowNanos);
        command.Parameters.AddWithValue("$to", nanos + WindowNanos);
    }
}
