namespace LogPipeline.Ingest.Tests.Detection;

/// <summary>The planted attackers the default rules must find.</summary>
internal static partial class PlantedTraffic
{
    private const string Script = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";

    private static void AddAttackers(AddEvent add)
    {
        // Fast brute force: five failed logins a second for a minute.
        for (var i = 0; i < 300; i++)
        {
            add(TimeSpan.FromMinutes(30) + TimeSpan.FromMilliseconds(200 * i), "web1", FastBruteForcer, "POST", "/wp-login.php", 200, Script);
        }

        // Slow brute force: one failed login every 90 s for three hours, far below the flood rule's rate.
        for (var s = 0; s < Duration.TotalSeconds; s += 90)
        {
            add(TimeSpan.FromSeconds(s + 7), "web1", SlowBruteForcer, "POST", "/wp-login.php", 200, Script);
        }

        // Distributed brute force: 50 addresses, four failed logins each two minutes apart, all against web2.
        for (var a = 0; a < DistributedAttackers.Count; a++)
        {
            for (var k = 0; k < 4; k++)
            {
                add(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds((9 * a) + (120 * k)), "web2", DistributedAttackers[a], "POST", "/wp-login.php", 200, Script);
            }
        }

        // A success after failures: eight failures 30 s apart, then a 302.
        for (var i = 0; i <= 8; i++)
        {
            add(TimeSpan.FromMinutes(90) + TimeSpan.FromSeconds(30 * i), "web1", LoggedInAfterFailures, "POST", "/wp-login.php", i == 8 ? 302 : 200, Script);
        }

        AddScanners(add);
    }

    private static void AddScanners(AddEvent add)
    {
        var at = TimeSpan.FromMinutes(100);
        for (var i = 0; i < 30; i++)
        {
            add(at + TimeSpan.FromSeconds(i), "web2", WpScan, "GET", i % 2 == 0 ? "/" : $"/wp-content/plugins/plugin-{i}/readme.txt", i % 2 == 0 ? 200 : 404, "WPScan v3.8.25");
        }

        add(at + TimeSpan.FromMinutes(3), "web1", Sqlmap, "GET", "/?p=1%27%20AND%201=1", 200, "sqlmap/1.8.4#stable");

        string[] secrets = ["/.env", "/.git/config", "/wp-config.php.bak", "/phpmyadmin/", "/server-status"];
        for (var i = 0; i < secrets.Length; i++)
        {
            add(at + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(5 * i), "web1", SensitiveProber, "GET", secrets[i], i == 4 ? 403 : 404, Script);
        }

        for (var i = 0; i < 40; i++)
        {
            add(at + TimeSpan.FromMinutes(10) + TimeSpan.FromMilliseconds(500 * i), "web2", PathProber, "GET", $"/admin{i}.php", 404, Script);
        }

        for (var i = 0; i < 60; i++)
        {
            add(at + TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(i), "web1", XmlrpcFlooder, "POST", "/xmlrpc.php", 200, Script);
        }
    }
}
