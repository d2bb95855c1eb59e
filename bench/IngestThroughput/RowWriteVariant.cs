using System.Globalization;
using LogPipeline.Store;
using LogPipeline.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace LogPipeline.Bench.Ingest;

/// <summary>
/// One way of writing rows (<see cref="RowWrites"/>): the day file's DDL, the look-up run before each insert (none when
/// null), the insert, through Microsoft.Data.Sqlite commands (<paramref name="Mds"/>) or the store's raw statements,
/// with or without the per-minute summary. Parameters: ?1 key, ?2 id, ?3 ts, then the columns, ?15 the document.
/// </summary>
internal sealed record RowWriteVariant(string Name, string Ddl, string? Find, string Insert, bool Mds = false, bool Minutes = false, bool Checkpoints = true)
{
    /// <summary>Writes the records into a new file at <paramref name="path"/> on a thread of its own; its CPU-us per row.</summary>
    public static double Measure(RowWriteVariant variant, List<LogRecord> records, string path, int transaction)
    {
        double perRow = 0;
        var thread = new Thread(() =>
        {
            // SQLite ignores the statistics rows of indexes a variant does not have.
            DaySchema.Create(path, DaySchema.Version4, variant.Ddl + DaySchema.Statistics);
            // As DayWriter's connection; without checkpoints, the WAL only grows (the copy back to the database is not done).
            var checkpoint = variant.Checkpoints ? 4000 : 0;
            using var connection = DaySchema.OpenForWriting(path, SqliteDurability.Full, $"PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint={checkpoint};");
            var before = WriterThreads.CpuOfThisThread();
            if (variant.Mds)
            {
                variant.WriteMds(connection, records, transaction);
            }
            else
            {
                variant.WriteRaw(connection, records, transaction);
            }

            perRow = (WriterThreads.CpuOfThisThread() - before).TotalMicroseconds / records.Count;
        })
        { Name = "rows-bench" };
        thread.Start();
        thread.Join();
        RowWrites.Verify(path, records.Count);
        return perRow;
    }

    private static object?[] Values(LogRecord r, long key) =>
    [
        key, r.Id, EventTime.ToNanos(r.Timestamp), r.Host, r.Dataset, r.FilePath, r.SourceIp, r.Method, r.Status, r.Bytes,
        r.UrlPath, r.UrlOriginal, r.UserAgent, r.Offset, r.DocumentJson,
    ];

    private void WriteMds(SqliteConnection connection, List<LogRecord> records, int transaction)
    {
        using var insert = Command(connection, Insert, 15);
        using var find = Find is null ? null : Command(connection, Find, 2);
        for (var start = 0; start < records.Count; start += transaction)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            find?.Transaction = tx;
            foreach (var record in records.Skip(start).Take(transaction))
            {
                var values = Values(record, IdKey.Of(record.Id));
                if (find is not null)
                {
                    find.Parameters[0].Value = values[0];
                    find.Parameters[1].Value = values[1];
                    if (find.ExecuteScalar() is not null)
                    {
                        continue;
                    }
                }

                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("?" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        return command;
    }

    private void WriteRaw(SqliteConnection connection, List<LogRecord> records, int transaction)
    {
        using var insert = new PreparedStatement(connection, Insert);
        using var find = Find is null ? null : new PreparedStatement(connection, Find);
        var byTime = Find?.Contains("?3", StringComparison.Ordinal) == true;
        using var minutes = Minutes ? new MinuteSummary(connection) : null;
        for (var start = 0; start < records.Count; start += transaction)
        {
            using var tx = connection.BeginTransaction();
            foreach (var record in records.Skip(start).Take(transaction))
            {
                var key = IdKey.Of(record.Id);
                var ts = EventTime.ToNanos(record.Timestamp);
                if (find is not null)
                {
                    find.Bind(1, key);
                    find.Bind(2, record.Id);
                    if (byTime)
                    {
                        find.Bind(3, ts);
                    }

                    if (find.Step())
                    {
                        continue;
                    }
                }

                DayStatements.BindRow(insert, record, key, ts);
                insert.Step();
                minutes?.Add(record);
            }

            minutes?.Write();
            tx.Commit();
        }
    }
}
