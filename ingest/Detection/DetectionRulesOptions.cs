namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Thresholds of the default rules (configuration section <c>Detection:Rules</c>). Defaults sit near the community
/// references: CrowdSec flags ~6 failed wp-login POSTs in 10 s and 4xx probing of ~11 paths in ~10 s, Wazuh 8 POSTs in
/// 30 s, fail2ban 5 hits in 10 minutes.
/// </summary>
internal sealed class DetectionRulesOptions
{
    /// <summary><c>wp-login-flood</c>: failed POSTs to wp-login.php from one address, fast.</summary>
    public RuleOptions WpLoginFlood { get; set; } = new(6, TimeSpan.FromSeconds(10));

    /// <summary><c>wp-login-slow</c>: the same, spread out to stay under the flood rule.</summary>
    public RuleOptions WpLoginSlow { get; set; } = new(20, TimeSpan.FromHours(1));

    /// <summary><c>wp-login-distributed</c>: failed wp-login POSTs to one host from this many distinct addresses.</summary>
    public RuleOptions WpLoginDistributed { get; set; } = new(20, TimeSpan.FromMinutes(10));

    /// <summary><c>wp-login-success-after-failures</c>: a POST answered 302 after this many failures.</summary>
    public RuleOptions LoginAfterFailures { get; set; } = new(5, TimeSpan.FromMinutes(30), RuleScope.AddressAndHost);

    /// <summary><c>xmlrpc-flood</c>: POSTs to xmlrpc.php from one address.</summary>
    public RuleOptions XmlrpcFlood { get; set; } = new(10, TimeSpan.FromSeconds(60));

    /// <summary><c>http-4xx-probing</c>: distinct paths answered 4xx to one address.</summary>
    public ProbingRuleOptions Probing4xx { get; set; } = new(15, TimeSpan.FromSeconds(60));

    /// <summary><c>sensitive-file-probe</c>: requests for secrets and admin tools, whatever the answer.</summary>
    public PatternRuleOptions SensitiveFiles { get; set; } = new(1, TimeSpan.FromMinutes(10), DefaultPatterns.SensitivePaths);

    /// <summary><c>scanner-user-agent</c>: requests whose user agent names a known scanner.</summary>
    public PatternRuleOptions ScannerUserAgents { get; set; } = new(1, TimeSpan.FromMinutes(10), DefaultPatterns.ScannerAgents);

    internal void Validate(string key, List<string> errors)
    {
        WpLoginFlood.Validate($"{key}:WpLoginFlood", errors);
        WpLoginSlow.Validate($"{key}:WpLoginSlow", errors);
        WpLoginDistributed.Validate($"{key}:WpLoginDistributed", errors);
        LoginAfterFailures.Validate($"{key}:LoginAfterFailures", errors);
        XmlrpcFlood.Validate($"{key}:XmlrpcFlood", errors);
        Probing4xx.Validate($"{key}:Probing4xx", errors);
        SensitiveFiles.Validate($"{key}:SensitiveFiles", errors);
        ScannerUserAgents.Validate($"{key}:ScannerUserAgents", errors);
    }
}
