using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The full-text index of a version 3 day, in a file of its own next to the day file (<c>events-2026-11-22.fts.db</c>
/// for <c>events-2026-11-22.db</c>), so that a second thread can write it while the first writes the rows. It holds
/// <c>fts</c> and <c>fts_vocab</c> (as version 2 has them inside the day file) and <c>watermark</c>: the highest rowid of
/// the day's <c>events</c> it has indexed and that row's id key, updated in the transaction that indexes them (the key
/// tells, at open, that the row at the watermark is still the event that was indexed). It is derived from the day
/// file: deleted, it is rebuilt; behind the day file after a crash, it catches up (<see cref="TextIndexWriter"/>);
/// ahead of the day file (a power loss with both files at synchronous=NORMAL), damaged or foreign, it is set aside and
/// rebuilt (<see cref="OpenChecked"/>).
/// Readers attach it under the name <see cref="Schema"/>, so the SQL that names <c>fts</c> resolves to it.
/// </summary>
internal static partial class TextIndexFile
{
    public const string Schema = "text_index";

    /// <summary>
    /// FTS5's merge policy for a text index: the segments of one level are merged once there are 32 of them (FTS5's
    /// default is 4), incrementally after each write as FTS5 does, and all at once only if 64 pile up (default 16).
    /// Each commit of the text writer flushes its rows as one new segment; with the defaults FTS5 merged small segments
    /// after almost every commit, rewriting every posting once per level of a base-4 tree: merging was the largest
    /// part of the text writer's CPU. Base 32 rewrites each posting about 2.5 times less often, and a query probes at
    /// most 31 segments per level (2 levels for a day). Measured (docs/benchmarks.md): automerge 0 (crisis merges only)
    /// cost the same CPU but rewrote a whole level inside one commit (a 300 ms stall of that group's acknowledgement and
    /// a WAL of that size); automerge 16 saved less.
    /// Kept in the index's own <c>fts_config</c>: readers need nothing, and the writer sets it on every index it writes
    /// (also those made by earlier builds, which read the same either way).
    /// </summary>
    internal const string MergePolicy = """
        INSERT INTO main.fts(fts, rank) VALUES('automerge', 32);
        INSERT INTO main.fts(fts, rank) VALUES('crisismerge', 64);
        """;

    private const string Ddl = DaySchema.FtsDdl + MergePolicy + """
        CREATE TABLE watermark(rowid INTEGER NOT NULL, key INTEGER);
        INSERT INTO watermark VALUES(0, NULL);
        """;

    public static string PathOf(string dayPath) => Path.ChangeExtension(dayPath, ".fts.db");

    /// <summary>Creates the empty index of the day file <paramref name="dayPath"/> (under a temporary name, then renamed).</summary>
    public static void Create(string dayPath) => DaySchema.Create(PathOf(dayPath), DaySchema.Version, Ddl);

    /// <summary>Where a damaged index is moved aside (the last one only), for a look before it is deleted with its day.</summary>
    public static string SetAsidePathOf(string dayPath) => PathOf(dayPath) + ".damaged";

    /// <summary>
    /// Moves a damaged index of <paramref name="dayPath"/> to <see cref="SetAsidePathOf"/> (replacing an older one) and
    /// drops its sidecars, so the next open rebuilds it from the day file, and empties the readers' connection pool of
    /// that day, so this process's readers attach the rebuilt file.
    /// </summary>
    public static void SetAside(string dayPath)
    {
        var path = PathOf(dayPath);
        DaySchema.DeleteWithSidecars(SetAsidePathOf(dayPath));
        if (File.Exists(path))
        {
            File.Move(path, SetAsidePathOf(dayPath));
        }

        DaySchema.DeleteWithSidecars(path);
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionStrings.ReadOnly(dayPath)));
    }

    public static void Delete(string dayPath)
    {
        DaySchema.DeleteWithSidecars(PathOf(dayPath));
        DaySchema.DeleteWithSidecars(PathOf(dayPath) + ".creating");
        DaySchema.DeleteWithSidecars(SetAsidePathOf(dayPath));
    }

    /// <summary>
    /// Makes <c>fts</c> and <c>fts_vocab</c> resolve on a reader's connection to a day file: attaches the day's index
    /// file when there is one. A version 3 day whose index file is missing (being rebuilt, or deleted by retention while
    /// this reader opened the day) gets an empty index in the connection's temp schema: its rows are still read, and
    /// text matches none of them. Pooled connections keep what they attached, so this only acts on a fresh one (or
    /// replaces the empty stand-in once the file exists).
    /// </summary>
    public static void AttachForReading(SqliteConnection connection, string dayPath)
    {
        if (Exists(connection, $"SELECT 1 FROM pragma_database_list WHERE name = '{Schema}'"))
        {
            return;
        }

        var path = PathOf(dayPath);
        var standIn = Exists(connection, "SELECT 1 FROM temp.sqlite_master WHERE name = 'fts'");
        if (File.Exists(path))
        {
            if (standIn)
            {
                DaySchema.Execute(connection, "DROP TABLE temp.fts_vocab; DROP TABLE temp.fts;");
            }

            try
            {
                using var attach = connection.CreateCommand();
                attach.CommandText = $"ATTACH $path AS {Schema};";
                attach.Parameters.AddWithValue("$path", path);
                attach.ExecuteNonQuery();
                return;
            }
            catch (SqliteException) when (!File.Exists(path))
            {
                standIn = false;
            }
        }

        if (!standIn && !Exists(connection, "SELECT 1 FROM main.sqlite_master WHERE name = 'fts'"))
        {
            DaySchema.Execute(connection, DaySchema.FtsDdl.Replace("TABLE fts", "TABLE temp.fts", StringComparison.Ordinal));
        }
    }

    private static bool Exists(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is not null;
    }
}
