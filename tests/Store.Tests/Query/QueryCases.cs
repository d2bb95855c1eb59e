using System.Text.RegularExpressions;
using LogPipeline.Store.Tests.Support;

namespace LogPipeline.Store.Tests.Query;

/// <summary>The case table both compilers run: SQLite executes it on the data set, Elasticsearch is compared as JSON.</summary>
internal static partial class QueryCases
{
    public static readonly IReadOnlyList<QueryCase> All =
    [
        new("", _ => true, MatchAll),
        new("*", _ => true, MatchAll),
        new("xmlrpc", s => s.Words.Contains("xmlrpc"), Text("xmlrpc")),
        new("SQLMAP", s => s.Words.Contains("sqlmap"), Text("SQLMAP")),
        new("wp-login.php", s => s.HasPhrase("wp login php"), Text("wp-login.php")),
        new("\"GET /wp-login.php\"", s => s.HasPhrase("get wp login php"), Text("GET /wp-login.php")),
        new("symbolic link", s => s.Words.Contains("symbolic") && s.Words.Contains("link"), Bool("filter", Text("symbolic"), Text("link"))),
        new("path:/wp-login.php", s => Eq(s.Path, "/wp-login.php"), Term("url.path", "/wp-login.php", ci: true)),
        new("path:/WP-LOGIN.PHP", s => Eq(s.Path, "/wp-login.php"), Term("url.path", "/WP-LOGIN.PHP", ci: true)),
        new("path:/wp-login.php AND status:404", s => Eq(s.Path, "/wp-login.php") && s.Status == 404,
            Bool("filter", Term("url.path", "/wp-login.php", ci: true), Term("http.response.status_code", 404))),
        new("status:404 OR status:500", s => s.Status is 404 or 500,
            Bool("should", Term("http.response.status_code", 404), Term("http.response.status_code", 500))),
        new("status:(404 OR 500)", s => s.Status is 404 or 500,
            Bool("should", Term("http.response.status_code", 404), Term("http.response.status_code", 500))),
        new("NOT status:200", s => s.Status != 200, Bool("must_not", Term("http.response.status_code", 200))),
        new("-status:200", s => s.Status != 200, Bool("must_not", Term("http.response.status_code", 200))),
        new("!status:200", s => s.Status != 200, Bool("must_not", Term("http.response.status_code", 200))),
        new("status:[400 TO 499]", s => s.Status is >= 400 and <= 499, Range("http.response.status_code", ("gte", 400), ("lte", 499))),
        new("status:{403 TO 500}", s => s.Status is > 403 and < 500, Range("http.response.status_code", ("gt", 403), ("lt", 500))),
        new("status:[500 TO *]", s => s.Status >= 500, Range("http.response.status_code", ("gte", 500))),
        new("status:>=500", s => s.Status >= 500, Range("http.response.status_code", ("gte", 500))),
        new("status:<300", s => s.Status < 300, Range("http.response.status_code", ("lt", 300))),
        new("bytes:>2000", s => s.Bytes > 2000, Range("http.response.body.bytes", ("gt", 2000))),
        new("ua:*curl*", s => Like(s.UserAgent, ".*curl.*"), Wildcard("user_agent.original", "*curl*", ci: true)),
        new("ua:*CURL*", s => Like(s.UserAgent, ".*curl.*"), Wildcard("user_agent.original", "*CURL*", ci: true)),
        new("path:/wp-*", s => Like(s.Path, "/wp-.*"), Wildcard("url.path", "/wp-*", ci: true)),
        new("url:/index.php?p=1", s => Like(s.Url, "/index\\.php.p=1"), Wildcard("url.original", "/index.php?p=1", ci: true)),
        new("ip:10.0.0.*", s => s.Ip?.StartsWith("10.0.0.", StringComparison.Ordinal) == true, Wildcard("source.ip", "10.0.0.*", ci: false)),
        new("ip:2001:db8::7", s => s.Ip == "2001:db8::7", Term("source.ip", "2001:db8::7", ci: false)),
        new("host:WEB1", s => Eq(s.Host, "web1"), Term("host.name", "WEB1", ci: true)),
        new("method:post", s => s.Method == "POST", Term("http.request.method", "post", ci: true)),
        new("dataset:apache.error", s => s.Dataset == "apache.error", Term("event.dataset", "apache.error", ci: false)),
        new("_exists_:haproxy.backend_name", s => s.Backend is not null, Exists("haproxy.backend_name")),
        new("haproxy.backend_name:*", s => s.Backend is not null, Exists("haproxy.backend_name")),
        new("NOT _exists_:http.response.status_code", s => s.Status is null, Bool("must_not", Exists("http.response.status_code"))),
        new("haproxy.backend_name:app_pool", s => s.Backend == "app_pool", Term("haproxy.backend_name", "app_pool", ci: false)),
        new("haproxy.backend_name:*_pool -haproxy.backend_name:static*", s => s.Backend == "app_pool",
            Bool2(("filter", Wildcard("haproxy.backend_name", "*_pool", ci: false)), ("must_not", Wildcard("haproxy.backend_name", "static*", ci: false)))),
        new("mysql.thread_id:42", s => s.ThreadId == 42, Term("mysql.thread_id", "42", ci: false)),
        new("mysql.thread_id:>43", s => s.ThreadId > 43, Range("mysql.thread_id", ("gt", 43))),
        new("tags:scanner", s => s.Tags.Contains("scanner"), Term("tags", "scanner", ci: false)),
        new("event.kind:alert", s => s.Kind == "alert", Term("event.kind", "alert", ci: false)),
        new("message:sqlmap", s => s.Message.Contains("sqlmap", StringComparison.Ordinal), Text("sqlmap", "message")),
        new("login*", s => s.Words.Any(w => w.StartsWith("login", StringComparison.Ordinal)), TextWildcard("login*")),
        new("*rpc", s => s.Words.Any(w => w.EndsWith("rpc", StringComparison.Ordinal)), TextWildcard("*rpc")),
        new("/xml.*/", s => s.Words.Any(w => w.StartsWith("xml", StringComparison.Ordinal)), TextRegex("xml.*")),
        new("path:/\\/wp-(login|admin).*/", s => Like(s.Path, "/wp-(login|admin).*"), Regexp("url.path", "/wp-(login|admin).*", ci: true)),
        new("ua:/.*(curl|wget).*/", s => Like(s.UserAgent, ".*(curl|wget).*"), Regexp("user_agent.original", ".*(curl|wget).*", ci: true)),
        new("xmlrpc OR (path:/wp-login.php AND method:POST)", s => s.Words.Contains("xmlrpc") || (Eq(s.Path, "/wp-login.php") && s.Method == "POST"),
            Bool("should", Text("xmlrpc"), Bool("filter", Term("url.path", "/wp-login.php", ci: true), Term("http.request.method", "POST", ci: true)))),
        new("wp-login.php AND NOT ip:10.0.0.5", s => s.HasPhrase("wp login php") && s.Ip != "10.0.0.5",
            Bool2(("filter", Text("wp-login.php")), ("must_not", Term("source.ip", "10.0.0.5", ci: false)))),
        new("status:404 and method:get", s => s.Status == 404 && s.Method == "GET",
            Bool("filter", Term("http.response.status_code", 404), Term("http.request.method", "get", ci: true))),
        new("status:404 || status:403 && host:web2", s => s.Status == 404 || (s.Status == 403 && Eq(s.Host, "web2")),
            Bool("should", Term("http.response.status_code", 404), Bool("filter", Term("http.response.status_code", 403), Term("host.name", "web2", ci: true)))),
        new("@timestamp:[2026-11-20T23:00:00Z TO 2026-11-21T01:00:00Z}", s => s.Time >= At(23) && s.Time < At(25),
            Range("@timestamp", ("gte", "2026-11-20T23:00:00.000Z"), ("lt", "2026-11-21T01:00:00.000Z"), ("format", "strict_date_optional_time"))),
        new("+sqlmap -status:200", s => s.Words.Contains("sqlmap") && s.Status != 200,
            Bool2(("filter", Text("sqlmap")), ("must_not", Term("http.response.status_code", 200)))),
        new("NOT xmlrpc", s => !s.Words.Contains("xmlrpc"), Bool("must_not", Text("xmlrpc"))),
        new("path:\"'; DROP TABLE events; --\"", _ => false, Term("url.path", "'; DROP TABLE events; --", ci: true)),
        new("\"NEAR(a b) OR message:x *\"", _ => false, Text("NEAR(a b) OR message:x *")),
        new("tags:\"') OR 1=1 --\"", _ => false, Term("tags", "') OR 1=1 --", ci: false)),
    ];

    private static DateTimeOffset At(int hour) => new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero).AddHours(hour);

    private static bool Eq(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Like(string? value, string regex) =>
        value is not null && Regex.IsMatch(value, "^(?:" + regex + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
