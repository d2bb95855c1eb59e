namespace LogPipeline.Parsers.Text;

/// <summary>Line-ending hygiene: a CR left by a CRLF file, or a trailing newline, is not part of the event.</summary>
internal static class LineText
{
    public static string Trim(string text)
    {
        var end = text.Length;
        while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        return end == text.Length ? text : text[..end];
    }
}
