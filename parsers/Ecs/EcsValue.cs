using System.Globalization;

namespace LogPipeline.Parsers.Ecs;

/// <summary>The kind of value an ECS field holds.</summary>
public enum EcsValueKind
{
    String,
    Long,
    Double,
    Bool,

    /// <summary>A JSON value kept verbatim (arrays and objects from documents sent to the bulk intake).</summary>
    Json,
}

/// <summary>One typed ECS field value. A small struct so that parsers do not box numbers.</summary>
public readonly struct EcsValue : IEquatable<EcsValue>
{
    private readonly string? _text;

    // A long, a bool (0/1) or the bits of a double, by Kind: one slot keeps the struct small.
    private readonly long _bits;

    private EcsValue(EcsValueKind kind, string? text, long integer, double real)
    {
        Kind = kind;
        _text = text;
        _bits = kind == EcsValueKind.Double ? BitConverter.DoubleToInt64Bits(real) : integer;
    }

    private long Integer => _bits;

    private double Real => BitConverter.Int64BitsToDouble(_bits);

    public EcsValueKind Kind { get; }

    public static EcsValue From(string value) => new(EcsValueKind.String, value, 0, 0);

    public static EcsValue From(long value) => new(EcsValueKind.Long, null, value, 0);

    public static EcsValue From(double value) => new(EcsValueKind.Double, null, 0, value);

    public static EcsValue From(bool value) => new(EcsValueKind.Bool, null, value ? 1 : 0, 0);

    /// <summary>A value written as the given JSON text, which the caller has validated.</summary>
    public static EcsValue FromJson(string json) => new(EcsValueKind.Json, json, 0, 0);

    public string? AsString() => Kind == EcsValueKind.String ? _text : null;

    public string? AsJson() => Kind == EcsValueKind.Json ? _text : null;

    public long? AsLong() => Kind switch
    {
        EcsValueKind.Long => Integer,
        EcsValueKind.Double => (long)Real,
        _ => null,
    };

    public double? AsDouble() => Kind switch
    {
        EcsValueKind.Double => Real,
        EcsValueKind.Long => Integer,
        _ => null,
    };

    public bool? AsBool() => Kind == EcsValueKind.Bool ? Integer != 0 : null;

    /// <summary>The value as text, whatever its kind (numbers in invariant culture).</summary>
    public override string ToString() => Kind switch
    {
        EcsValueKind.String => _text ?? string.Empty,
        EcsValueKind.Long => Integer.ToString(CultureInfo.InvariantCulture),
        EcsValueKind.Double => Real.ToString("R", CultureInfo.InvariantCulture),
        EcsValueKind.Bool => Integer != 0 ? "true" : "false",
        EcsValueKind.Json => _text ?? string.Empty,
        _ => string.Empty,
    };

    public bool Equals(EcsValue other) =>
        Kind == other.Kind && _bits == other._bits && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EcsValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _text, _bits);

    public static bool operator ==(EcsValue left, EcsValue right) => left.Equals(right);

    public static bool operator !=(EcsValue left, EcsValue right) => !left.Equals(right);
}
