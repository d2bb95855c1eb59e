namespace LogPipeline.Ingest.Detection;

/// <summary>The default rules: their stable ids (used in alerts, dedupe ids and docs) and descriptions.</summary>
internal static class RuleCatalog
{
    public static RuleDefinition WpLoginFlood { get; } = new(
        "wp-login-flood", "WordPress login brute force", "brute-force", 7,
        "Failed POSTs to wp-login.php (any answer but 302) from one address within a short window.");

    public static RuleDefinition WpLoginSlow { get; } = new(
        "wp-login-slow", "Slow WordPress login brute force", "brute-force", 6,
        "Failed POSTs to wp-login.php from one address spread over a long window, under the flood rule's rate.");

    public static RuleDefinition WpLoginDistributed { get; } = new(
        "wp-login-distributed", "Distributed WordPress login brute force", "brute-force", 7,
        "Failed POSTs to wp-login.php on one host from many distinct addresses; every participating address is reported.");

    public static RuleDefinition LoginAfterFailures { get; } = new(
        "wp-login-success-after-failures", "WordPress login success after failures", "brute-force", 9,
        "A POST to wp-login.php answered 302 (logged in) after several failures from the same address on the same host.");

    public static RuleDefinition XmlrpcFlood { get; } = new(
        "xmlrpc-flood", "WordPress XML-RPC flood", "brute-force", 7,
        "POSTs to xmlrpc.php from one address within a short window (system.multicall password guessing, pingback abuse).");

    public static RuleDefinition Probing4xx { get; } = new(
        "http-4xx-probing", "HTTP probing (4xx on many paths)", "scan", 5,
        "Many distinct paths answered 4xx to one address within a short window; static assets are ignored.");

    public static RuleDefinition SensitiveFiles { get; } = new(
        "sensitive-file-probe", "Sensitive file probe", "scan", 6,
        "Requests for secrets, repositories, configuration backups or admin tools (/.env, /.git/, wp-config backups, phpmyadmin, /server-status).");

    public static RuleDefinition ScannerUserAgents { get; } = new(
        "scanner-user-agent", "Scanner user agent", "scan", 5,
        "Requests whose user agent names a known scanner or brute forcer (WPScan, sqlmap, Nikto, Hydra, masscan, zgrab...).");

    public static IReadOnlyList<RuleDefinition> All { get; } =
        [WpLoginFlood, WpLoginSlow, WpLoginDistributed, LoginAfterFailures, XmlrpcFlood, Probing4xx, SensitiveFiles, ScannerUserAgents];
}
