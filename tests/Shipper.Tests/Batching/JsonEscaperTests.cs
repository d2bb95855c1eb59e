using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LogPipeline.Shipper.Batching;

namespace LogPipeline.Shipper.Tests.Batching;

public sealed class JsonEscaperTests
{
    private static readonly JavaScriptEncoder Reference = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    [Fact]
    public void Escape_EveryAsciiByteBetweenText_SameBytesAsTheEncoder()
    {
        for (var b = 0; b < 0x80; b++)
        {
            var source = (byte[])[(byte)'a', (byte)b, (byte)'z', (byte)b];

            Assert.True(Escaped(source).SequenceEqual(EncoderOutput(source)), $"byte 0x{b:X2}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text with no escape at all")]
    [InlineData("10.1.2.3 - - [22/Nov/2026:08:00:00 +0000] \"GET /?q=\\\"x\\\" HTTP/1.1\" 200 5 \"-\" \"curl\"")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("ends with CR\r")]
    [InlineData("tab\tnul\0bell\u0007esc\u001bdel\u007f")]
    [InlineData("é at the start, then \"quotes\"")]
    [InlineData("quotes \" first, then é ü 日本 😀 and \"more\" \\ \u2028 \u0001")]
    [InlineData("😀")]
    public void Escape_Message_SameBytesAsTheEncoderAndRoundTrips(string message)
    {
        var source = Encoding.UTF8.GetBytes(message);

        var escaped = Escaped(source);

        Assert.Equal(EncoderOutput(source), escaped);
        Assert.Equal(message, Decoded(escaped));
    }

    [Fact]
    public void Escape_RandomValidUtf8_SameBytesAsTheEncoderAndRoundTrips()
    {
        var random = new Random(20261122);
        string[] pieces = ["\"", "\\", "\r", "\n", "\t", "\u0000", "\u001f", "\u007f", "é", "日本", "😀", "\u2028", "a", "GET / HTTP/1.1", " "];
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(0, 80); n > 0; n--)
            {
                text.Append(pieces[random.Next(random.Next(2) == 0 ? 3 : pieces.Length)]);
            }

            var message = text.ToString();
            var source = Encoding.UTF8.GetBytes(message);
            var escaped = Escaped(source);

            Assert.Equal(EncoderOutput(source), escaped);
            Assert.Equal(message, Decoded(escaped));
        }
    }

    private static string? Decoded(byte[] escaped)
    {
        using var document = JsonDocument.Parse((byte[])[.. "\""u8, .. escaped, .. "\""u8]);
        return document.RootElement.GetString();
    }

    [Fact]
    public void TryEscape_EachEscapeAtEveryPositionOfLongLines_SameBytesAsTheEncoder()
    {
        // Lines up to three vectors long, with the byte to escape at every position: stops inside a vector, at its
        // edges and in the scalar tail.
        string[] specials = ["\"", "\\", "\r", "\u0000", "\u007f", "é", "😀"];
        foreach (var special in specials)
        {
            for (var length = 1; length <= 50; length++)
            {
                for (var at = 0; at < length; at++)
                {
                    var message = new string('x', at) + special + new string('y', length - at - 1);
                    var source = Encoding.UTF8.GetBytes(message);

                    Assert.True(Escaped(source).SequenceEqual(EncoderOutput(source)), $"{special} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void TryEscape_RandomBytes_FalseExactlyWhenNotUtf8()
    {
        var random = new Random(42);
        byte[] alphabet = [(byte)'a', (byte)'"', (byte)'\\', (byte)'\r', 0x01, 0x7f, 0x80, 0xbf, 0xc3, 0xa9, 0xe6, 0x97, 0xa5, 0xed, 0xa0, 0xf0, 0x9f, 0xff];
        for (var i = 0; i < 5000; i++)
        {
            var source = new byte[random.Next(0, random.Next(2) == 0 ? 12 : 60)];
            for (var k = 0; k < source.Length; k++)
            {
                source[k] = alphabet[random.Next(alphabet.Length)];
            }

            var destination = new byte[source.Length * JsonEscaper.MaxExpansion];
            var escaped = JsonEscaper.TryEscape(source, destination, out var written);

            Assert.Equal(Utf8.IsValid(source), escaped);
            if (escaped)
            {
                Assert.Equal(EncoderOutput(source), destination[..written]);
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0x61, 0xff })] // a quote escaped before the bad byte
    [InlineData(new byte[] { 0x0d, 0xc3 })] // a CR, then a truncated sequence
    [InlineData(new byte[] { 0xc0, 0xaf })] // overlong
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 })] // a UTF-16 surrogate encoded
    [InlineData(new byte[] { 0xc3, 0xa9, 0x22, 0x80 })] // valid é, then a stray continuation byte
    public void TryEscape_InvalidUtf8_False(byte[] source)
    {
        Assert.False(JsonEscaper.TryEscape(source, new byte[source.Length * JsonEscaper.MaxExpansion], out _));
    }

    private static byte[] Escaped(byte[] source)
    {
        var destination = new byte[source.Length * JsonEscaper.MaxExpansion];
        Assert.True(JsonEscaper.TryEscape(source, destination, out var written));
        return destination[..written];
    }

    private static byte[] EncoderOutput(byte[] source)
    {
        var destination = new byte[(source.Length * JsonEscaper.MaxExpansion) + 16];
        Reference.EncodeUtf8(source, destination, out _, out var written);
        return destination[..written];
    }
}
