using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Detection;

/// <summary>Builds alert documents. The id is deterministic, so a replay or a duplicate firing is stored once.</summary>
internal static class AlertFactory
{
    public static EcsDocument Create(RuleDefinition rule, RuleOptions options, string address, string key, RuleState state, int distinct)
    {
        var first = new DateTimeOffset(state.FirstSeen, TimeSpan.Zero);
        var last = new DateTimeOffset(state.LastSeen, TimeSpan.Zero);
        var hosts = string.Join(' ', state.Hosts);
        var alert = new EcsDocument { Timestamp = last };
        alert.Set("event.id", IdOf(rule.Id, key, state.FirstSeen));
        alert.Set("event.kind", "alert");
        alert.Set("event.category", "intrusion_detection");
        alert.Set("event.dataset", AlertFields.Dataset);
        alert.Set("event.module", "logpipeline");
        alert.Set("event.severity", rule.Severity);
        alert.Set("event.start", EcsJsonTime(first));
        alert.Set("event.end", EcsJsonTime(last));
        alert.Set("rule.id", rule.Id);
        alert.Set("rule.name", rule.Name);
        alert.Set("rule.category", rule.Category);
        alert.Set("rule.description", rule.Description);
        alert.Set("rule.ruleset", "logpipeline.detection");
        alert.Set("source.ip", address);
        alert.Set("source.address", address);
        if (state.Hosts.Count > 0)
        {
            alert.Set("host.name", state.Hosts[^1]);
        }

        alert.Set("user_agent.original", state.LastUserAgent);
        alert.Set(AlertFields.Count, state.EventCount);
        alert.Set(AlertFields.Threshold, options.Threshold);
        alert.Set(AlertFields.WindowSeconds, (long)options.Window.TotalSeconds);
        alert.Set(AlertFields.Scope, options.Scope == RuleScope.Address ? "address" : "address+host");
        if (distinct > 0)
        {
            alert.Set(AlertFields.Distinct, distinct);
        }

        alert.Set(AlertFields.Hosts, hosts);
        alert.Set(AlertFields.SampleUrls, string.Join(' ', state.SampleUrls));
        alert.Set("message", string.Create(CultureInfo.InvariantCulture,
            $"{rule.Name}: {address} matched {rule.Id} {state.EventCount} times between {first:u} and {last:u} (threshold {options.Threshold} in {options.Window}) on {hosts}"));
        alert.AddTag("alert");
        alert.AddTag(rule.Category);
        return alert;
    }

    /// <summary>Lowercase hex of the first 16 bytes of SHA-256 over "rule \n key \n first-seen ticks".</summary>
    public static string IdOf(string ruleId, string key, long firstSeenTicks)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{ruleId}\n{key}\n{firstSeenTicks}");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    private static string EcsJsonTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
