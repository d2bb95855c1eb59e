using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Tests.Support;

/// <summary>Looks into (or changes) one day file directly, behind the store's back.</summary>
internal static class DayDatabase
{
    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The day files of <paramref name="directory"/> (<c>events-yyyy-MM-dd.db</c>), without their text index files.</summary>
    public static string[] DayFiles(string directory) =>
        [.. Directory.GetFiles(directory, "events-*.db").Where(f => !f.EndsWith(".fts.db", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
