using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace LogPipeline.Store.Tests.Elasticsearch;

/// <summary>
/// A minimal HTTPS endpoint on loopback with a certificate for <c>localhost</c> signed by a CA made for the test:
/// answers every request as an 8.x cluster's root and template calls do, one request per connection.
/// </summary>
internal sealed class TlsTestServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _serverCertificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TlsTestServer(string directory)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=LogPipeline Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var notBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(ca, notBefore.AddDays(1), notAfter.AddDays(-1), [1, 2, 3, 4]);
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        _serverCertificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

        CaFile = Path.Combine(directory, "http_ca.crt");
        File.WriteAllText(CaFile, ca.ExportCertificatePem());
        _listener.Start();
        Url = new Uri($"https://localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public string CaFile { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; its exceptions are of no interest once the test is over.
        }

        _serverCertificate.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(_serverCertificate);
                var head = await ReadHeadAsync(tls);
                var body = head.StartsWith("GET / ", StringComparison.Ordinal) ? EsResponses.Root("8.15.3") : EsResponses.Acknowledged;
                var bytes = Encoding.UTF8.GetBytes(body);
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
                await tls.WriteAsync(Encoding.ASCII.GetBytes(response).Concat(bytes).ToArray());
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // A client that refused our certificate hangs up mid-handshake: that is what some tests expect.
            }
        }
    }

    /// <summary>Reads the request line and headers, then the body announced by Content-Length.</summary>
    private static async Task<string> ReadHeadAsync(SslStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfBlankLine(received)) < 0)
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0)
            {
                throw new IOException("client closed before the request ended");
            }

            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        var head = Encoding.ASCII.GetString(received.GetRange(0, headEnd).ToArray());
        var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (received.Count < headEnd + 4 + length)
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        return head;
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
