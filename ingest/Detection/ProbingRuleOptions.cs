namespace LogPipeline.Ingest.Detection;

/// <summary>The 4xx probing rule: distinct paths answered 4xx, ignoring static assets and some statuses.</summary>
internal sealed class ProbingRuleOptions : RuleOptions
{
    public ProbingRuleOptions()
    {
    }

    public ProbingRuleOptions(int threshold, TimeSpan window)
        : base(threshold, window)
    {
    }

    /// <summary>Path endings that never count (missing images and stylesheets are not probing).</summary>
    public List<string> IgnoredExtensions { get; set; } =
        [".css", ".js", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".woff", ".woff2", ".ttf"];

    /// <summary>4xx statuses that never count: authentication prompts, timeouts and rate limiting.</summary>
    public List<int> IgnoredStatusCodes { get; set; } = [401, 407, 408, 429];

    internal override void Validate(string key, List<string> errors)
    {
        base.Validate(key, errors);
        for (var i = 0; i < IgnoredStatusCodes.Count; i++)
        {
            if (IgnoredStatusCodes[i] is < 400 or > 499)
            {
                errors.Add($"{key}:IgnoredStatusCodes:{i} must be a 4xx status (got {IgnoredStatusCodes[i]}).");
            }
        }
    }
}
