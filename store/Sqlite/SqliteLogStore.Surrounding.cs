using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    private const int MaxSurrounding = 1000;

    /// <summary>
    /// Finds the event (in its own day file when the timestamp is given, else by looking through the days), then walks
    /// the <c>(host, file_path, ts)</c> index backwards and forwards across day files.
    /// </summary>
    public Task<SurroundingResult> SurroundingAsync(SurroundingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (request.Before is < 0 or > MaxSurrounding || request.After is < 0 or > MaxSurrounding)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"SurroundingRequest.Before and After must be between 0 and {MaxSurrounding}.");
        }

        var days = DayFiles.List(_directory);
        var anchor = FindAnchor(request, days, cancellationToken);
        if (anchor is not { } a)
        {
            return Task.FromResult(new SurroundingResult());
        }

        var before = Neighbours(a, days.Where(d => d <= a.Day), request.Before, "<", "DESC", cancellationToken);
        before.Reverse();
        var after = Neighbours(a, days.Where(d => d >= a.Day).Reverse(), request.After, ">", "ASC", cancellationToken);
        return Task.FromResult(new SurroundingResult { Anchor = a.Hit, Before = before, After = after });
    }

    private Anchor? FindAnchor(SurroundingRequest request, List<DateOnly> days, CancellationToken cancellationToken)
    {
        var candidates = request.Timestamp is { } ts ? days.Where(d => d == DayFiles.DayOf(ts)) : days;
        foreach (var day in candidates)
        {
            // Without a time, a version 4 day is read through its whole time index: a caller that went away stops it.
            cancellationToken.ThrowIfCancellationRequested();
            using var connection = OpenReader(day);
            if (connection is null)
            {
                continue;
            }

            var version = DaySchema.VersionOf(connection, DayFiles.PathOf(_directory, day));
            foreach (var clause in IdLookup.Clauses(version, request.Timestamp is not null))
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT rowid, id, ts, json(doc), host, file_path " + clause;
                IdLookup.Bind(command, request.Id, request.Timestamp);
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    var nanos = reader.GetInt64(2);
                    var hit = new SearchHit(reader.GetString(1), EventTime.FromNanos(nanos), reader.GetString(3));
                    return new Anchor(day, hit, new KeysetCursor(nanos, reader.GetInt64(0)), reader.GetValue(4), reader.GetValue(5));
                }
            }
        }

        return null;
    }

    private List<SearchHit> Neighbours(Anchor anchor, IEnumerable<DateOnly> days, int limit, string comparison, string order, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>(limit);
        foreach (var day in days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (hits.Count >= limit)
            {
                break;
            }

            using var connection = OpenReader(day);
            if (connection is null)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT id, ts, json(doc) FROM events
                WHERE host IS $host AND file_path IS $file AND (ts, rowid) {comparison} ($ts, $row)
                ORDER BY ts {order}, rowid {order} LIMIT $limit
                """;
            command.Parameters.AddWithValue("$host", anchor.Host);
            command.Parameters.AddWithValue("$file", anchor.File);
            command.Parameters.AddWithValue("$ts", anchor.Position.Nanos);
            command.Parameters.AddWithValue("$row", anchor.Position.RowId);
            command.Parameters.AddWithValue("$limit", limit - hits.Count);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                hits.Add(new SearchHit(reader.GetString(0), EventTime.FromNanos(reader.GetInt64(1)), reader.GetString(2)));
            }
        }

        return hits;
    }

    private readonly record struct Anchor(DateOnly Day, SearchHit Hit, KeysetCursor Position, object Host, object File);
}
