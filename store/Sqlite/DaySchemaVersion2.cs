namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The layout of schema version 2 (until 2026-11-22 13:00: the full-text index inside the day file), which the store
/// still reads and writes but no longer creates. Kept so that the tests and the ingest benchmark can make such a file.
/// </summary>
internal static class DaySchemaVersion2
{
    /// <summary>Creates the version 2 day file for <paramref name="day"/> in <paramref name="directory"/>.</summary>
    public static void Create(string directory, DateOnly day) => DaySchema.EnsureCreated(DayFiles.PathOf(directory, day), splitTextIndex: false);
}
