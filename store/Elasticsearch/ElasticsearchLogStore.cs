using System.Globalization;
using System.Text.Json;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The scale-out store: Elasticsearch 8+ over its REST API. Events go to data streams
/// <c>&lt;prefix&gt;-&lt;dataset&gt;-&lt;namespace&gt;</c> (or daily indices) through <c>_bulk</c> <c>create</c> with the
/// event id, so a re-sent event is reported as a duplicate; an ECS index template is installed on first use.
/// </summary>
public sealed partial class ElasticsearchLogStore : ILogSink, ILogSearch, IDisposable
{
    private const string JsonContentType = "application/json";

    private readonly ElasticsearchStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly EsTransport _transport;
    private readonly IndexNames _names;
    private readonly Backoff _backoff;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly DeadLetterFile _deadLetters;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile ElasticsearchClusterInfo? _cluster;

    /// <param name="options">Validated here; every problem is reported at once.</param>
    /// <param name="timeProvider">Clock for backoff waits and dead-letter times.</param>
    /// <param name="handler">The HTTP handler (tests pass a fake); null builds one from the TLS options.</param>
    public ElasticsearchLogStore(ElasticsearchStoreOptions options, TimeProvider timeProvider, HttpMessageHandler? handler = null)
        : this(options, timeProvider, handler, delay: null, random: null)
    {
    }

    internal ElasticsearchLogStore(
        ElasticsearchStoreOptions options,
        TimeProvider timeProvider,
        HttpMessageHandler? handler,
        Func<TimeSpan, CancellationToken, Task>? delay,
        Random? random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _transport = new EsTransport(options, handler ?? TlsHandler.Create(options), disposeHandler: handler is null);
        _names = new IndexNames(options.IndexPrefix, options.Namespace, options.DailyIndices);
        _backoff = new Backoff(options.InitialBackoff, options.MaxBackoff, random ?? Random.Shared);
        _delay = delay ?? ((wait, ct) => Task.Delay(wait, timeProvider, ct));
        _deadLetters = new DeadLetterFile(options.DeadLetterPath, timeProvider);
    }

    /// <summary>
    /// Checks the cluster (reachable, credentials accepted, version 8 or later) and installs the component and index
    /// templates. Safe to call again; <see cref="WriteAsync"/> calls it on first use. Throws
    /// <see cref="ElasticsearchStoreException"/> saying what to fix.
    /// </summary>
    public async Task<ElasticsearchClusterInfo> InitializeAsync(CancellationToken cancellationToken)
    {
        if (_cluster is { } known)
        {
            return known;
        }

        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_cluster is null)
            {
                var (name, version) = await CheckClusterAsync(cancellationToken);
                var template = IndexTemplates.IndexTemplateName(_names);
                await PutAsync($"/_component_template/{Uri.EscapeDataString(IndexTemplates.ComponentName)}", IndexTemplates.ComponentTemplate().ToJsonString(), cancellationToken);
                await PutAsync($"/_index_template/{template}", IndexTemplates.IndexTemplate(_names).ToJsonString(), cancellationToken);
                _cluster = new ElasticsearchClusterInfo(name, version, template, _names.Pattern);
            }

            return _cluster;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    /// <summary>Counters of requests, retries and dead-lettered events, for <c>/metrics</c>.</summary>
    public ElasticsearchStoreStats Stats { get; } = new();

    /// <summary>Makes everything written so far visible to searches (<c>_refresh</c> on this store's indices).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var response = await SendWithRetryAsync(HttpMethod.Post, $"/{_names.Pattern}/_refresh?ignore_unavailable=true&allow_no_indices=true", null, cancellationToken);
        ThrowUnlessSuccess(response, "refresh");
    }

    public void Dispose()
    {
        _transport.Dispose();
        _initializeLock.Dispose();
        Stats.Dispose();
    }

    private async Task<(string Name, string Version)> CheckClusterAsync(CancellationToken cancellationToken)
    {
        var response = await SendWithRetryAsync(HttpMethod.Get, "/", null, cancellationToken);
        ThrowUnlessSuccess(response, "cluster check (GET /)");
        string? name = null, version = null, distribution = null;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            var root = doc.RootElement;
            name = root.TryGetProperty("cluster_name", out var n) ? n.GetString() : null;
            if (root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Object)
            {
                version = v.TryGetProperty("number", out var number) ? number.GetString() : null;
                distribution = v.TryGetProperty("distribution", out var d) ? d.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Reported below: not an Elasticsearch answer.
        }

        if (version is null)
        {
            throw new ElasticsearchStoreException($"{response.Node} did not answer GET / like Elasticsearch (no version.number): check ElasticsearchStoreOptions.Urls.");
        }

        var major = int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        if (distribution is not null || major < 8)
        {
            var what = distribution is null ? "Elasticsearch" : distribution;
            throw new ElasticsearchStoreException(
                $"{response.Node} runs {what} {version}; this store needs Elasticsearch 8.0 or later (data streams, date_nanos, wildcard fields). Upgrade the cluster or use the SQLite store.");
        }

        return (name ?? "?", version);
    }

    private async Task PutAsync(string path, string body, CancellationToken cancellationToken)
    {
        var response = await SendWithRetryAsync(HttpMethod.Put, path, body, cancellationToken);
        ThrowUnlessSuccess(response, $"PUT {path}");
    }

    private static void ThrowUnlessSuccess(EsResponse response, string what)
    {
        if (response.IsSuccess)
        {
            return;
        }

        var hint = response.IsAuthFailure
            ? " Check ElasticsearchStoreOptions.Username/Password or ApiKey, and that the user may manage index templates and write to logs-* (privileges: manage_index_templates, monitor; create_doc, auto_configure on the indices)."
            : string.Empty;
        throw new ElasticsearchStoreException($"Elasticsearch {what} failed: {response.Describe()}.{hint}");
    }

    /// <summary>
    /// Sends a request, retrying when no answer came, or 429 / 5xx came, with capped exponential backoff, at most
    /// <see cref="ElasticsearchStoreOptions.MaxRetries"/> times; returns the last response.
    /// </summary>
    private async Task<EsResponse> SendWithRetryAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken, string contentType = JsonContentType)
    {
        for (var retry = 1; ; retry++)
        {
            var response = await _transport.SendAsync(method, path, body, contentType, cancellationToken);
            if (!response.IsRetriable || retry > _options.MaxRetries)
            {
                return response;
            }

            Stats.RequestRetried();
            await _delay(_backoff.Delay(retry), cancellationToken);
        }
    }
}
