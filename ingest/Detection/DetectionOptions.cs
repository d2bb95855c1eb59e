namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Scan detection settings (configuration section <c>Detection</c>; the same shape is what
/// <c>ingest detect --rules FILE</c> reads). Load with <see cref="DetectionOptionsLoader"/> so that lists replace
/// their defaults and every bad key is reported at once.
/// </summary>
internal sealed class DetectionOptions
{
    public const string SectionName = "Detection";

    public bool Enabled { get; set; } = true;

    /// <summary>Datasets the detector looks at; other events pass untouched.</summary>
    public List<string> Datasets { get; set; } = ["apache.access", "nginx.access", "haproxy.log", "haproxy.http"];

    /// <summary>
    /// Fields holding the client address, in order of preference; the first present and valid wins. A field may hold an
    /// X-Forwarded-For list: the right-most entry that is not a <see cref="TrustedProxies"/> address is the client.
    /// </summary>
    public List<string> ClientIpFields { get; set; } = ["source.ip"];

    /// <summary>Proxies (addresses or CIDR networks) skipped when reading an X-Forwarded-For list from the right.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Client addresses or networks never tracked nor alerted (monitoring, loopback).</summary>
    public List<string> IgnoredAddresses { get; set; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>
    /// Cap on tracked keys (an address, or an address and host, or a host for the distributed rule). At the cap the
    /// least recently seen key is evicted, so a flood from millions of addresses keeps memory bounded.
    /// </summary>
    public int MaxTrackedAddresses { get; set; } = 100_000;

    /// <summary>After a rule fires for a key it stays quiet for the longer of its window and this interval.</summary>
    public TimeSpan MinAlertInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Distinct URLs (and hosts) kept as samples in each alert.</summary>
    public int MaxSampleUrls { get; set; } = 5;

    public DetectionRulesOptions Rules { get; set; } = new();

    /// <summary>Every invalid value, each naming its configuration key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        const string Key = SectionName;
        var errors = new List<string>();
        if (Datasets.Count == 0)
        {
            errors.Add($"{Key}:Datasets must name at least one dataset, e.g. \"apache.access\".");
        }

        if (ClientIpFields.Count == 0)
        {
            errors.Add($"{Key}:ClientIpFields must name at least one field, e.g. \"source.ip\".");
        }

        AddressNetworks.Validate($"{Key}:TrustedProxies", TrustedProxies, errors);
        AddressNetworks.Validate($"{Key}:IgnoredAddresses", IgnoredAddresses, errors);
        if (MaxTrackedAddresses is < 100 or > 100_000_000)
        {
            errors.Add($"{Key}:MaxTrackedAddresses must be between 100 and 100000000 (got {MaxTrackedAddresses}).");
        }

        if (MinAlertInterval < TimeSpan.Zero)
        {
            errors.Add($"{Key}:MinAlertInterval must not be negative (got {MinAlertInterval}).");
        }

        if (MaxSampleUrls is < 1 or > 100)
        {
            errors.Add($"{Key}:MaxSampleUrls must be between 1 and 100 (got {MaxSampleUrls}).");
        }

        Rules.Validate($"{Key}:Rules", errors);
        return errors;
    }
}
