namespace LogPipeline.QueryUi.Hosting;

/// <summary>Query UI settings, bound from the <c>QueryUi</c> section (appsettings.json, <c>LOGPIPELINE_QueryUi__Key</c>, flags).</summary>
internal sealed class QueryUiOptions
{
    public const string Section = "QueryUi";

    /// <summary>The ingest's data directory: the UI reads the SQLite store there (read-only).</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>Largest page the API serves.</summary>
    public int MaxPageSize { get; set; } = 1000;

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

        return errors;
    }
}
