namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// Settings of the Elasticsearch store: where the cluster is, how to authenticate, where events go (data streams
/// <c>logs-&lt;dataset&gt;-&lt;namespace&gt;</c> or daily indices), and how hard to retry.
/// </summary>
public sealed class ElasticsearchStoreOptions
{
    /// <summary>One or more node URLs (<c>https://es1:9200</c>); requests go to one until it fails (no answer, 5xx), then to the next.</summary>
    public Uri[] Urls { get; set; } = [];

    /// <summary>Basic authentication user; set together with <see cref="Password"/>, or use <see cref="ApiKey"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>An API key in its encoded form (the <c>encoded</c> value the create-API-key call returns).</summary>
    public string? ApiKey { get; set; }

    /// <summary>PEM file of the CA that signed the cluster's certificate (a self-managed cluster's <c>http_ca.crt</c>).</summary>
    public string? CaFile { get; set; }

    /// <summary>Accept any server certificate. For a lab only: anyone on the path can read and change the traffic.</summary>
    public bool InsecureSkipVerify { get; set; }

    /// <summary>The data stream namespace (the last part of <c>logs-apache.access-default</c>): lowercase, no '-'.</summary>
    public string Namespace { get; set; } = "default";

    /// <summary>Write to one plain index per dataset and UTC day (<c>logs-apache.access-default-2026.11.22</c>) instead of data streams.</summary>
    public bool DailyIndices { get; set; }

    /// <summary>The first part of every data stream or index name.</summary>
    public string IndexPrefix { get; set; } = "logs";

    /// <summary>How many times a rejected (429), unavailable (5xx) or unreachable request is retried before its events are reported failed.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry waits about this long; each next one twice as long, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A batch larger than this is sent as several <c>_bulk</c> requests (Elastic advises a few MB to a few tens of MB).</summary>
    public long MaxBulkBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Per-request time limit.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>NDJSON file where events Elasticsearch refuses for good (mapping errors…) are kept with the reason.</summary>
    public string DeadLetterPath { get; set; } = string.Empty;

    /// <summary>Returns every problem with these options at once (empty when they are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Urls is null || Urls.Length == 0)
        {
            errors.Add("ElasticsearchStoreOptions.Urls is empty: set at least one node URL, e.g. https://es1:9200.");
        }
        else
        {
            foreach (var url in Urls)
            {
                if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    errors.Add($"ElasticsearchStoreOptions.Urls has '{url}': each must be an absolute http:// or https:// URL.");
                }
            }
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            errors.Add("ElasticsearchStoreOptions.Username and Password must be set together (basic authentication).");
        }

        if (!string.IsNullOrEmpty(ApiKey) && !string.IsNullOrEmpty(Username))
        {
            errors.Add("ElasticsearchStoreOptions.ApiKey and Username are both set: use one way to authenticate.");
        }

        if (!string.IsNullOrEmpty(CaFile) && !File.Exists(CaFile))
        {
            errors.Add($"ElasticsearchStoreOptions.CaFile '{CaFile}' does not exist: give the path of the cluster's CA certificate (PEM).");
        }

        if (!string.IsNullOrEmpty(CaFile) && InsecureSkipVerify)
        {
            errors.Add("ElasticsearchStoreOptions.CaFile and InsecureSkipVerify are both set: verify with the CA file, or not at all.");
        }

        errors.AddRange(IndexNames.ValidateNamePart("ElasticsearchStoreOptions.Namespace", Namespace));
        errors.AddRange(IndexNames.ValidateNamePart("ElasticsearchStoreOptions.IndexPrefix", IndexPrefix));
        if (MaxRetries is < 0 or > 100)
        {
            errors.Add($"ElasticsearchStoreOptions.MaxRetries is {MaxRetries}: it must be between 0 and 100.");
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            errors.Add($"ElasticsearchStoreOptions.InitialBackoff ({InitialBackoff}) must be positive and at most MaxBackoff ({MaxBackoff}).");
        }

        if (MaxBulkBytes < 1024)
        {
            errors.Add($"ElasticsearchStoreOptions.MaxBulkBytes is {MaxBulkBytes}: it must be at least 1024.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"ElasticsearchStoreOptions.RequestTimeout is {RequestTimeout}: it must be positive.");
        }

        if (string.IsNullOrWhiteSpace(DeadLetterPath))
        {
            errors.Add("ElasticsearchStoreOptions.DeadLetterPath is empty: set the file where refused events are kept (e.g. /var/lib/logpipeline/es-dead-letter.ndjson).");
        }

        return errors;
    }

    /// <summary>Settings that work but that an operator must know about (log them at start-up as warnings).</summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        if (InsecureSkipVerify)
        {
            warnings.Add("ElasticsearchStoreOptions.InsecureSkipVerify is on: the cluster's TLS certificate is NOT verified, so anyone on the network path can read and alter events and credentials. Set CaFile instead.");
        }

        if (Urls?.Any(u => u?.Scheme == Uri.UriSchemeHttp) == true && (!string.IsNullOrEmpty(Password) || !string.IsNullOrEmpty(ApiKey)))
        {
            warnings.Add("ElasticsearchStoreOptions.Urls uses plain http:// with credentials: they cross the network unencrypted.");
        }

        return warnings;
    }
}
