using LogPipeline.Store.Sqlite;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>A SQLite store holding <see cref="QueryDataSet"/>, shared by the tests of one class.</summary>
public sealed class QueryDataSetFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    internal List<Sample> Samples { get; } = QueryDataSet.Build();

    internal SqliteLogStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new SqliteLogStore(
            new SqliteStoreOptions { DataDirectory = _directory.Path, RetentionDays = 3650 },
            new FakeTimeProvider(QueryDataSet.Start.AddDays(2)));
        var result = await Store.WriteAsync(Samples.Select(QueryDataSet.ToRecord).ToList(), CancellationToken.None);
        Assert.Equal(Samples.Count, result.Stored);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    internal SearchRequest Request(string query, int size = 10_000) => new()
    {
        Query = query,
        From = QueryDataSet.Start.AddDays(-1),
        To = QueryDataSet.Start.AddDays(2),
        Size = size,
    };
}
