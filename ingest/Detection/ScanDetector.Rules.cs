using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Detection;

/// <summary>Rule evaluation, under the detector's lock.</summary>
internal sealed partial class ScanDetector
{
    private void Evaluate(CompiledRule rule, EventMatch matches, string ip, long ticks, in AccessEvent e, ref AlertSink sink)
    {
        switch (rule.Kind)
        {
            case RuleKind.Count:
            case RuleKind.DistinctPaths:
                {
                    var key = KeyOf(rule.Options.Scope, ip, e.Host);
                    var state = StateOf(rule, key, ticks);
                    state.Record(ticks, e);
                    var distinct = rule.Kind == RuleKind.DistinctPaths;
                    if (state.Window.Add(ticks, distinct ? e.Path ?? string.Empty : string.Empty) && !state.IsQuietAt(ticks))
                    {
                        Fire(rule, ip, key, state, ticks, distinct ? state.Window.Count : 0, ref sink);
                    }

                    break;
                }

            case RuleKind.SuccessAfterFailures:
                SuccessAfterFailures(rule, matches, ip, ticks, e, ref sink);
                break;
            case RuleKind.DistinctAddressesPerHost:
                DistinctAddressesPerHost(rule, ip, ticks, e, ref sink);
                break;
            default:
                throw new InvalidOperationException($"Unknown rule kind {rule.Kind}.");
        }
    }

    private void SuccessAfterFailures(CompiledRule rule, EventMatch matches, string ip, long ticks, in AccessEvent e, ref AlertSink sink)
    {
        var key = KeyOf(rule.Options.Scope, ip, e.Host);
        if ((matches & EventMatch.LoginFailure) != 0)
        {
            var failures = StateOf(rule, key, ticks);
            failures.Record(ticks, e);
            failures.Window.Add(ticks, string.Empty);
            return;
        }

        // A success ends the sequence: it either completes a run of failures (alert) or starts over.
        if (_table.Find(key, rule.Index) is not { } state)
        {
            return;
        }

        if (((CountWindow)state.Window).IsFullWithin(ticks) && !state.IsQuietAt(ticks))
        {
            state.Record(ticks, e);
            Fire(rule, ip, key, state, ticks, 0, ref sink);
        }

        // The sequence is over, alert or not: later failures start a new one, with nothing left to close.
        state.Window.Clear();
        state.ResetReport();
        state.HasFired = false;
    }

    /// <summary>
    /// Per host, a window of distinct failing addresses; once it reaches the threshold the host is under attack for
    /// the quiet period and every address in the window, and every further failing address, gets its own alert.
    /// </summary>
    private void DistinctAddressesPerHost(CompiledRule rule, string ip, long ticks, in AccessEvent e, ref AlertSink sink)
    {
        var host = e.Host ?? string.Empty;
        var key = KeyOf(RuleScope.AddressAndHost, ip, host);
        var own = StateOf(rule, key, ticks);
        own.Record(ticks, e);
        var target = _table.GetOrAdd("\u0001host\n" + host, rule, ticks, _newHostState);
        var window = (DistinctWindow)target.Window;
        if (window.Add(ticks, ip) && !target.IsQuietAt(ticks))
        {
            target.QuietUntil = ticks + rule.QuietTicks;
            foreach (var participant in window.Keys)
            {
                var participantKey = KeyOf(RuleScope.AddressAndHost, participant, host);
                if (_table.Find(participantKey, rule.Index) is { EventCount: > 0 } state && !state.IsQuietAt(ticks))
                {
                    Fire(rule, participant, participantKey, state, ticks, window.Count, ref sink);
                }
            }
        }
        else if (target.IsQuietAt(ticks) && !own.IsQuietAt(ticks))
        {
            Fire(rule, ip, key, own, ticks, window.Count, ref sink);
        }
    }

    private RuleState StateOf(CompiledRule rule, string key, long ticks) =>
        _table.GetOrAdd(key, rule, ticks, _newState);

    private RuleState NewState(CompiledRule rule) => new(rule.NewWindow(), _options.MaxSampleUrls);

    private RuleState NewHostState(CompiledRule rule) => new(new DistinctWindow(rule.Options.Threshold, rule.Options.Window), _options.MaxSampleUrls);

    private static string KeyOf(RuleScope scope, string ip, string? host) =>
        scope == RuleScope.Address ? ip : string.Concat(ip, "\n", host);

    private static void Fire(CompiledRule rule, string ip, string key, RuleState state, long ticks, int distinct, ref AlertSink sink)
    {
        sink.Add(AlertFactory.Create(rule.Definition, rule.Options, ip, key, state, distinct));
        state.QuietUntil = ticks + rule.QuietTicks;
        state.HasFired = true;
        state.ResetReport();
    }

    /// <summary>
    /// A key leaves the table: for every rule that fired for it and has counted events since its last alert (the rest
    /// of a burst that ended during the quiet period), write a closing alert so that no counted event goes unreported.
    /// </summary>
    private void OnKeyRemoved(string key, RuleState?[] states)
    {
        if (key.StartsWith('\u0001'))
        {
            return;
        }

        var newline = key.IndexOf('\n', StringComparison.Ordinal);
        var ip = newline < 0 ? key : key[..newline];
        for (var i = 0; i < states.Length; i++)
        {
            if (states[i] is { HasFired: true, EventCount: > 0 } state)
            {
                var rule = _rules[i];
                _closing.Add(AlertFactory.Create(rule.Definition, rule.Options, ip, key, state, 0));
                state.ResetReport();
            }
        }
    }

    private struct AlertSink
    {
        private List<EcsDocument>? _alerts;

        public readonly IReadOnlyList<EcsDocument> Alerts => (IReadOnlyList<EcsDocument>?)_alerts ?? [];

        public void Add(EcsDocument alert) => (_alerts ??= new List<EcsDocument>(1)).Add(alert);

        public void Drain(List<EcsDocument> pending)
        {
            if (pending.Count > 0)
            {
                (_alerts ??= new List<EcsDocument>(pending.Count)).AddRange(pending);
                pending.Clear();
            }
        }
    }
}
