using LogPipeline.Ingest.Detection;

namespace LogPipeline.Ingest.Tests.Detection;

public sealed class ClientAddressResolverTests
{
    private readonly ClientAddressResolver _resolver = new(["x"], AddressNetworks.Parse(["10.0.0.0/8", "2001:db8::/32"]));

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("192.0.2.1, 10.0.0.1", "192.0.2.1")]
    [InlineData("6.6.6.6, 192.0.2.1, 10.1.2.3", "192.0.2.1")]
    [InlineData("192.0.2.1:51234", "192.0.2.1")]
    [InlineData("unknown, 192.0.2.1", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("10.0.0.9, 10.0.0.8", "10.0.0.9")]
    [InlineData("www.example.com|curl/8.5|192.0.2.1, 10.0.0.1", "192.0.2.1")]
    [InlineData("2001:db8::5, 2001:db8::1", "2001:db8::5")]
    public void TryReadList_ForwardedForValue_RightMostUntrustedEntry(string value, string expected)
    {
        Assert.True(_resolver.TryReadList(value, out var address));
        Assert.Equal(expected, address.ToString());
    }

    [Theory]
    [InlineData("-")]
    [InlineData("unknown")]
    public void TryReadList_NoAddress_False(string value) => Assert.False(_resolver.TryReadList(value, out _));
}
