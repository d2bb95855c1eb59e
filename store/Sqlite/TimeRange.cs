using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>A time range [FromNanos, ToNanos) bound as <c>$from</c> and <c>$to</c>.</summary>
internal readonly record struct TimeRange(long FromNanos, long ToNanos)
{
    public void Bind(SqliteCommand command)
    {
        command.Parameters.AddWithValue("$from", FromNanos);
        command.Parameters.AddWithValue("$to", ToNanos);
    }
}
