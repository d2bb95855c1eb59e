using System.Security.Cryptography;
using System.Text;
using LogPipeline.Ingest.Configuration;

namespace LogPipeline.Ingest.Security;

/// <summary>
/// Checks bearer tokens against SHA-256 hashes. Clear tokens from flags are hashed at start; the tokens file holds only
/// hashes. Comparison is constant-time and always walks every known hash.
/// </summary>
internal sealed class TokenAuthenticator
{
    private readonly List<(string Name, byte[] Hash)> _hashes = [];

    public TokenAuthenticator(IngestOptions options)
    {
        Enabled = !options.NoAuth;
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            _hashes.Add(($"token{i + 1}", Hash(options.Tokens[i])));
        }

        if (options.TokensFile is { Length: > 0 } file)
        {
            foreach (var entry in TokensFile.Read(file))
            {
                _hashes.Add(entry);
            }
        }
    }

    public bool Enabled { get; }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The name of the shipper the token belongs to, or null when the header is missing or the token unknown.</summary>
    public string? Authenticate(string? authorizationHeader)
    {
        if (!Enabled)
        {
            return "anonymous";
        }

        const string Prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Match(authorizationHeader[Prefix.Length..].Trim());
    }

    /// <summary>
    /// The Elasticsearch-compatible intake also takes what Elasticsearch clients send: <c>Basic</c> (any user name,
    /// a token as the password) and <c>ApiKey</c> (base64 of <c>id:token</c>, or the token itself).
    /// </summary>
    public string? AuthenticateElasticsearchClient(string? authorizationHeader)
    {
        if (!Enabled)
        {
            return "anonymous";
        }

        var space = authorizationHeader?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space <= 0)
        {
            return null;
        }

        var scheme = authorizationHeader![..space];
        var credential = authorizationHeader[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Match(credential);
        }

        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("ApiKey", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var decoded = TryDecodeBase64(credential);
        var colon = decoded?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon >= 0)
        {
            return Match(decoded![(colon + 1)..]);
        }

        return scheme.Equals("ApiKey", StringComparison.OrdinalIgnoreCase) ? Match(credential) : null;
    }

    private static string? TryDecodeBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var n) ? Encoding.UTF8.GetString(bytes, 0, n) : null;
    }

    private string? Match(string token)
    {
        var presented = Hash(token);
        string? match = null;
        foreach (var (name, hash) in _hashes)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                match ??= name;
            }
        }

        return match;
    }
}
