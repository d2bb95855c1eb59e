namespace LogPipeline.Store.Tests.Sqlite;

/// <summary>The store contract on schema 3 days: the text index in its own file, written by the second writer.</summary>
public sealed class SqliteSplitContractTests : SqliteContractTests
{
    protected override bool SplitTextIndex => true;
}
