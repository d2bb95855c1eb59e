using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

internal static partial class TextIndexFile
{
    /// <summary>The name the writer's connection gives the attached day file.</summary>
    public const string DaySchemaName = "day";

    public const string LastRowIdSql = $"SELECT coalesce(max(rowid), 0) FROM {DaySchemaName}.events;";

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>
    /// Opens the text index of <paramref name="dayPath"/> for writing, the day file attached, and returns it with its
    /// watermark. An index that does not fit the day file is rebuilt from it (from rowid 0) and
    /// <paramref name="warn"/> is told: missing (created); its watermark above the day's highest rowid (deleted: with
    /// <see cref="SqliteDurability.Normal"/> the two files are written back independently, and a power loss can keep
    /// the index's last commits and lose the rows', so the rowids above would be reused by other events); not a
    /// database, damaged, another schema version or without its tables (moved to <see cref="SetAsidePathOf"/>).
    /// A day file that cannot be read is not the index's fault: that error is thrown.
    /// </summary>
    public static (SqliteConnection Connection, long Watermark) OpenChecked(string dayPath, Action<string>? warn)
    {
        var path = PathOf(dayPath);
        if (!File.Exists(path))
        {
            // Derived data: rebuilt from the day file, from rowid 0.
            Create(dayPath);
        }

        var (connection, watermark, problem) = TryOpen(dayPath, path);
        if (problem is null)
        {
            return (connection!, watermark);
        }

        connection?.Dispose();
        var (reason, setAside) = problem.Value;
        if (setAside)
        {
            SetAside(dayPath);
        }
        else
        {
            DaySchema.DeleteWithSidecars(path);
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionStrings.ReadOnly(dayPath)));
        }

        Warn(warn, setAside
            ? $"The text index {path} {reason}: moved to {SetAsidePathOf(dayPath)}, and rebuilt from {dayPath}."
            : $"The text index {path} {reason}: deleted, and rebuilt from {dayPath}.");
        Create(dayPath);
        (connection, watermark, problem) = TryOpen(dayPath, path);
        return problem is null
            ? (connection!, watermark)
            : throw new InvalidDataException($"The text index {path}, just rebuilt, {problem.Value.Reason}: check the disk and the directory's permissions.");
    }

    private static (SqliteConnection? Connection, long Watermark, (string Reason, bool SetAside)? Problem) TryOpen(string dayPath, string path)
    {
        SqliteConnection? connection = null;
        try
        {
            // synchronous=NORMAL whatever the store's durability: the index is derived from the day file. An OS crash or
            // power loss can take the index's last commits back (then the next open indexes those rows again), or, when
            // the day file is also NORMAL, the rows' last commits and not the index's (then the next open rebuilds it, as
            // its watermark is above the rows). So the acknowledgement waits for at most one fsync, not two.
            connection = DaySchema.OpenForWriting(path, SqliteDurability.Normal, "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;");
            var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
            if (version != DaySchema.Version)
            {
                return (connection, 0, ($"has schema version {version}, not {DaySchema.Version}", true));
            }

            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name IN ('fts', 'watermark');") is not 2L
                || Scalar(connection, "SELECT rowid FROM main.watermark;") is not long watermark)
            {
                return (connection, 0, ("lacks its fts or watermark table", true));
            }

            if (Scalar(connection, "SELECT count(*) FROM pragma_table_info('watermark') WHERE name = 'key';") is not 1L)
            {
                return (connection, 0, ("has no key in its watermark (made by an earlier build)", false));
            }

            using (var attach = connection.CreateCommand())
            {
                attach.CommandText = $"ATTACH $path AS {DaySchemaName};";
                attach.Parameters.AddWithValue("$path", dayPath);
                try
                {
                    attach.ExecuteNonQuery();
                }
                catch (SqliteException e)
                {
                    // A failed ATTACH leaves no trace in the connection, so the filter below could not tell: this one is
                    // the day file's, and the index, sound so far, is kept.
                    throw new InvalidDataException($"The day file {dayPath} cannot be attached to index its text ({e.Message}).", e);
                }
            }

            // The rows to index were just written by the other connection: map the day file rather than copy its pages.
            DaySchema.Execute(connection, $"PRAGMA {DaySchemaName}.mmap_size=1073741824;");
            var rows = (long)Scalar(connection, LastRowIdSql)!;
            if (watermark > rows)
            {
                return (connection, 0, ($"has indexed rows up to rowid {watermark}, but the day file has rows only up to {rows} (lost in a power loss?)", false));
            }

            // The rows up to the watermark may have been lost and their rowids reused by other events (a power loss,
            // then writes before this check): the row at the watermark must still be the event that was indexed.
            return Scalar(connection, $"SELECT (SELECT key FROM {DaySchemaName}.events WHERE rowid = w.rowid) IS w.key FROM main.watermark AS w;") is 1L
                ? (connection, watermark, null)
                : (connection, 0, ($"has indexed rowid {watermark} for another event than the day file now holds there (rows lost in a power loss and their rowids reused?)", false));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase && !IsAboutTheDayFile(connection))
        {
            return (connection, 0, ($"is not a database or is damaged ({e.Message})", true));
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>True once the day file is attached: a damage found from then on may be the day file's.</summary>
    private static bool IsAboutTheDayFile(SqliteConnection? connection) =>
        connection is not null && connection.State == System.Data.ConnectionState.Open
        && Scalar(connection, $"SELECT 1 FROM pragma_database_list WHERE name = '{DaySchemaName}';") is not null;

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Tells <paramref name="warn"/>; a warning that throws never stops a repair.</summary>
    public static void Warn(Action<string>? warn, string message)
    {
        try
        {
            warn?.Invoke(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The repair matters more than its report.
        }
    }
}
