namespace LogPipeline.Ingest.Detection;

/// <summary>Built-in substrings for the pattern rules (case-insensitive).</summary>
internal static class DefaultPatterns
{
    /// <summary>Secrets, repositories, backups and admin tools nobody legitimate asks a WordPress site for.</summary>
    public static IReadOnlyList<string> SensitivePaths { get; } =
    [
        "/.env", "/.git/", "/.svn/", "/.hg/", "/.ds_store", "/.aws/", "/.ssh/", "/.htpasswd", "/.htaccess",
        "wp-config", "phpmyadmin", "/pma/", "/myadmin/", "/adminer", "/server-status", "/server-info",
        "/phpinfo", "/info.php", ".sql", "/vendor/phpunit/", "/etc/passwd", "/.vscode/", "/.idea/", "/actuator/",
    ];

    /// <summary>User-agent fragments of well-known scanners and brute forcers.</summary>
    public static IReadOnlyList<string> ScannerAgents { get; } =
    [
        "wpscan", "sqlmap", "nikto", "hydra", "masscan", "zgrab", "nmap", "nuclei", "dirbuster", "gobuster",
        "feroxbuster", "wfuzz", "fuzz faster u fool", "acunetix", "netsparker", "whatweb", "openvas", "zmeu",
        "jorgee", "dirb/", "commix", "xsstrike",
    ];
}
