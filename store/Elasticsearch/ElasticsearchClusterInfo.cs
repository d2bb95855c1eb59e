namespace LogPipeline.Store.Elasticsearch;

/// <summary>What <see cref="ElasticsearchLogStore.InitializeAsync"/> found: the cluster, its version, and what it installed.</summary>
public sealed record ElasticsearchClusterInfo(string ClusterName, string Version, string IndexTemplate, string WritesTo);
