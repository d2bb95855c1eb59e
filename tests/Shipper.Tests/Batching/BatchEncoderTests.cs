using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LogPipeline.Shipper.Batching;
using LogPipeline.Shipper.Forwarding;
using LogPipeline.Shipper.Framing;

namespace LogPipeline.Shipper.Tests.Batching;

public sealed class BatchEncoderTests
{
    internal static List<JsonElement> Decode(ReadOnlyMemory<byte> gzipBody)
    {
        using var gzip = new GZipStream(new MemoryStream(gzipBody.ToArray()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var text = reader.ReadToEnd();
        Assert.EndsWith("\n", text);
        return [.. text.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    [Fact]
    public void Finish_TwoLines_NdjsonWithProtocolFieldsAndAcks()
    {
        var file = ChunkBuilder.File();
        var input = ChunkBuilder.Input();
        input.Fields["env"] = "prod";
        input.Tags.Add("web");
        using var encoder = new BatchEncoder("web-01");
        var chunk = ChunkBuilder.Lines(file, input, 10, "GET / 200"u8.ToArray(), "say \"hi\"\r"u8.ToArray());

        foreach (var slice in chunk.Events)
        {
            encoder.Add(chunk, slice);
        }

        var batch = encoder.Finish();
        var events = Decode(batch.Body);

        Assert.Equal(2, batch.Events);
        Assert.Equal(EventId.Compute("web-01", "f00d", 10), events[0].GetProperty("id").GetString());
        Assert.Equal("web-01", events[0].GetProperty("host").GetString());
        Assert.Equal("/var/log/a.log", events[0].GetProperty("file").GetString());
        Assert.Equal(10, events[0].GetProperty("offset").GetInt64());
        Assert.Equal("apache.access", events[0].GetProperty("dataset").GetString());
        Assert.Equal("say \"hi\"\r", events[1].GetProperty("message").GetString());
        Assert.Equal("prod", events[1].GetProperty("fields").GetProperty("env").GetString());
        Assert.Equal(["web"], events[1].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var ack = Assert.Single(batch.Acks);
        Assert.Same(file, ack.File);
        Assert.Equal(10 + 10 + 10, ack.Offset);
    }

    [Fact]
    public void Add_InvalidUtf8_SentAsBase64()
    {
        using var encoder = new BatchEncoder("h");
        var bytes = new byte[] { (byte)'a', 0xff, (byte)'b' };
        var chunk = ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), 0, bytes);

        encoder.Add(chunk, chunk.Events[0]);
        var e = Decode(encoder.Finish().Body).Single();

        Assert.False(e.TryGetProperty("message", out _));
        Assert.Equal(bytes, Convert.FromBase64String(e.GetProperty("message_base64").GetString()!));
    }

    [Fact]
    public void Add_InvalidUtf8AfterEscapes_Base64OfTheExactBytesThenTheNextEventAsText()
    {
        using var encoder = new BatchEncoder("h");
        var bad = "say \"hi\"\r\n\u0001 é "u8.ToArray().Append((byte)0xe9).Append((byte)'!').ToArray();
        var chunk = ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), 0, bad, "next \"ok\""u8.ToArray());

        foreach (var slice in chunk.Events)
        {
            encoder.Add(chunk, slice);
        }

        var events = Decode(encoder.Finish().Body);
        Assert.False(events[0].TryGetProperty("message", out _));
        Assert.Equal(bad, Convert.FromBase64String(events[0].GetProperty("message_base64").GetString()!));
        Assert.Equal("next \"ok\"", events[1].GetProperty("message").GetString());
    }

    [Fact]
    public void Add_SplitPart_TaggedLineSplit()
    {
        using var encoder = new BatchEncoder("h");
        var chunk = ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), 0, "abc"u8.ToArray());
        var slice = chunk.Events[0] with { Split = true };

        encoder.Add(chunk, slice);

        var e = Decode(encoder.Finish().Body).Single();
        Assert.Equal([BatchEncoder.SplitTag], e.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Finish_Twice_SecondBatchStartsEmpty()
    {
        using var encoder = new BatchEncoder("h");
        var chunk = ChunkBuilder.Lines(ChunkBuilder.File(), ChunkBuilder.Input(), 0, "a"u8.ToArray(), "b"u8.ToArray());
        encoder.Add(chunk, chunk.Events[0]);
        encoder.Finish();

        encoder.Add(chunk, chunk.Events[1]);
        var second = encoder.Finish();

        Assert.Equal(1, second.Events);
        Assert.Equal("b", Decode(second.Body).Single().GetProperty("message").GetString());
        Assert.Equal(4, second.Acks.Single().Offset);
    }

    [Fact]
    public void Add_CharactersJsonMustEscape_RoundTripExactly()
    {
        var file = ChunkBuilder.File(path: "/var/log/we\"ird\\name.log");
        var input = ChunkBuilder.Input();
        input.Fields["service.name"] = "shop \"eu\"";
        using var encoder = new BatchEncoder("web-01");
        const string message = "tab\there \"quoted\" back\\slash \u0001 ctl, é ü 日本 </script> \u2028";
        var chunk = ChunkBuilder.Lines(file, input, 0, Encoding.UTF8.GetBytes(message), "plain"u8.ToArray());

        foreach (var slice in chunk.Events)
        {
            encoder.Add(chunk, slice);
        }

        var events = Decode(encoder.Finish().Body);

        Assert.Equal(message, events[0].GetProperty("message").GetString());
        Assert.Equal("plain", events[1].GetProperty("message").GetString());
        Assert.Equal("/var/log/we\"ird\\name.log", events[1].GetProperty("file").GetString());
        Assert.Equal("shop \"eu\"", events[0].GetProperty("fields").GetProperty("service.name").GetString());
        Assert.Equal(EventId.Compute("web-01", "f00d", 0), events[0].GetProperty("id").GetString());
        Assert.Equal(Encoding.UTF8.GetByteCount(message) + 1, events[1].GetProperty("offset").GetInt64());
    }

    [Fact]
    public void Add_TwoFilesTwoInputs_EachEventCarriesItsOwnFileAndDataset()
    {
        var a = ChunkBuilder.File("/a.log", "aa");
        var b = ChunkBuilder.File("/b.log", "bb");
        using var encoder = new BatchEncoder("h");
        var first = ChunkBuilder.Lines(a, ChunkBuilder.Input("apache.access"), 0, "1"u8.ToArray());
        var second = ChunkBuilder.Lines(b, ChunkBuilder.Input("haproxy.log"), 5, "2"u8.ToArray());
        var third = ChunkBuilder.Lines(a, ChunkBuilder.Input("apache.access"), 2, "3"u8.ToArray());

        foreach (var chunk in new[] { first, second, third })
        {
            encoder.Add(chunk, chunk.Events[0]);
        }

        var events = Decode(encoder.Finish().Body);

        Assert.Equal(["/a.log", "/b.log", "/a.log"], events.Select(e => e.GetProperty("file").GetString()));
        Assert.Equal(["aa", "bb", "aa"], events.Select(e => e.GetProperty("fingerprint").GetString()));
        Assert.Equal(["apache.access", "haproxy.log", "apache.access"], events.Select(e => e.GetProperty("dataset").GetString()));
        Assert.Equal([0L, 5L, 2L], events.Select(e => e.GetProperty("offset").GetInt64()));
        Assert.False(events[0].TryGetProperty("tags", out _));
    }

    [Fact]
    public void Finish_RunsOfTwoFilesInterleaved_EachFileAckedAtItsLastEvent()
    {
        var a = ChunkBuilder.File("/a.log", "aa");
        var b = ChunkBuilder.File("/b.log", "bb");
        var input = ChunkBuilder.Input();
        using var encoder = new BatchEncoder("h");
        var chunks = new[]
        {
            ChunkBuilder.Lines(a, input, 0, "a1"u8.ToArray(), "a2"u8.ToArray()),
            ChunkBuilder.Lines(b, input, 100, "b1"u8.ToArray()),
            ChunkBuilder.Lines(a, input, 6, "a3"u8.ToArray()),
        };

        foreach (var chunk in chunks)
        {
            foreach (var slice in chunk.Events)
            {
                encoder.Add(chunk, slice);
            }
        }

        var batch = encoder.Finish();

        Assert.Equal([(a, 9L), (b, 103L)], batch.Acks);
        Assert.Equal(["a1", "a2", "b1", "a3"], Decode(batch.Body).Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public void Finish_CutInsideARun_EachBatchAckedAtItsOwnLastEvent()
    {
        var file = ChunkBuilder.File();
        using var encoder = new BatchEncoder("h");
        var chunk = ChunkBuilder.Lines(file, ChunkBuilder.Input(), 0, "one"u8.ToArray(), "two"u8.ToArray(), "three"u8.ToArray());

        encoder.Add(chunk, chunk.Events[0]);
        var first = encoder.Finish();
        encoder.Add(chunk, chunk.Events[1]);
        encoder.Add(chunk, chunk.Events[2]);
        var second = encoder.Finish();

        Assert.Equal([(file, 4L)], first.Acks);
        Assert.Equal([(file, 14L)], second.Acks);
    }
}
