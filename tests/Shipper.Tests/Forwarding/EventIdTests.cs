using System.Security.Cryptography;
using System.Text;
using LogPipeline.Shipper.Forwarding;

namespace LogPipeline.Shipper.Tests.Forwarding;

public sealed class EventIdTests
{
    [Fact]
    public void Compute_MatchesProtocolDefinition()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("web-01\nabc123\n4096"))[..16]);

        Assert.Equal(expected, EventId.Compute("web-01", "abc123", 4096));
    }

    [Fact]
    public void Compute_DifferentOffset_DifferentId()
    {
        Assert.NotEqual(EventId.Compute("h", "f", 0), EventId.Compute("h", "f", 1));
        Assert.Equal(EventId.Compute("h", "f", 7), EventId.Compute("h", "f", 7));
    }

    [Theory]
    [InlineData("web-01", "0123456789abcdef0123456789abcdef")] // one SHA-256 block
    [InlineData("a-rather-long-host-name.eu-west.example.internal", "0123456789abcdef0123456789abcdef")] // two blocks
    [InlineData("ip-10-0-1-23.eu-west-1.compute.internal", "0123456789abcdef0123456789abcdef")] // first block hashed once
    [InlineData("host-name-of-exactly-sixty-two-characters.example.internal.xyz", "9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c")] // a prefix of two whole blocks
    public void Compute_ManyOffsets_SameAsDotNetSha256(string host, string fingerprint)
    {
        foreach (var offset in new long[] { 0, 1, 9, 10, 99_999, 1L << 31, 123_456_789_012, long.MaxValue })
        {
            var text = Encoding.UTF8.GetBytes($"{host}\n{fingerprint}\n{offset}");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(text)[..16]), EventId.Compute(host, fingerprint, offset));
        }
    }

    [Theory]
    [InlineData("web-01", "0123456789abcdef0123456789abcdef", false)] // 40 bytes: no whole block
    [InlineData("ip-10-0-1-23.eu-west-1.compute.internal", "0123456789abcdef0123456789abcdef", true)] // 73 bytes
    public void Precomputed_PrefixLength_FirstBlockHashedOnceWhenWhole(string host, string fingerprint, bool expected)
    {
        var writer = new EventIdWriter(host, fingerprint);
        Span<byte> id = stackalloc byte[EventId.Length];
        writer.Write(123, id);

        Assert.Equal(expected, writer.Precomputed);
        var text = Encoding.UTF8.GetBytes($"{host}\n{fingerprint}\n123");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(text)[..16]), Encoding.ASCII.GetString(id));
    }

    [Fact]
    public void HashFrom_AbsorbedBlocksThenRest_SameAsHashOfTheWhole()
    {
        var data = new byte[260];
        new Random(7).NextBytes(data);
        var context = new byte[Sha256Native.ContextBytes];
        Span<byte> hash = stackalloc byte[32];
        foreach (var blocks in new[] { 64, 128, 192 })
        {
            Assert.True(Sha256Native.TryAbsorb(data.AsSpan(0, blocks), context));
            for (var length = blocks; length <= data.Length; length++)
            {
                Sha256Native.HashFrom(context, data.AsSpan(blocks, length - blocks), hash);
                Assert.Equal(SHA256.HashData(data.AsSpan(0, length)), hash.ToArray());
            }
        }
    }

    [Fact]
    public void Hash_LibcryptoPresent_NativePathUsedAndAgreesForEveryLength()
    {
        Assert.True(Sha256Native.IsNative, "libcrypto (libssl3) is on every machine .NET runs on here");
        var data = new byte[300];
        new Random(4).NextBytes(data);
        Span<byte> hash = stackalloc byte[32];
        for (var length = 0; length <= data.Length; length++)
        {
            Sha256Native.Hash(data.AsSpan(0, length), hash);
            Assert.Equal(SHA256.HashData(data.AsSpan(0, length)), hash.ToArray());
        }
    }
}
