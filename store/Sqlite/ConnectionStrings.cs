using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>Connection strings for writer (one long-lived connection per day) and readers (pooled, read-only).</summary>
internal static class ConnectionStrings
{
    public static string ReadWriteCreate(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();

    public static string ReadWrite(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public static string ReadOnly(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
