namespace LogPipeline.QueryUi.Scans;

/// <summary>
/// The paths scanners probe on WordPress sites (login and XML-RPC brute force, admin, secrets, repositories, database
/// tools and dumps), as one query in the store's language, and the alerts ingest's detector writes.
/// </summary>
internal static class ProbeQuery
{
    public static readonly IReadOnlyList<string> Patterns =
    [
        "*wp-login.php*", "*xmlrpc.php*", "*/wp-admin*", "*/.env*", "*/.git*", "*wp-config*", "*phpmyadmin*", "*/pma/*",
        "*/adminer*", "*/.aws*", "*/.ssh*", "*/.htpasswd*", "*/vendor/phpunit*", "*/server-status*", "*.sql", "*/phpinfo*",
    ];

    /// <summary><c>path:*wp-login.php* OR path:*xmlrpc.php* OR …</c> (url.path; case-insensitive).</summary>
    public static string Text { get; } = string.Join(" OR ", Patterns.Select(p => "path:" + Escape(p)));

    public const string Alerts = "event.dataset:logpipeline.alert";

    public const string LoginPath = "/wp-login.php";

    /// <summary>Backslash before every character the query language treats as syntax, keeping <c>*</c> a wildcard.</summary>
    private static string Escape(string pattern) =>
        string.Concat(pattern.Select(c => char.IsLetterOrDigit(c) || c is '*' ? c.ToString() : "\\" + c));
}
