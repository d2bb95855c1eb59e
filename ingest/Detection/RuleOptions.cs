namespace LogPipeline.Ingest.Detection;

/// <summary>
/// The tunable part of one rule: it fires when <see cref="Threshold"/> matching events (or distinct paths, or distinct
/// addresses, depending on the rule) fall within <see cref="Window"/> of event time.
/// </summary>
internal class RuleOptions
{
    public RuleOptions()
    {
    }

    public RuleOptions(int threshold, TimeSpan window, RuleScope scope = RuleScope.Address)
    {
        Threshold = threshold;
        Window = window;
        Scope = scope;
    }

    public bool Enabled { get; set; } = true;

    public int Threshold { get; set; } = 1;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    public RuleScope Scope { get; set; } = RuleScope.Address;

    /// <summary>Largest threshold a rule accepts: the window keeps that many entries per tracked key.</summary>
    public const int MaxThreshold = 1000;

    internal virtual void Validate(string key, List<string> errors)
    {
        if (Threshold is < 1 or > MaxThreshold)
        {
            errors.Add($"{key}:Threshold must be between 1 and {MaxThreshold} (got {Threshold}).");
        }

        if (Window <= TimeSpan.Zero || Window > TimeSpan.FromDays(7))
        {
            errors.Add($"{key}:Window must be a positive time span of at most 7 days, e.g. \"00:00:10\" (got {Window}).");
        }
    }
}
