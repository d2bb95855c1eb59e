using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Contract;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>The store contract, on a fresh SQLite data directory (schema 2 days, the default).</summary>
public class SqliteContractTests : LogStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteLogStore? _store;

    /// <summary>Whether new days are schema 3 (the text index in its own file).</summary>
    protected virtual bool SplitTextIndex => false;

    public override async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _directory.Dispose();
    }

    protected override Task<(ILogSink Sink, ILogSearch Search)> CreateStoreAsync()
    {
        _store = new SqliteLogStore(
            new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = 3650, SplitTextIndex = SplitTextIndex },
            new FakeTimeProvider(Events.Day0.AddDays(1)));
        return Task.FromResult<(ILogSink, ILogSearch)>((_store, _store));
    }
}
