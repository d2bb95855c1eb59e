namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The layout of schema version 3 (until 2026-11-22 17:00: the id found by a key index of its own), which the store
/// still reads and writes but no longer creates. Kept so that the tests and the ingest benchmark can make such a file.
/// </summary>
internal static class DaySchemaVersion3
{
    /// <summary>Creates the version 3 day file for <paramref name="day"/> in <paramref name="directory"/>, with its text index file.</summary>
    public static void Create(string directory, DateOnly day) =>
        DaySchema.CreateWithTextIndex(DayFiles.PathOf(directory, day), DaySchema.Version, DaySchema.EventsDdl + DaySchema.Statistics);
}
