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
    public TensorAttribute(params int[] dimensions) => Dimensions = dimensions ?? Array.Empty<int>();

    /// <summary>The declared dimensions.</summary>
    public int[] Dimensions { get; }
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
    public TensorAttribute(params int[] dimensions) => Dimensions = dimensions ?? Array.Empty<int>();

    /// <summary>The declared dimensions.</summary>
    public int[] Dimensions { get; }
}
