namespace LogPipeline.Ingest.Detection;

/// <summary>A rule that matches case-insensitive substrings (of the URL path, or of the user agent).</summary>
internal sealed class PatternRuleOptions : RuleOptions
{
    public PatternRuleOptions()
    {
    }

    public PatternRuleOptions(int threshold, TimeSpan window, IEnumerable<string> patterns)
        : base(threshold, window) => Patterns = [.. patterns];

    /// <summary>Substrings that make an event match (case-insensitive). Setting the list replaces the defaults.</summary>
    public List<string> Patterns { get; set; } = [];

    internal override void Validate(string key, List<string> errors)
    {
        base.Validate(key, errors);
        if (Enabled && Patterns.Count == 0)
        {
            errors.Add($"{key}:Patterns must list at least one substring, or set {key}:Enabled to false.");
        }

        for (var i = 0; i < Patterns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Patterns[i]))
            {
                errors.Add($"{key}:Patterns:{i} is empty; remove it.");
            }
        }
    }
}
