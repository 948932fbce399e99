using System;
using System.Numerics;

namespace ShapedTensors;

/// <summary>
/// Declares a float32 tensor type of a fixed shape: <c>[Tensor(10, 12, 4, 5)] public partial struct W;</c>.
/// The ShapedTensors source generator fills in the type (shape constants, factories, element access) and
/// emits <c>Dot</c>, <c>BatchDot</c> and <c>MatMul</c> overloads whose result types carry the result shapes.
/// </summary>
/// <remarks>Valid on <c>partial</c> structs and classes. Kept in metadata, so types declared in a referenced assembly work too.</remarks>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TensorAttribute : Attribute
{
    /// <summary>Declares the shape.</summary>
    /// <param name="dimensions">The dimensions, outermost first; each 0 or more (0 declares an empty tensor).</param>
    public TensorAttribute(params int[] dimensions) => (Dimensions, DimensionNames) = TensorDeclaration.Known(dimensions);

    /// <summary>
    /// Declares a shape whose sizes are partly known only at run time (Keras' <c>None</c>):
    /// <c>[Tensor("batch", 784)]</c>. Each dimension is an <see cref="int"/> (a known size), a name (a C# identifier:
    /// every occurrence of a name in one call must have the same size) or <c>"?"</c> (an unknown size).
    /// </summary>
    /// <param name="first">The outermost dimension (a separate parameter so that <c>[Tensor()]</c> is not ambiguous).</param>
    /// <param name="others">The other dimensions, outermost first.</param>
    public TensorAttribute(object first, params object[] others) => (Dimensions, DimensionNames) = TensorDeclaration.Partial(first, others);

    /// <summary>The declared sizes, outermost first; -1 where the size is known only at run time.</summary>
    public int[] Dimensions { get; }

    /// <summary>For each dimension, null where its size is known, else its name or <c>"?"</c>.</summary>
    public string?[] DimensionNames { get; }
}

/// <summary>
/// Declares a tensor type of a fixed shape with elements of type <typeparamref name="T"/>
/// (<see cref="float"/> or <see cref="double"/>): <c>[Tensor&lt;double&gt;(3, 4)] public partial struct M;</c>.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TensorAttribute<T> : Attribute
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Declares the shape.</summary>
    /// <param name="dimensions">The dimensions, outermost first; each 0 or more (0 declares an empty tensor).</param>
    public TensorAttribute(params int[] dimensions) => (Dimensions, DimensionNames) = TensorDeclaration.Known(dimensions);

    /// <summary>
    /// Declares a shape whose sizes are partly known only at run time (Keras' <c>None</c>):
    /// <c>[Tensor("batch", 784)]</c>. Each dimension is an <see cref="int"/> (a known size), a name (a C# identifier:
    /// every occurrence of a name in one call must have the same size) or <c>"?"</c> (an unknown size).
    /// </summary>
    /// <param name="first">The outermost dimension (a separate parameter so that <c>[Tensor()]</c> is not ambiguous).</param>
    /// <param name="others">The other dimensions, outermost first.</param>
    public TensorAttribute(object first, params object[] others) => (Dimensions, DimensionNames) = TensorDeclaration.Partial(first, others);

    /// <summary>The declared sizes, outermost first; -1 where the size is known only at run time.</summary>
    public int[] Dimensions { get; }

    /// <summary>For each dimension, null where its size is known, else its name or <c>"?"</c>.</summary>
    public string?[] DimensionNames { get; }
}

/// <summary>Reads the arguments of the <c>[Tensor]</c> attributes (the generator reads them from source; this is for reflection).</summary>
internal static class TensorDeclaration
{
    public static (int[] Sizes, string?[] Names) Known(int[]? dimensions)
        => (dimensions ?? Array.Empty<int>(), new string?[dimensions?.Length ?? 0]);

    public static (int[] Sizes, string?[] Names) Partial(object first, object[]? others)
    {
        var dimensions = new object[1 + (others?.Length ?? 0)];
        dimensions[0] = first;
        others?.CopyTo(dimensions, 1);
        var sizes = new int[dimensions.Length];
        var names = new string?[dimensions.Length];
        for (var i = 0; i < dimensions.Length; i++)
        {
            (sizes[i], names[i]) = dimensions[i] is int size ? (size, null) : (-1, dimensions[i] as string);
        }

        return (sizes, names);
    }
}
