namespace LogPipeline.Ingest.Configuration;

/// <summary>Ingest settings, bound from the <c>Ingest</c> configuration section (appsettings.json,
/// <c>LOGPIPELINE_Ingest__Key</c> environment variables, or the command-line flags).</summary>
internal sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Where the embedded SQLite store keeps its files.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Shipper tokens in clear (quick use: <c>--token</c>).</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>A file of <c>name sha256:HEX</c> lines: the hashes of accepted tokens (real use).</summary>
    public string? TokensFile { get; set; }

    /// <summary>Accept unauthenticated shippers. Off unless asked for explicitly.</summary>
    public bool NoAuth { get; set; }

    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Limit on the decompressed body, so a small gzip bomb cannot fill memory.</summary>
    public long MaxDecompressedBytes { get; set; } = 128L * 1024 * 1024;

    public int MaxEventsPerBatch { get; set; } = 20_000;

    /// <summary>One event's NDJSON line: room for a 1 MiB log line plus its JSON escaping and fields.</summary>
    public int MaxEventBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Batches processed at once; more get 429 with Retry-After.</summary>
    public int MaxConcurrentBatches { get; set; } = 8;

    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// New SQLite days keep their full-text index in a second file, written by a second thread (schema 3, the
    /// default); false makes new days schema 2 (the index inside the day file).
    /// </summary>
    public bool SplitTextIndex { get; set; } = true;

    /// <summary>
    /// False (the default): a batch is acknowledged once its rows are durable in the SQLite store (found by field
    /// filters at once, by free text within milliseconds, as the text index follows). True: only once their text index
    /// has committed too, so an acknowledged event is found by free text at once (at a cost in throughput). Applies to
    /// days whose text index is in a file of its own (<see cref="SplitTextIndex"/>); Elasticsearch has its own refresh.
    /// </summary>
    public bool WaitForTextIndex { get; set; }

    /// <summary>Time zone for log formats whose timestamps carry no offset (IANA id); empty means the host's.</summary>
    public string? DefaultTimeZone { get; set; }

    /// <summary>Every problem with the settings, each naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            errors.Add("Ingest:DataDir (--data-dir) is empty: give the directory for the store");
        }

        if (!NoAuth && Tokens.Count == 0 && string.IsNullOrWhiteSpace(TokensFile))
        {
            errors.Add("no shipper token configured: give --token T (repeatable) or --tokens-file F, or --no-auth to accept anyone (not for production)");
        }

        if (TokensFile is { Length: > 0 } && !File.Exists(TokensFile))
        {
            errors.Add($"Ingest:TokensFile (--tokens-file): '{TokensFile}' does not exist");
        }

        if (Tokens.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Ingest:Tokens (--token): a token is empty");
        }

        Positive(errors, MaxRequestBytes, "Ingest:MaxRequestBytes");
        Positive(errors, MaxDecompressedBytes, "Ingest:MaxDecompressedBytes");
        Positive(errors, MaxEventsPerBatch, "Ingest:MaxEventsPerBatch");
        Positive(errors, MaxEventBytes, "Ingest:MaxEventBytes");
        Positive(errors, MaxConcurrentBatches, "Ingest:MaxConcurrentBatches");
        Positive(errors, RetentionDays, "Ingest:RetentionDays");
        if (DefaultTimeZone is { Length: > 0 } && !TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
        {
            errors.Add($"Ingest:DefaultTimeZone: '{DefaultTimeZone}' is not a known time zone id (e.g. Europe/Paris, UTC)");
        }

        return errors;
    }

    private static void Positive(List<string> errors, long value, string key)
    {
        if (value <= 0)
        {
            errors.Add($"{key} must be greater than 0 (it is {value})");
        }
    }
}
