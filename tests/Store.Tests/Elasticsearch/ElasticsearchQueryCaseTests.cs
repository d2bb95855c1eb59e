using System.Text.Json.Nodes;
using LogPipeline.Store.Elasticsearch;
using LogPipeline.Store.Tests.Query;

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>The shared case table, compiled to Elasticsearch DSL and compared as JSON.</summary>
public sealed class ElasticsearchQueryCaseTests
{
    public static TheoryData<string> Cases => new(QueryCases.All.Select(c => c.Query));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compile_CaseTableQuery_GivesTheExpectedDsl(string query)
    {
        var expected = JsonNode.Parse(QueryCases.All.Single(c => c.Query == query).ElasticsearchJson);

        var actual = JsonNode.Parse(ElasticsearchQueryCompiler.Compile(query).ToJsonString());

        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected!.ToJsonString()}\n  actual {actual!.ToJsonString()}");
    }

    [Fact]
    public void Compile_QueryThatDoesNotParse_ThrowsQuerySyntaxException()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => ElasticsearchQueryCompiler.Compile("status:[1 TO"));

        Assert.Equal(12, e.Position);
    }

    [Fact]
    public void Compile_AnyCaseTableQuery_NeverUsesQueryString()
    {
        foreach (var @case in QueryCases.All)
        {
            Assert.DoesNotContain("query_string", ElasticsearchQueryCompiler.Compile(@case.Query).ToJsonString(), StringComparison.Ordinal);
        }
    }
}
