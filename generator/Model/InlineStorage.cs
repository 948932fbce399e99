using System.Linq;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// Which tensor types store their elements inline, as a value, under the project's <see cref="GeneratorSettings.InlineStorage"/>
/// limit: canonical result types and declared (non-readonly) structs of at least one element and at most the limit.
/// A declared <c>readonly struct</c> keeps its array (a readonly value cannot hand out a writable span of itself), and so
/// does a class (a reference already).
/// </summary>
internal static class InlineStorage
{
    /// <summary>Whether a canonical result type of shape <paramref name="dims"/> stores its elements inline.</summary>
    public static bool Holds(EquatableArray<int> dims, int limit)
    {
        var length = dims.Aggregate(1L, (product, d) => product * d);
        return length >= 1 && length <= limit;
    }

    /// <summary>
    /// <paramref name="type"/> with inline storage (and no longer <c>readonly</c>) where it applies: never to a type
    /// whose sizes are known only at run time, whose values have different lengths.
    /// </summary>
    public static TensorTypeModel Apply(TensorTypeModel type, int limit)
        => (type.AddTensorAttribute || type.Keyword == "struct") && type.IsStruct && !type.IsPartial && Holds(type.Dims, limit)
            ? type with { Keyword = "struct", InlineStorage = true }
            : type;
}
