namespace LogPipeline.Ingest.Tests.Detection;

/// <summary>Heavy benign users that must never raise an alert.</summary>
internal static partial class PlantedTraffic
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static void AddBenign(AddEvent add)
    {
        // A monitoring probe: GET / every second, all day.
        for (var s = 0; s < Duration.TotalSeconds; s++)
        {
            add(TimeSpan.FromSeconds(s), "web1", Monitor, "GET", "/", 200, "site-monitor/2.1");
        }

        AddOffice(add);

        // A crawler: a page every two seconds, a dead link now and then.
        for (var i = 0; i < Duration.TotalSeconds / 2; i++)
        {
            var dead = i % 60 == 0;
            add(TimeSpan.FromSeconds(2 * i), "web2", Crawler, "GET", dead ? $"/archive/gone-{i}/" : $"/blog/post-{i % 700}/", dead ? 404 : 200, "ExampleBot/1.0 (+https://bot.example/)");
        }
    }

    /// <summary>
    /// A busy office behind one NAT address: pages, assets, admin AJAX, a few broken links and missing icons, and
    /// people logging in every half hour, some after mistyping their password (up to four times).
    /// </summary>
    private static void AddOffice(AddEvent add)
    {
        var random = new Random(8);
        string[] pages = ["/", "/blog/", "/about/", "/contact/", "/wp-admin/", "/wp-admin/edit.php", "/shop/cart/"];
        string[] broken = ["/old-page/", "/blog/renamed-post/", "/wp-content/uploads/2019/old.pdf", "/favicon.ico", "/img/missing.png"];
        for (var ms = 0; ms < Duration.TotalMilliseconds; ms += random.Next(100, 600))
        {
            var at = TimeSpan.FromMilliseconds(ms);
            var host = random.Next(3) == 0 ? "web2" : "web1";
            switch (random.Next(20))
            {
                case 0:
                    add(at, host, OfficeNat, "GET", broken[random.Next(broken.Length)], 404, Browser);
                    break;
                case 1 or 2 or 3:
                    add(at, host, OfficeNat, "POST", "/wp-admin/admin-ajax.php", 200, Browser);
                    break;
                case 4 or 5 or 6 or 7:
                    add(at, host, OfficeNat, "GET", $"/wp-content/themes/site/style.css?ver={random.Next(3)}", 200, Browser);
                    break;
                default:
                    add(at, host, OfficeNat, "GET", pages[random.Next(pages.Length)], 200, Browser);
                    break;
            }
        }

        for (var login = 0; login < 6; login++)
        {
            var at = TimeSpan.FromMinutes(5 + (30 * login));
            var failures = login == 3 ? 4 : login % 3;
            for (var f = 0; f < failures; f++)
            {
                add(at + TimeSpan.FromSeconds(25 * f), "web1", OfficeNat, "POST", "/wp-login.php", 200, Browser);
            }

            add(at + TimeSpan.FromSeconds(25 * failures), "web1", OfficeNat, "POST", "/wp-login.php", 302, Browser);
        }
    }
}
