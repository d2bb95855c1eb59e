namespace LogPipeline.QueryUi.Hosting;

/// <summary>Query UI settings, bound from the <c>QueryUi</c> section (appsettings.json, <c>LOGPIPELINE_QueryUi__Key</c>, flags).</summary>
internal sealed class QueryUiOptions
{
    public const string Section = "QueryUi";

    /// <summary>The ingest's data directory: the UI reads the SQLite store there (read-only) and the shippers' heartbeats in <c>hosts/</c>.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Largest page the API serves.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Most events one CSV or NDJSON export streams.</summary>
    public int ExportMaxEvents { get; set; } = 100_000;

    /// <summary>Most probe events the scans page analyses (newest first); counts per address stay exact beyond it.</summary>
    public int ScanMaxEvents { get; set; } = 50_000;

    /// <summary>The admin password as <c>pbkdf2-sha256$iterations$salt$hash</c> (make one with <c>query-ui hash-password</c>).</summary>
    public string? AdminPasswordHash { get; set; }

    /// <summary>A header a reverse proxy sets to the signed-in user's name (e.g. <c>X-Remote-User</c>); trusted when present.</summary>
    public string? TrustedProxyHeader { get; set; }

    /// <summary>True when neither a password nor a proxy header is configured: the UI then serves loopback only.</summary>
    public bool IsOpenAccess => string.IsNullOrWhiteSpace(AdminPasswordHash) && string.IsNullOrWhiteSpace(TrustedProxyHeader);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            errors.Add("QueryUi:DataDir (--data-dir) is empty: give the ingest's data directory");
        }

        if (MaxPageSize is < 1 or > 10_000)
        {
            errors.Add($"QueryUi:MaxPageSize must be between 1 and 10000 (it is {MaxPageSize})");
        }

        if (ExportMaxEvents is < 1 or > 10_000_000)
        {
            errors.Add($"QueryUi:ExportMaxEvents must be between 1 and 10000000 (it is {ExportMaxEvents})");
        }

        if (ScanMaxEvents is < 100 or > 1_000_000)
        {
            errors.Add($"QueryUi:ScanMaxEvents must be between 100 and 1000000 (it is {ScanMaxEvents})");
        }

        if (!string.IsNullOrWhiteSpace(AdminPasswordHash) && !Security.PasswordHash.IsWellFormed(AdminPasswordHash))
        {
            errors.Add("QueryUi:AdminPasswordHash is not of the form pbkdf2-sha256$iterations$salt$hash: make one with 'query-ui hash-password'");
        }

        if (!string.IsNullOrWhiteSpace(TrustedProxyHeader) && !TrustedProxyHeader.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add($"QueryUi:TrustedProxyHeader '{TrustedProxyHeader}' is not a header name (letters, digits, '-')");
        }

        return errors;
    }
}
