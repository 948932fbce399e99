// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

/// <summary>
/// A dimension met by the graph-time analysis, with the user's axis it came from, so that a deferred check can say
/// which axes it is about (PARTIAL_SHAPES.md §8.3: <c>x[2] ('k')</c>, <c>y[0] (5)</c>, <c>x[0] (?)</c>). The axes are
/// kept as numbers and spelled only when a check is described: fully known shapes run through here on every
/// run-time call and should not pay for texts they never show.
/// </summary>
internal readonly struct TracedDimension
{
    private readonly int _origin; // the axis: i + 1 for x[i], -(i + 1) for y[i], 0 for none (BatchDot's padding)
    private readonly int _alsoFrom; // the other operand's axis, for a merge or broadcast of one name (or of two ?)

    private TracedDimension(Dimension dimension, int origin, int alsoFrom)
    {
        Dimension = dimension;
        _origin = origin;
        _alsoFrom = alsoFrom;
    }

    public Dimension Dimension { get; }

    public bool IsKnown => Dimension.IsKnown;

    /// <summary>The padding <c>1</c> BatchDot appends (and the <c>1</c> of a rank-1 result): no user axis has it.</summary>
    public static TracedDimension One { get; } = new(Dimension.Known(1), 0, 0);

    /// <summary>The dimensions of the operand x (<paramref name="isX"/>) or y, each traced to its axis.</summary>
    public static TracedDimension[] Of(StaticShape shape, bool isX)
    {
        var dims = new TracedDimension[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = new TracedDimension(shape[i], isX ? i + 1 : -(i + 1), 0);
        }

        return dims;
    }

    /// <summary>The static shape of traced dimensions.</summary>
    public static StaticShape ToShape(TracedDimension[] dims)
    {
        var plain = new Dimension[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            plain[i] = dims[i].Dimension;
        }

        return StaticShape.Own(plain);
    }

    /// <summary><paramref name="dimension"/>, standing for the axes of both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static TracedDimension FromBoth(Dimension dimension, TracedDimension a, TracedDimension b)
        => a._origin == 0 ? new(dimension, b._origin, b._alsoFrom) : new(dimension, a._origin, b._origin);

    /// <summary>How a deferred check names this dimension: <c>x[2] ('k')</c>, <c>x[0] (?)</c>, <c>y[0] (5)</c>, or <c>1</c> for padding.</summary>
    public string Describe()
    {
        var value = Dimension.IsNamed ? "'" + Dimension.Name + "'" : Dimension.ToFrameString();
        if (_origin == 0)
        {
            return value;
        }

        var axes = _alsoFrom == 0 ? Axis(_origin) : Axis(_origin) + "/" + Axis(_alsoFrom);
        return axes + " (" + value + ")";
    }

    private static string Axis(int origin)
        => (origin > 0 ? "x[" : "y[") + (System.Math.Abs(origin) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
