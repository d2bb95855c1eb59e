using System.Text;

namespace LogPipeline.QueryUi.Api;

/// <summary>
/// CSV cells (RFC 4180 quoting). Log values are attacker-controlled, so a cell a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) gets a leading apostrophe.
/// </summary>
internal static class CsvText
{
    public static void AppendCell(StringBuilder line, string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public static string Line(IEnumerable<string> cells)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                line.Append(',');
            }

            AppendCell(line, cell);
            first = false;
        }

        return line.Append("\r\n").ToString();
    }
}
