using LogPipeline.Shipper.Batching;

namespace LogPipeline.Shipper.Tests.Batching;

public sealed class BodyBufferTests
{
    [Fact]
    public void Write_PastTheFirstArray_GrowsAndKeepsEveryByteInOrder()
    {
        var expected = new byte[20_000];
        new Random(7).NextBytes(expected);
        var buffer = new BodyBuffer(4096);

        for (var at = 0; at < expected.Length; at += 1000)
        {
            buffer.Write(expected, at, 1000);
        }

        Assert.Equal(expected, buffer.Written.ToArray());
        Assert.Equal(expected.Length, buffer.Length);
    }

    [Fact]
    public void Return_AfterUse_BodyEmptyAndSecondReturnHarmless()
    {
        var buffer = new BodyBuffer(4096);
        buffer.Write("abc"u8);

        buffer.Return();
        buffer.Return();

        Assert.Equal(0, buffer.Written.Length);
    }
}
