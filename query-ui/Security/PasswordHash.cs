using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LogPipeline.QueryUi.Security;

/// <summary>
/// The admin password hash: <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt, base64&gt;$&lt;32-byte hash, base64&gt;</c>
/// (PBKDF2 with HMAC-SHA-256, 16-byte random salt). Verification is constant-time.
/// </summary>
internal static class PasswordHash
{
    public const int DefaultIterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool IsWellFormed(string text) => TryParse(text, out _, out _, out _);

    public static bool Verify(string password, string encoded)
    {
        if (!TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryParse(string text, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = text.Trim().Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1000)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 8 && hash.Length == HashBytes;
    }
}
