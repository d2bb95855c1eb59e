using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

public sealed partial class SqliteLogStore
{
    private const int MaxPageSize = 10_000;

    /// <summary>Up to this many text matches in a day, hits are found from the matches; beyond, from the time index.</summary>
    private const int SparseText = 3_000;

    /// <summary>
    /// Hits newest first across the day files of [From, To), a keyset cursor to the next page, and the exact total up
    /// to <see cref="SearchRequest.TotalCap"/>. Throws <see cref="QuerySyntaxException"/> for a query or cursor that
    /// does not parse.
    /// </summary>
    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Size, $"SearchRequest.Size must be between 1 and {MaxPageSize}.");
        }

        var filter = SqliteFilterCompiler.Compile(request.Query);
        var cursor = KeysetCursor.Parse(request.Cursor);
        var range = TimeRange.Of(request.From, request.To);
        var cap = Math.Max(0, request.TotalCap);

        var hits = new List<(SearchHit Hit, KeysetCursor Position)>(Math.Min(request.Size + 1, 1024));
        long total = 0;
        ForEachDay(request.From, request.To, cancellationToken, (day, connection) =>
        {
            if (hits.Count <= request.Size && (cursor is not { } c || day <= DayFiles.DayOf(EventTime.FromNanos(c.Nanos))))
            {
                var byTime = filter.IsTextOnly && TextMatches(connection, filter, SparseText + 1) > SparseText;
                ReadHits(connection, filter, range.For(day), cursor, request.Size + 1 - hits.Count, byTime, hits);
            }

            if (total <= cap)
            {
                total += Count(connection, filter, range.For(day), cap + 1 - total);
            }

            return hits.Count <= request.Size || total <= cap;
        });

        var more = hits.Count > request.Size;
        if (more)
        {
            hits.RemoveAt(hits.Count - 1);
        }

        return Task.FromResult(new SearchResult
        {
            Total = Math.Min(total, cap),
            TotalIsLowerBound = total > cap,
            Hits = hits.ConvertAll(h => h.Hit),
            NextCursor = more ? hits[^1].Position.ToString() : null,
        });
    }

    /// <summary>Opens a day file read-only, or returns null if it was deleted (retention) since the listing.</summary>
    private SqliteConnection? OpenReader(DateOnly day)
    {
        var path = DayFiles.PathOf(_directory, day);
        if (!File.Exists(path))
        {
            return null;
        }

        var connection = new SqliteConnection(ConnectionStrings.ReadOnly(path));
        try
        {
            connection.Open();
            SqliteFunctions.Register(connection);
            DaySchema.Execute(connection, "PRAGMA mmap_size=1073741824;");
            TextIndexFile.AttachForReading(connection, path);
            return connection;
        }
        catch (SqliteException) when (!File.Exists(path))
        {
            connection.Dispose();
            return null;
        }
    }

    /// <summary>
    /// One day's hits. The keys are found and ordered first and the documents read only for them. A text-only query
    /// with many matches in the day walks the time index and checks each row against the matches (it stops after
    /// <paramref name="limit"/>); one with few matches (<see cref="SparseText"/>) sorts just those.
    /// </summary>
    private static void ReadHits(
        SqliteConnection connection, SqlFilter filter, TimeRange range, KeysetCursor? cursor, int limit, bool byTime, List<(SearchHit, KeysetCursor)> hits)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT e.rowid, e.id, e.ts, json(e.doc)
            FROM (SELECT rowid AS r, ts AS t FROM events {(byTime ? "INDEXED BY events_ts" : string.Empty)}
                  WHERE {range.Sql} {(cursor is null ? string.Empty : "AND (ts, rowid) < ($cts, $crow)")} AND ({filter.Where})
                  ORDER BY ts DESC, rowid DESC LIMIT $limit) AS k
            JOIN events AS e ON e.rowid = k.r
            ORDER BY k.t DESC, k.r DESC
            """;
        range.Bind(command);
        command.Parameters.AddWithValue("$limit", limit);
        if (cursor is { } c)
        {
            command.Parameters.AddWithValue("$cts", c.Nanos);
            command.Parameters.AddWithValue("$crow", c.RowId);
        }

        filter.Bind(command);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var nanos = reader.GetInt64(2);
            hits.Add((new SearchHit(reader.GetString(1), EventTime.FromNanos(nanos), reader.GetString(3)), new KeysetCursor(nanos, reader.GetInt64(0))));
        }
    }

    /// <summary>How many events of the day a text-only query (<c>$p0</c>) matches, counting at most <paramref name="limit"/>.</summary>
    private static long TextMatches(SqliteConnection connection, SqlFilter filter, long limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH $p0 LIMIT $limit)";
        command.Parameters.AddWithValue("$limit", limit);
        filter.Bind(command);
        return (long)command.ExecuteScalar()!;
    }

    private static long Count(SqliteConnection connection, SqlFilter filter, TimeRange range, long limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = range.WholeDay && filter.IsTextOnly
            ? "SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH $p0 LIMIT $limit)"
            : $"SELECT count(*) FROM (SELECT 1 FROM events WHERE {range.Sql} AND ({filter.Where}) LIMIT $limit)";
        range.Bind(command);
        command.Parameters.AddWithValue("$limit", limit);
        filter.Bind(command);
        return (long)command.ExecuteScalar()!;
    }
}
