using System.Net;

namespace LogPipeline.QueryUi.Security;

/// <summary>Whether the addresses the UI listens on (<c>--urls</c>, separated by ';') are all loopback.</summary>
internal static class ListenAddresses
{
    /// <summary>The first non-loopback URL, or null when every one is loopback.</summary>
    public static string? FirstNonLoopback(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url))
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>A Host header (name or address, optional port) that names this machine's loopback.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && IsLoopbackHost(uri.Host);
}
