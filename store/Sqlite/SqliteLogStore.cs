using Microsoft.Data.Sqlite;

namespace LogPipeline.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite database per UTC day in <see cref="SqliteStoreOptions.DataDirectory"/>, WAL mode,
/// FTS5 over message and URL, typed columns, the whole document as JSONB. One process writes (ingest); any number of
/// processes read (query-ui opens it with <see cref="SqliteStoreOptions.ReadOnly"/>).
/// </summary>
public sealed partial class SqliteLogStore : ILogSink, ILogSearch, IDisposable, IAsyncDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string _directory;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<DateOnly, DayWriter> _writers = [];
    private bool _disposed;

    public SqliteLogStore(SqliteStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _directory = Path.GetFullPath(options.DataDirectory);
        if (!options.ReadOnly)
        {
            Directory.CreateDirectory(_directory);
            ApplyRetentionLocked();
            CatchUpTextIndexes();
            StartWriter();
        }
    }

    /// <summary>The full path of the data directory.</summary>
    public string DataDirectory => _directory;

    /// <summary>Stops taking batches, lets the writer finish those already handed over, then closes every file.</summary>
    public void Dispose()
    {
        if (!BeginDispose())
        {
            return;
        }

        _writer?.GetAwaiter().GetResult();
        CloseAll();
    }

    public async ValueTask DisposeAsync()
    {
        if (!BeginDispose())
        {
            return;
        }

        if (_writer is not null)
        {
            await _writer.ConfigureAwait(false);
        }

        CloseAll();
    }

    private bool BeginDispose()
    {
        if (_disposed)
        {
            return false;
        }

        _disposed = true;
        _queue?.Writer.TryComplete();
        return true;
    }

    private void CloseAll()
    {
        _writeLock.Wait();
        try
        {
            foreach (var writer in _writers.Values)
            {
                writer.Dispose();
            }

            _writers.Clear();
        }
        finally
        {
            _writeLock.Release();
        }

        CloseTextWriters();
        foreach (var day in DayFiles.List(_directory))
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionStrings.ReadOnly(DayFiles.PathOf(_directory, day))));
        }
    }
}
