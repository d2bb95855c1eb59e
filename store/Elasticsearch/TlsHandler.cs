using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LogPipeline.Store.Elasticsearch;

/// <summary>
/// The HTTP handler for real clusters: pooled connections, gzip, and the server certificate checked against the
/// system roots, plus the CA of <see cref="ElasticsearchStoreOptions.CaFile"/> when set (the host name is always
/// checked), or not at all with <see cref="ElasticsearchStoreOptions.InsecureSkipVerify"/>.
/// </summary>
internal static class TlsHandler
{
    public static SocketsHttpHandler Create(ElasticsearchStoreOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
        if (options.InsecureSkipVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (!string.IsNullOrEmpty(options.CaFile))
        {
            var authorities = LoadAuthorities(options.CaFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                IsTrusted(certificate, chain, errors, authorities);
        }

        return handler;
    }

    public static X509Certificate2Collection LoadAuthorities(string caFile)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ElasticsearchStoreException($"ElasticsearchStoreOptions.CaFile '{caFile}' cannot be read as PEM certificates: {e.Message}", e);
        }

        if (authorities.Count == 0)
        {
            throw new ElasticsearchStoreException($"ElasticsearchStoreOptions.CaFile '{caFile}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }

        return authorities;
    }

    /// <summary>Trusts a chain that ends at one of <paramref name="authorities"/>; a wrong host name is never accepted.</summary>
    public static bool IsTrusted(
        X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
