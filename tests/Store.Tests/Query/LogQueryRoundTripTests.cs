using LogPipeline.Store.Query;

namespace LogPipeline.Store.Tests.Query;

public sealed class LogQueryRoundTripTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Format_RandomTrees_ParseBackToTheSameTree(int seed)
    {
        var random = new RandomQueries(seed);
        for (var i = 0; i < 500; i++)
        {
            var tree = random.Next();
            var text = LogQuery.Format(tree);

            var parsed = LogQuery.Parse(text);

            Assert.True(parsed.Succeeded, $"seed {seed} #{i}: '{text}' does not parse: {parsed.Error}");
            Assert.True(tree.Equals(parsed.Query), $"seed {seed} #{i}: '{text}' parses to {LogQuery.Format(parsed.Query!)}");
        }
    }
}
