using System.Globalization;
using System.Text.RegularExpressions;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Parses the times the CLI accepts: ISO-8601 (<c>2026-11-02T08:00:00Z</c>, <c>2026-11-02</c>; no offset means UTC),
/// <c>now</c>, and <c>now</c> plus or minus an amount in s, m, h, d or w (<c>now-7d</c>, <c>now-90m</c>).
/// </summary>
internal static partial class TimeExpression
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        var relative = Relative().Match(text.Trim());
        if (relative.Success)
        {
            value = now;
            if (relative.Groups["amount"].Success)
            {
                var amount = long.Parse(relative.Groups["amount"].ValueSpan, CultureInfo.InvariantCulture);
                var unit = relative.Groups["unit"].Value switch
                {
                    "s" => TimeSpan.FromSeconds(1),
                    "m" => TimeSpan.FromMinutes(1),
                    "h" => TimeSpan.FromHours(1),
                    "d" => TimeSpan.FromDays(1),
                    _ => TimeSpan.FromDays(7),
                };
                var offset = unit * amount;
                value = relative.Groups["sign"].Value == "-" ? now - offset : now + offset;
            }

            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    [GeneratedRegex(@"^now(?:(?<sign>[+-])(?<amount>\d{1,6})(?<unit>[smhdw]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();
}
