namespace LogPipeline.Parsers.Tests.RealServers;

[CollectionDefinition(Name)]
public sealed class RealServerCollection : ICollectionFixture<RealServerLogs>
{
    public const string Name = "real servers";
}
