using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace LogPipeline.Shipper.Forwarding;

/// <summary>
/// SHA-256 of short inputs through libcrypto's low-level <c>SHA256_Init/Update/Final</c>, which use the CPU's SHA
/// instructions directly. <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> goes through OpenSSL's EVP
/// layer, whose per-call set-up costs about ten times the hash of a 60-byte event-id text (measured here: ~90 ns
/// against ~900 ns per id), and the shipper hashes once per event. Same digest either way (a test compares them);
/// where libcrypto or its low-level functions cannot be loaded, <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// is used. Event ids only: nothing secret is hashed here, so the FIPS provider's rules do not apply.
/// </summary>
internal static unsafe class Sha256Native
{
    /// <summary>sizeof(SHA256_CTX) is 112 bytes in OpenSSL 1.1 and 3.x; room to spare.</summary>
    public const int ContextBytes = 128;

    /// <summary>SHA-256 consumes its input in blocks of this many bytes.</summary>
    public const int BlockBytes = 64;

    private static readonly Functions Native = Load();

    /// <summary>True when the libcrypto path is in use (false: the .NET fallback).</summary>
    public static bool IsNative => Native.Final != null;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < 32)
        {
            throw new ArgumentException("SHA-256 needs 32 bytes of destination", nameof(destination));
        }

        var native = Native;
        if (native.Final == null)
        {
            SHA256.HashData(data, destination);
            return;
        }

        var context = stackalloc byte[ContextBytes];
        fixed (byte* input = data)
        fixed (byte* output = destination)
        {
            if (native.Init(context) != 1 || native.Update(context, input, (nuint)data.Length) != 1 || native.Final(output, context) != 1)
            {
                SHA256.HashData(data, destination); // libcrypto said no (it never does for SHA-256): the same digest anyway.
            }
        }
    }

    /// <summary>
    /// Hashes whole <see cref="BlockBytes"/>-byte blocks into <paramref name="context"/> (<see cref="ContextBytes"/>
    /// bytes), so that a common prefix of many inputs is hashed once: <see cref="HashFrom"/> then finishes each input
    /// from a copy. <c>SHA256_CTX</c> is a plain struct (state words, counters, a block buffer): copying it is copying
    /// the hash's state. False when libcrypto is not in use; hash whole inputs with <see cref="Hash"/> then.
    /// </summary>
    public static bool TryAbsorb(ReadOnlySpan<byte> blocks, Span<byte> context)
    {
        if (blocks.Length % BlockBytes != 0 || context.Length < ContextBytes)
        {
            throw new ArgumentException("whole blocks into a full-size context", nameof(blocks));
        }

        var native = Native;
        if (native.Final == null)
        {
            return false;
        }

        fixed (byte* input = blocks)
        fixed (byte* state = context)
        {
            return native.Init(state) == 1 && native.Update(state, input, (nuint)blocks.Length) == 1;
        }
    }

    /// <summary>SHA-256 of the blocks absorbed into <paramref name="context"/> (left unchanged) followed by <paramref name="rest"/>.</summary>
    public static void HashFrom(ReadOnlySpan<byte> context, ReadOnlySpan<byte> rest, Span<byte> destination)
    {
        if (destination.Length < 32 || context.Length < ContextBytes || Native.Final == null)
        {
            throw new ArgumentException("a 32-byte destination and a context from TryAbsorb", nameof(destination));
        }

        var native = Native;
        var copy = stackalloc byte[ContextBytes];
        context[..ContextBytes].CopyTo(new Span<byte>(copy, ContextBytes));
        fixed (byte* input = rest)
        fixed (byte* output = destination)
        {
            if (native.Update(copy, input, (nuint)rest.Length) != 1 || native.Final(output, copy) != 1)
            {
                throw new InvalidOperationException("libcrypto refused SHA256_Update/Final on a context it initialised");
            }
        }
    }

    private static Functions Load()
    {
        foreach (var name in (ReadOnlySpan<string>)["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"])
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
            {
                return new Functions(
                    (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init,
                    (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update,
                    (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final);
            }
        }

        return default;
    }

    /// <summary>
    /// The three entry points. <c>SuppressGCTransition</c>: each call is a few hundred cycles of arithmetic on
    /// caller-owned memory, never blocks and never calls back.
    /// </summary>
    private readonly struct Functions(
        delegate* unmanaged[SuppressGCTransition]<byte*, int> init,
        delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> update,
        delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> final)
    {
        public delegate* unmanaged[SuppressGCTransition]<byte*, int> Init { get; } = init;

        public delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> Update { get; } = update;

        public delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> Final { get; } = final;
    }
}
