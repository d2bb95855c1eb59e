using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// One SQLite statement prepared once on a writer's connection (<c>SQLITE_PREPARE_PERSISTENT</c>) and run many times
/// through SQLitePCL.raw: parameters bound by position, strings encoded to UTF-8 into a reused buffer (SQLite copies
/// them), no per-execution objects. The rows' writer runs its per-event statements this way; Microsoft.Data.Sqlite's
/// commands cost about as much CPU per execution as SQLite's own work for a row (name lookups, boxing, a reader per
/// scalar, a UTF-8 copy of every string into a new array). Runs inside the transaction the connection has open.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private const int KeepBytes = 256 * 1024;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[4096];

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open to prepare a statement.");
        var rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            // A failed prepare may still hand back a handle: release it before reporting the error.
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        _statement = statement!;
    }

    /// <summary>The number of parameters: the highest <c>?N</c> the statement uses.</summary>
    public int Parameters => raw.sqlite3_bind_parameter_count(_statement);

    /// <summary>Binds text (1-based position), or NULL.</summary>
    public void Bind(int position, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, position));
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, length)));
        if (_utf8.Length > KeepBytes)
        {
            // A huge event grew the buffer: let it go rather than keep it for the life of the day's writer.
            _utf8 = new byte[4096];
        }
    }

    /// <summary>Binds text already encoded as UTF-8 (1-based position).</summary>
    public void BindUtf8(int position, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(_statement, position, value));

    /// <summary>Binds an integer (1-based position), or NULL.</summary>
    public void Bind(int position, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, position, v) : raw.sqlite3_bind_null(_statement, position));

    /// <summary>
    /// Runs the statement to its first row (true) or to its end (false) and leaves it ready to run again; an error
    /// throws a <see cref="SqliteException"/> with SQLite's code and message.
    /// </summary>
    public bool Step() => Step(out _);

    /// <summary>As <see cref="Step()"/>, with the first column of the row read (0 when there is no row).</summary>
    public bool Step(out long first)
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            first = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : 0;
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return rc == raw.SQLITE_ROW;
        }
        finally
        {
            // Reset at once: a statement left mid-way would keep its read transaction (and its locks) open.
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
