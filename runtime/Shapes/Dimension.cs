// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Globalization;

namespace ShapedTensors;

/// <summary>
/// One dimension of a <see cref="StaticShape"/>: known (a size ≥ 0), unknown (<c>?</c>, Keras' <c>None</c>) or named
/// (<c>batch</c>), as PARTIAL_SHAPES.md §1 defines them. Named and unknown dimensions are both TensorFlow's unknown
/// dimension: a name only says which run-time sizes must agree within one call (§8.4).
/// </summary>
public readonly struct Dimension : IEquatable<Dimension>
{
    /// <summary>The spelling of the unknown dimension in declarations and in TensorFlow's frames.</summary>
    public const string UnknownSpelling = "?";

    private readonly int _value;
    private readonly bool _known; // false for default(Dimension): the unknown dimension

    private Dimension(bool known, int value, string? name)
    {
        _known = known;
        _value = value;
        Name = name;
    }

    /// <summary>The unknown dimension <c>?</c>; every occurrence is independent of every other.</summary>
    public static Dimension Unknown => default;

    /// <summary>Whether the size is known when the graph is built (compile time).</summary>
    public bool IsKnown => _known;

    /// <summary>The size, when <see cref="IsKnown"/>.</summary>
    public int Value => IsKnown ? _value : throw new InvalidOperationException("The dimension is not known.");

    /// <summary>The name of a named dimension; null for a known or an unknown one.</summary>
    public string? Name { get; }

    /// <summary>Whether this is a named dimension.</summary>
    public bool IsNamed => Name is not null;

    /// <summary>A known dimension.</summary>
    public static Dimension Known(int size)
    {
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A known dimension cannot be negative.");
        }

        return new Dimension(true, size, null);
    }

    // A known size the library computed itself, not validated: a Shape's dimension, or the flattened dimension of
    // Dot's reshape path in a frame, kept as the fully known frames always printed it (an int, even when the
    // product wrapped around).
    internal static Dimension Trusted(long size) => new(true, unchecked((int)size), null);

    /// <summary>A named dimension (PARTIAL_SHAPES.md §1: a C#-identifier-like name; <c>?</c> is the unknown one).</summary>
    public static Dimension Named(string name)
    {
        Require.NotNull(name, nameof(name));
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a dimension name: use a C# identifier ([A-Za-z_][A-Za-z0-9_]*), or \"?\" for an unknown dimension.", nameof(name));
        }

        return new Dimension(false, 0, name);
    }

    /// <summary>Whether <paramref name="name"/> is spelled <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether both are occurrences of one name, which §8.4 binds to one run-time size.</summary>
    public bool IsSameNameAs(Dimension other) => Name is not null && Name == other.Name;

    /// <summary>Whether the dimension is known to be exactly <paramref name="size"/>.</summary>
    public bool Is(int size) => _known && _value == size;

    /// <summary>TensorFlow's <c>DebugString</c> of a dimension, as graph-time frames print it: the size or <c>?</c>.</summary>
    public string ToFrameString() => IsKnown ? _value.ToString(CultureInfo.InvariantCulture) : UnknownSpelling;

    /// <summary>The Python form (PARTIAL_SHAPES.md §2, SEMANTICS.md §7): the size, the bare name, or <c>None</c>.</summary>
    public override string ToString() => IsKnown ? _value.ToString(CultureInfo.InvariantCulture) : Name ?? "None";

    /// <inheritdoc/>
    public bool Equals(Dimension other) => _known == other._known && _value == other._value && Name == other.Name;

    /// <summary>Whether both dimensions are the same: the same known size, the same name, or both unknown.</summary>
    public static bool operator ==(Dimension left, Dimension right) => left.Equals(right);

    /// <summary>Whether the dimensions differ.</summary>
    public static bool operator !=(Dimension left, Dimension right) => !left.Equals(right);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Dimension other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((((_value * 397) + (_known ? 1 : 0)) * 397) ^ (Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name)));
}
