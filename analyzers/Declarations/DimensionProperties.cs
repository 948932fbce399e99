using System.Collections.Generic;
using System.Linq;

namespace ShapedTensors.Analyzers.Declarations;

/// <summary>
/// The generator exposes each distinct dimension name as an instance property returning its run-time size, named
/// by upper-casing the name's first letter (<c>batch</c> → <c>Batch</c>). A name whose property would be a member
/// every tensor type has, or the property of another name, cannot have one, and the generator skips the type: this
/// is the rule both follow (ST0112).
/// </summary>
internal static class DimensionProperties
{
    // Shape (run-time), StaticShape, Length, Rank, the indexer (Item) and DimN (the known sizes' constants).
    private static readonly HashSet<string> TensorMembers = new(System.StringComparer.Ordinal) { "Shape", "StaticShape", "Length", "Rank", "Item" };

    /// <summary>The property of a name: <c>batch</c> → <c>Batch</c>.</summary>
    public static string PropertyOf(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>Whether the property is a member every tensor type has: <c>Shape</c>, <c>StaticShape</c>, <c>Length</c>, <c>Rank</c>, <c>Item</c> or <c>Dim</c> and digits.</summary>
    public static bool IsTensorMember(string property)
        => TensorMembers.Contains(property)
            || (property.Length > 3 && property.StartsWith("Dim", System.StringComparison.Ordinal) && property.Skip(3).All(c => c is >= '0' and <= '9'));
}
