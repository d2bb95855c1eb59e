using System.Globalization;
using System.Net;

namespace LogPipeline.Parsers.Text;

/// <summary>Small helpers the hand-written matchers share: quoted strings, numbers, addresses, common tokens.</summary>
internal static class FieldText
{
    /// <summary>The end of a double-quoted string whose opening quote is at <paramref name="open"/> (index of the closing quote), or -1. A backslash escapes the next character.</summary>
    public static int ClosingQuote(string text, int open)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAny('"', '\\');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (text[i] == '"')
            {
                return i;
            }

            i += 2;
        }

        return -1;
    }

    /// <summary>A non-negative decimal integer spanning all of <paramref name="s"/>, or -1.</summary>
    public static long Number(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 18)
        {
            return -1;
        }

        long value = 0;
        foreach (var c in s)
        {
            var d = c - '0';
            if ((uint)d > 9)
            {
                return -1;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    /// <summary>A signed integer ("-1" is how HAProxy writes an aborted timer), or null.</summary>
    public static long? SignedNumber(ReadOnlySpan<char> s)
    {
        if (s.Length > 1 && s[0] == '-')
        {
            var n = Number(s[1..]);
            return n < 0 ? null : -n;
        }

        if (s.Length > 1 && s[0] == '+')
        {
            s = s[1..];
        }

        var value = Number(s);
        return value < 0 ? null : value;
    }

    public static bool TryDecimal(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>True when <paramref name="s"/> is an IPv4 or IPv6 address (checked without allocating).</summary>
    public static bool IsIp(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        if (s.Contains(':'))
        {
            return IPAddress.TryParse(s, out _);
        }

        var octets = 0;
        var digits = 0;
        var value = 0;
        foreach (var c in s)
        {
            if (c == '.')
            {
                if (digits == 0 || ++octets > 3)
                {
                    return false;
                }

                digits = 0;
                value = 0;
                continue;
            }

            var d = c - '0';
            if ((uint)d > 9 || ++digits > 3 || (value = (value * 10) + d) > 255)
            {
                return false;
            }
        }

        return octets == 3 && digits > 0;
    }

    /// <summary>Sets <c>{prefix}.address</c> and either <c>{prefix}.ip</c> or <c>{prefix}.domain</c>.</summary>
    public static void SetAddress(Ecs.EcsDocument document, string prefix, string address)
    {
        var isSource = string.Equals(prefix, "source", StringComparison.Ordinal);
        document.Set(isSource ? "source.address" : prefix + ".address", address);
        if (IsIp(address))
        {
            document.Set(isSource ? "source.ip" : prefix + ".ip", address);
        }
        else
        {
            document.Set(isSource ? "source.domain" : prefix + ".domain", address);
        }
    }

    /// <summary>Shared instances of the few values that repeat on every line, so they are not allocated per line.</summary>
    public static string Intern(ReadOnlySpan<char> s) => s switch
    {
        "GET" => "GET",
        "POST" => "POST",
        "HEAD" => "HEAD",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        "PATCH" => "PATCH",
        "CONNECT" => "CONNECT",
        "1.1" => "1.1",
        "1.0" => "1.0",
        "2.0" => "2.0",
        "2" => "2",
        "3" => "3",
        "0.9" => "0.9",
        "-" => "-",
        _ => s.ToString(),
    };
}
