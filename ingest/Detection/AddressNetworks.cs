using System.Net;

namespace LogPipeline.Ingest.Detection;

/// <summary>A set of addresses and CIDR networks ("192.0.2.7", "10.0.0.0/8", "::1/128").</summary>
internal sealed class AddressNetworks
{
    private readonly IPNetwork[] _networks;

    private AddressNetworks(IPNetwork[] networks) => _networks = networks;

    public static AddressNetworks Parse(IEnumerable<string> entries) =>
        new([.. entries.Select(e => TryParse(e, out var n) ? n : throw new ArgumentException($"Not an address or CIDR network: '{e}'. Validate the options first.", nameof(entries)))]);

    public static void Validate(string key, IReadOnlyList<string> entries, List<string> errors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (!TryParse(entries[i], out _))
            {
                errors.Add($"{key}:{i} must be an IP address or a CIDR network such as \"10.0.0.0/8\" (got \"{entries[i]}\").");
            }
        }
    }

    public bool Contains(IPAddress address)
    {
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParse(string entry, out IPNetwork network)
    {
        var text = entry.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(text, out network);
        }

        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        network = default;
        return false;
    }
}
