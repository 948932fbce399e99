using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// Shapes in models are two equatable arrays (so the pipeline can cache them): the sizes, -1 where a size is known
/// only at run time, and the names, empty when every size is known, else per dimension "" (known), "?" (unknown) or
/// the dimension's name. A fully known shape is exactly what it was before partial shapes existed.
/// </summary>
internal static class DimsModel
{
    /// <summary>The shape as the shape algebra sees it.</summary>
    public static StaticShape ToStatic(EquatableArray<int> dims, EquatableArray<string> names)
    {
        var parsed = new Dimension[dims.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            var name = names.Count == 0 ? string.Empty : names[i];
            parsed[i] = name.Length == 0 ? Dimension.Known(dims[i])
                : name == Dimension.UnknownSpelling ? Dimension.Unknown
                : Dimension.Named(name);
        }

        return new StaticShape(parsed);
    }

    /// <summary>The model arrays of a shape.</summary>
    public static (EquatableArray<int> Dims, EquatableArray<string> Names) From(StaticShape shape)
    {
        var dims = new int[shape.Rank];
        var names = new string[shape.Rank];
        var partial = false;
        for (var i = 0; i < dims.Length; i++)
        {
            var dim = shape[i];
            dims[i] = dim.IsKnown ? dim.Value : -1;
            names[i] = dim.IsKnown ? string.Empty : dim.Name ?? Dimension.UnknownSpelling;
            partial |= !dim.IsKnown;
        }

        return (new EquatableArray<int>(dims), partial ? new EquatableArray<string>(names) : EquatableArray<string>.Empty);
    }

    /// <summary>The dimensions as <c>[Tensor]</c> and <c>StaticShape.Parse</c> spell them in C#: <c>784, "batch", "?"</c>.</summary>
    public static string Spelled(EquatableArray<int> dims, EquatableArray<string> names)
        => string.Join(", ", Enumerable.Range(0, dims.Count).Select(i => IsRunTime(names, i) ? "\"" + names[i] + "\"" : dims[i].ToString(CultureInfo.InvariantCulture)));

    /// <summary>Whether a size is known only at run time.</summary>
    public static bool IsRunTime(EquatableArray<string> names, int axis) => names.Count > 0 && names[axis].Length > 0;

    /// <summary>The distinct names, in order of first appearance.</summary>
    public static IReadOnlyList<string> DistinctNames(EquatableArray<string> names)
    {
        var distinct = new List<string>();
        foreach (var name in names)
        {
            if (name.Length > 0 && name != Dimension.UnknownSpelling && !distinct.Contains(name))
            {
                distinct.Add(name);
            }
        }

        return distinct;
    }
}
