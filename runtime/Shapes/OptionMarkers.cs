// Compiled into the runtime, the generator and the analyzers (netstandard2.0): the option values that are also types.
namespace ShapedTensors;

/// <summary>
/// The option values that have a type of their own (<c>Axis.At1</c> is an <c>Axis1</c>, <c>Transpose.A</c> a
/// <c>TransposeA</c>), so that calls whose result shape depends on the value get overloads that differ by parameter type
/// (SEMANTICS.md §7, "Option-dependent results"). The runtime declares the types; this table is what the generator and
/// the analyzers read them as, and how a code fix spells a value.
/// </summary>
internal static class OptionMarkers
{
    /// <summary>The namespace of every marker type.</summary>
    public const string Namespace = "ShapedTensors";

    /// <summary>The largest axis with a marker (<c>Axis.At7</c>); with <c>Axis.Last</c> they cover every rank the library has.</summary>
    public const int LargestAxis = 7;

    /// <summary>The axis a marker type stands for (<c>Axis1</c>: 1, <c>LastAxis</c>: -1), or null for any other type name.</summary>
    public static int? Axis(string typeName)
    {
        if (typeName == "LastAxis")
        {
            return -1;
        }

        return typeName.Length == 5 && typeName.StartsWith("Axis", System.StringComparison.Ordinal) && typeName[4] is >= '0' and <= (char)('0' + LargestAxis)
            ? typeName[4] - '0'
            : null;
    }

    /// <summary>The transpose flags a marker type stands for (<c>TransposeA</c>: A only), or null for any other type name.</summary>
    public static (bool A, bool B)? Transpose(string typeName) => typeName switch
    {
        "TransposeA" => (true, false),
        "TransposeB" => (false, true),
        "TransposeBoth" => (true, true),
        _ => null,
    };

    /// <summary>The marker type of an axis (<c>Axis1</c>), or null when it has none.</summary>
    public static string? AxisType(int axis) => axis == -1 ? "LastAxis" : axis is >= 0 and <= LargestAxis ? "Axis" + axis : null;

    /// <summary>The marker type of transpose flags (<c>TransposeA</c>), or null for none.</summary>
    public static string? TransposeType(bool a, bool b) => (a, b) switch
    {
        (true, false) => "TransposeA",
        (false, true) => "TransposeB",
        (true, true) => "TransposeBoth",
        _ => null,
    };

    /// <summary>How a user writes an axis as a marker (<c>Axis.At1</c>, <c>Axis.Last</c>), or null when it has none.</summary>
    public static string? AxisValue(int axis) => axis == -1 ? "Axis.Last" : axis is >= 0 and <= LargestAxis ? "Axis.At" + axis : null;

    /// <summary>How a user writes transpose flags as a marker (<c>Transpose.A</c>), or null for none.</summary>
    public static string? TransposeValue(bool a, bool b) => (a, b) switch
    {
        (true, false) => "Transpose.A",
        (false, true) => "Transpose.B",
        (true, true) => "Transpose.Both",
        _ => null,
    };
}
