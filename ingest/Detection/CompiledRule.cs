namespace LogPipeline.Ingest.Detection;

/// <summary>An enabled rule, ready to evaluate: its slot in the state table, its trigger and its quiet period.</summary>
internal sealed record CompiledRule(int Index, RuleDefinition Definition, RuleOptions Options, RuleKind Kind, EventMatch Trigger, long QuietTicks)
{
    public EventWindow NewWindow() => Kind switch
    {
        RuleKind.DistinctPaths => new DistinctWindow(Options.Threshold, Options.Window),
        RuleKind.DistinctAddressesPerHost => new CountWindow(1, Options.Window),
        _ => new CountWindow(Options.Threshold, Options.Window),
    };

    public static IReadOnlyList<CompiledRule> FromOptions(DetectionOptions options)
    {
        var r = options.Rules;
        var candidates = new (RuleDefinition Definition, RuleOptions Options, RuleKind Kind, EventMatch Trigger)[]
        {
            (RuleCatalog.WpLoginFlood, r.WpLoginFlood, RuleKind.Count, EventMatch.LoginFailure),
            (RuleCatalog.WpLoginSlow, r.WpLoginSlow, RuleKind.Count, EventMatch.LoginFailure),
            (RuleCatalog.WpLoginDistributed, r.WpLoginDistributed, RuleKind.DistinctAddressesPerHost, EventMatch.LoginFailure),
            (RuleCatalog.LoginAfterFailures, r.LoginAfterFailures, RuleKind.SuccessAfterFailures, EventMatch.LoginFailure | EventMatch.LoginSuccess),
            (RuleCatalog.XmlrpcFlood, r.XmlrpcFlood, RuleKind.Count, EventMatch.Xmlrpc),
            (RuleCatalog.Probing4xx, r.Probing4xx, RuleKind.DistinctPaths, EventMatch.Probe4xx),
            (RuleCatalog.SensitiveFiles, r.SensitiveFiles, RuleKind.DistinctPaths, EventMatch.SensitivePath),
            (RuleCatalog.ScannerUserAgents, r.ScannerUserAgents, RuleKind.Count, EventMatch.ScannerAgent),
        };

        return [.. candidates
            .Where(c => c.Options.Enabled)
            .Select((c, i) => new CompiledRule(i, c.Definition, c.Options, c.Kind, c.Trigger, Math.Max(c.Options.Window.Ticks, options.MinAlertInterval.Ticks)))];
    }
}
