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
}
