using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>The raw statements the rows' writer runs per event: binding, errors, and the native handle's release.</summary>
public sealed class PreparedStatementTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteConnection _connection;

    public PreparedStatementTests()
    {
        _connection = new SqliteConnection(ConnectionStrings.ReadWriteCreate(Path.Combine(_directory.Path, "t.db")));
        _connection.Open();
        _connection.Handle!.enable_sqlite3_next_stmt(true);
        DaySchema.Execute(_connection, "CREATE TABLE t(a TEXT, b TEXT, n INTEGER, doc BLOB);");
    }

    public void Dispose()
    {
        _connection.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Bind_TwoStringsInARow_EachKeepsItsOwnTextAlthoughTheyShareOneBuffer()
    {
        using (var insert = new PreparedStatement(_connection, "INSERT INTO t(a, b, n) VALUES(?1, ?2, ?3)"))
        {
            insert.Bind(1, "first value, longer than the second");
            insert.Bind(2, "ünï");
            insert.Bind(3, 42L);
            Assert.False(insert.Step());
        }

        Assert.Equal("first value, longer than the second|ünï|42", Scalar("SELECT a || '|' || b || '|' || n FROM t"));
    }

    [Fact]
    public void Bind_NullStringAndNullNumber_StoresNulls()
    {
        using (var insert = new PreparedStatement(_connection, "INSERT INTO t(a, n) VALUES(?1, ?2)"))
        {
            insert.Bind(1, (string?)null);
            insert.Bind(2, (long?)null);
            insert.Step();
        }

        Assert.Equal(1L, Scalar("SELECT count(*) FROM t WHERE a IS NULL AND n IS NULL"));
    }

    [Fact]
    public void Bind_StringLargerThanTheBuffer_StoresItWhole()
    {
        var big = new string('x', 300_000) + "end";
        using (var insert = new PreparedStatement(_connection, "INSERT INTO t(a) VALUES(?1)"))
        {
            insert.Bind(1, big);
            insert.Step();
            insert.Bind(1, "small after big");
            insert.Step();
        }

        Assert.Equal((long)big.Length, Scalar("SELECT max(length(a)) FROM t"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM t WHERE a = 'small after big'"));
    }

    [Fact]
    public void Step_RunTwice_ReturnsTheRowEachTime()
    {
        DaySchema.Execute(_connection, "INSERT INTO t(a, n) VALUES('k', 7);");
        using var find = new PreparedStatement(_connection, "SELECT n FROM t WHERE a = ?1");

        find.Bind(1, "k");
        Assert.True(find.Step(out var first));
        find.Bind(1, "k");
        Assert.True(find.Step(out var again));
        find.Bind(1, "other");

        Assert.False(find.Step(out var none));
        Assert.Equal((7L, 7L, 0L), (first, again, none));
    }

    [Fact]
    public void Step_InvalidJson_ThrowsSqliteErrorNamingJsonAndTheStatementStaysUsable()
    {
        using var insert = new PreparedStatement(_connection, "INSERT INTO t(doc) VALUES(jsonb(?1))");

        insert.Bind(1, "{not json");
        var e = Assert.Throws<SqliteException>(() => insert.Step());
        insert.Bind(1, "{\"ok\":1}");
        insert.Step();

        Assert.Equal(1, e.SqliteErrorCode);
        Assert.Contains("JSON", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Constructor_InvalidSql_ThrowsNamingTheProblemAndLeavesNoStatementOpen()
    {
        var e = Assert.Throws<SqliteException>(() => new PreparedStatement(_connection, "SELECT nope FROM missing_table"));

        Assert.Contains("missing_table", e.Message, StringComparison.Ordinal);
        Assert.Null(SQLitePCL.raw.sqlite3_next_stmt(_connection.Handle, null));
    }

    [Fact]
    public void Dispose_PreparedStatement_FinalizesItsNativeStatement()
    {
        var statement = new PreparedStatement(_connection, "SELECT 1");
        Assert.NotNull(SQLitePCL.raw.sqlite3_next_stmt(_connection.Handle, null));

        statement.Dispose();

        Assert.Null(SQLitePCL.raw.sqlite3_next_stmt(_connection.Handle, null));
    }

    [Fact]
    public void Parameters_StatementWithHighestParameterFive_IsFive()
    {
        using var statement = new PreparedStatement(_connection, "SELECT ?1, ?5");

        Assert.Equal(5, statement.Parameters);
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
