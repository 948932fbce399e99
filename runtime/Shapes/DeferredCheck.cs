// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

/// <summary>What a <see cref="DeferredCheck"/> requires of the run-time sizes (PARTIAL_SHAPES.md §8.3).</summary>
internal enum DeferredCheckKind
{
    /// <summary>A Merge: the two sizes must be equal.</summary>
    Equal,

    /// <summary>A Broadcast: the two sizes must be equal, or one of them 1.</summary>
    Broadcastable,

    /// <summary>A Squeeze: the size must be 1.</summary>
    One,
}

/// <summary>
/// A check TensorFlow's shape function passed only because a side was not known, so its kernel makes it at run time
/// (PARTIAL_SHAPES.md §8.3). The analyzer reports these, in the order the shape functions meet them.
/// </summary>
internal sealed class DeferredCheck
{
    private DeferredCheck(DeferredCheckKind kind, TracedDimension a, TracedDimension b, int productAxis)
    {
        Kind = kind;
        A = a;
        B = b;
        ProductAxis = productAxis;
    }

    public DeferredCheckKind Kind { get; }

    /// <summary>The side that is not known (x's if neither is).</summary>
    public TracedDimension A { get; }

    /// <summary>The other side (unused for <see cref="DeferredCheckKind.One"/>).</summary>
    public TracedDimension B { get; }

    /// <summary>
    /// For <see cref="DeferredCheckKind.One"/>: the axis of BatchDot's product that is squeezed, or -1 when the squeezed
    /// dimension is the operand's own (<c>Squeeze</c>, OPS.md §7.2).
    /// </summary>
    public int ProductAxis { get; }

    // The not-known side first; between two not-known sides, the first operand's.
    public static DeferredCheck Between(DeferredCheckKind kind, TracedDimension first, TracedDimension second)
        => !first.IsKnown ? new(kind, first, second, -1) : new(kind, second, first, -1);

    public static DeferredCheck Squeezed(TracedDimension dimension, int productAxis)
        => new(DeferredCheckKind.One, dimension, TracedDimension.One, productAxis);

    /// <summary>
    /// The requirement in the words of PARTIAL_SHAPES.md §8.3 (the analyzer frames it):
    /// <c>x[1] ('k') must equal y[0] (5)</c>, <c>x[0] ('b') must be 1 or equal y[0] (7)</c>,
    /// <c>x[0] ('b') and y[0] ('c') must be equal or one of them 1</c>, <c>axis 0 of the product (y[1] ('m')) must be 1</c>, <c>x[1] ('k') must be 1</c>.
    /// </summary>
    public string Describe() => Kind switch
    {
        DeferredCheckKind.Equal => $"{A.Describe()} must equal {B.Describe()}",
        DeferredCheckKind.Broadcastable when !B.IsKnown => $"{A.Describe()} and {B.Describe()} must be equal or one of them 1",
        DeferredCheckKind.Broadcastable => $"{A.Describe()} must be 1 or equal {B.Describe()}",
        _ when ProductAxis < 0 => $"{A.Describe()} must be 1",
        _ => $"axis {ProductAxis} of the product ({A.Describe()}) must be 1",
    };

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
