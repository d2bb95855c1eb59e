using System.Text;

namespace LogPipeline.Shipper.Tests.Processes;

/// <summary>
/// Lines whose JSON needs escapes, through the real binary (also the Native AOT one with SHIPPER_BINARY, whose vector
/// code differs from the JIT's): every byte arrives as it was written.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class EscapingProcessTests
{
    [Fact]
    public async Task Run_LinesNeedingEscapesAndInvalidUtf8_ArriveExactly()
    {
        await using var s = await Scenario.StartAsync();
        var lines = new List<byte[]>
        {
            "10.1.2.3 - - [22/Nov/2026:08:00:00 +0000] \"GET /?q=\\\"x\\\" HTTP/1.1\" 200 5 \"-\" \"curl/8\""u8.ToArray(),
            "windows line\r"u8.ToArray(),
            "tab\there, bell\u0007, escape\u001b, del\u007f, unit separator\u001f at the end\u001f"u8.ToArray(),
            "utf-8: é ü 日本 😀 \u2028 after a quote \" and a backslash \\"u8.ToArray(),
            (byte[])[.. "invalid after quotes \"a\" "u8, 0xff, .. " then text"u8],
            (byte[])[.. "truncated sequence at the end "u8, 0xc3],
        };
        for (var length = 1; length <= 40; length++)
        {
            // A quote, a backslash and a control character at every position of lines across 16-byte boundaries.
            var text = new string('a', length).ToCharArray();
            text[length / 2] = '"';
            text[length - 1] = length % 3 == 0 ? '\\' : length % 3 == 1 ? '\u0002' : '"';
            lines.Add(Encoding.UTF8.GetBytes(new string(text)));
        }

        var file = lines.SelectMany(l => (byte[])[.. l, (byte)'\n']).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(s.Logs, "escapes.log"), file);
        using var shipper = s.StartShipper();

        await s.WaitForAsync(lines.Count, TimeSpan.FromSeconds(20));

        var expected = lines.Select(l => System.Text.Unicode.Utf8.IsValid(l) ? Encoding.UTF8.GetString(l) : "base64:" + Convert.ToBase64String(l));
        Assert.Equal(expected, s.Receiver.Events.OrderBy(e => e.Offset).Select(e => e.Message));
    }
}
