namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The cluster cannot be used as configured: unreachable, credentials refused, version too old, templates refused.
/// The message says which and what to change.
/// </summary>
public sealed class ElasticsearchStoreException : Exception
{
    public ElasticsearchStoreException()
    {
    }

    public ElasticsearchStoreException(string message)
        : base(message)
    {
    }

    public ElasticsearchStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
