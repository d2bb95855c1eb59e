namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The cluster cannot be used as configured: unreachable, credentials refused, version too old, templates refused.
/// The message says which and what to change. An <see cref="InvalidOperationException"/>, so that health checks
/// which treat a store that cannot answer that way report it as not ready.
/// </summary>
public sealed class ElasticsearchStoreException : InvalidOperationException
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
