using System.Net;
using LogPipeline.Parsers.Ecs;

namespace LogPipeline.Ingest.Detection;

/// <summary>
/// Finds the real client address of an access event: the first configured field that holds a valid address. A field
/// holding an X-Forwarded-For list ("client, proxy1, proxy2") is read from the right, skipping trusted proxies, because
/// only the entries our own proxies appended can be believed. Entries may also be separated by '|', as in HAProxy's
/// captured request headers (<c>haproxy.http.request.captured_headers</c>); entries that are not addresses are skipped.
/// </summary>
internal sealed class ClientAddressResolver
{
    private readonly string[] _fields;
    private readonly AddressNetworks _trusted;

    public ClientAddressResolver(IReadOnlyList<string> fields, AddressNetworks trustedProxies)
    {
        _fields = [.. fields];
        _trusted = trustedProxies;
    }

    public IPAddress? Resolve(EcsDocument document)
    {
        foreach (var field in _fields)
        {
            if (document.GetString(field) is { Length: > 0 } value && TryReadList(value, out var address))
            {
                return address;
            }
        }

        return null;
    }

    internal bool TryReadList(string value, out IPAddress address)
    {
        IPAddress? leftMost = null;
        var rest = value.AsSpan();
        while (rest.Length > 0)
        {
            var comma = rest.LastIndexOfAny(',', '|');
            var entry = (comma < 0 ? rest : rest[(comma + 1)..]).Trim();
            rest = comma < 0 ? [] : rest[..comma];
            if (!TryParseOne(entry, out var candidate))
            {
                continue;
            }

            if (!_trusted.Contains(candidate))
            {
                address = candidate;
                return true;
            }

            leftMost = candidate;
        }

        address = leftMost!;
        return leftMost is not null;
    }

    private static bool TryParseOne(ReadOnlySpan<char> entry, out IPAddress address)
    {
        if (IPAddress.TryParse(entry, out var parsed) || (IPEndPoint.TryParse(entry, out var endPoint) && (parsed = endPoint.Address) is not null))
        {
            address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }
}
