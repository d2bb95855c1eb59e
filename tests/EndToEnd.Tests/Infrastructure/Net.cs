using System.Net;
using System.Net.Sockets;

namespace LogPipeline.EndToEnd.Tests.Infrastructure;

internal static class Net
{
    /// <summary>A loopback port that was free a moment ago (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
