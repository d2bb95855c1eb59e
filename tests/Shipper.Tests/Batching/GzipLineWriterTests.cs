using System.IO.Compression;
using System.Text;
using LogPipeline.Shipper.Batching;

namespace LogPipeline.Shipper.Tests.Batching;

public sealed class GzipLineWriterTests
{
    [Fact]
    public void Finish_NoLines_EmptyGzipMember()
    {
        var writer = new GzipLineWriter();
        var body = new MemoryStream();
        writer.Start(body);

        writer.Finish();

        Assert.Empty(Inflate(body.ToArray()));
    }

    [Fact]
    public void Commit_ManyKindsOfLines_InflateGivesTheSameBytes()
    {
        var random = new Random(11);
        var lines = new List<byte[]>
        {
            Array.Empty<byte>(),
            "a"u8.ToArray(),
            "abcd"u8.ToArray(),
            Encoding.ASCII.GetBytes(new string('x', 1000)), // a run: overlapping matches, several of 258
            Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcdefgh", 200))),
        };
        for (var i = 0; i < 3000; i++)
        {
            var line = new byte[random.Next(0, 400)];
            random.NextBytes(line);
            if (i % 3 != 0)
            {
                // Log-like text: repeated words, so most bytes come out as matches at various distances.
                var words = new[] { "GET ", "/index.php", " HTTP/1.1\" ", "200 ", "Mozilla/5.0 ", "\"-\" ", "10.0.", "wp-login" };
                line = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => words[random.Next(words.Length)] + random.Next(1000))));
            }

            lines.Add(line);
        }

        AssertRoundTrip(lines, random);
    }

    [Fact]
    public void Commit_LinesLongerThanTheWindowAndBuffer_InflateGivesTheSameBytes()
    {
        var random = new Random(5);
        var text = new byte[300_000];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = (byte)"abcdefghij0123456789 \"/"[random.Next(23)];
        }

        var lines = new List<byte[]> { text, text[..70_000], new byte[200_000], text[1000..140_000], text[..10] };
        random.NextBytes(lines[2]); // Incompressible: literals of 8 and 9 bits throughout.

        AssertRoundTrip(lines, random);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(32_000)]
    [InlineData(32_768)] // the farthest deflate can reach
    public void Commit_RepeatAtDistance_MatchedUpToTheWindowAndRoundTrips(int distance)
    {
        var near = Compress(RepeatAt(distance), out var text);
        var beyond = Compress(RepeatAt(32_769), out _); // one byte too far: literals

        Assert.True(near.Length < beyond.Length - 200, $"{near.Length} bytes against {beyond.Length}");
        Assert.Equal(text, Inflate(near));
    }

    [Fact]
    public void Commit_RepetitiveLogLines_SmallerThanAThirdOfTheText()
    {
        var writer = new GzipLineWriter();
        var body = new MemoryStream();
        writer.Start(body);
        var raw = 0;
        for (var i = 0; i < 5000; i++)
        {
            var line = Encoding.ASCII.GetBytes($"{{\"id\":\"{i * 2654435761L:x16}{i * 40503L:x16}\",\"host\":\"web-01\",\"offset\":{i * 180},\"message\":\"10.0.{i % 256}.{i % 7} - - \\\"GET /item/{i} HTTP/1.1\\\" 200 {i % 997}\"}}\n");
            line.CopyTo(writer.GetSpan(line.Length));
            writer.Commit(line.Length, 7, 39);
            raw += line.Length;
        }

        writer.Finish();

        Assert.Equal(raw, Inflate(body.ToArray()).Length);
        Assert.True(body.Length * 3 < raw, $"{body.Length} bytes for {raw}");
    }

    /// <summary>
    /// Random bytes in which 300 come again <paramref name="distance"/> bytes later; after 200,000 others, so that the
    /// writer's buffer has moved its window down on the way (the repeat must still be found across that).
    /// </summary>
    private static byte[] RepeatAt(int distance)
    {
        const int Before = 200_000;
        var text = new byte[Before + distance + 300];
        new Random(3).NextBytes(text);
        text.AsSpan(Before, 300).CopyTo(text.AsSpan(Before + distance));
        return text;
    }

    private static byte[] Compress(byte[] text, out byte[] same)
    {
        var writer = new GzipLineWriter();
        var body = new MemoryStream();
        writer.Start(body);
        for (var at = 0; at < text.Length; at += 1000)
        {
            var line = text.AsSpan(at, Math.Min(1000, text.Length - at));
            line.CopyTo(writer.GetSpan(line.Length));
            writer.Commit(line.Length, 0, 0);
        }

        writer.Finish();
        same = text;
        return body.ToArray();
    }

    private static void AssertRoundTrip(List<byte[]> lines, Random random)
    {
        var writer = new GzipLineWriter();
        foreach (var member in new[] { 0, 1 })
        {
            // Twice with the same writer: the second member must not see the first one's history.
            var body = new MemoryStream();
            writer.Start(body);
            var expected = new MemoryStream();
            foreach (var line in lines)
            {
                line.CopyTo(writer.GetSpan(line.Length));
                var from = line.Length == 0 ? 0 : random.Next(line.Length);
                writer.Commit(line.Length, from, Math.Min(line.Length, from + random.Next(40)));
                expected.Write(line);
            }

            writer.Finish();

            Assert.True(expected.ToArray().AsSpan().SequenceEqual(Inflate(body.ToArray())), $"member {member}");
        }
    }

    private static byte[] Inflate(byte[] gzip)
    {
        using var inflate = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }
}
