namespace LogPipeline.Parsers.Grok;

/// <summary>What happened when a grok pattern was run on a line.</summary>
public enum GrokMatchOutcome
{
    Matched,
    NoMatch,

    /// <summary>The line used up the per-line match budget (<see cref="ParserOptions.GrokMatchBudget"/>).</summary>
    BudgetExceeded,
}
