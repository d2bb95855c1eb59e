using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Query;

/// <summary>
/// One row of the shared case table: the query text, which events of <see cref="QueryDataSet"/> it must return
/// (an oracle written independently of the stores), and the Elasticsearch DSL it must compile to.
/// </summary>
internal sealed record QueryCase(string Query, Func<Sample, bool> Expected, string ElasticsearchJson)
{
    public override string ToString() => Query;
}
