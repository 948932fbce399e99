// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

/// <summary>
/// A dimension met by the graph-time analysis, with the user's axis it came from, so that a deferred check can say
/// which axes it is about (PARTIAL_SHAPES.md §8.3: <c>x[2] ('k')</c>, <c>y[0] (5)</c>, <c>x[0] (?)</c>).
/// </summary>
internal readonly struct TracedDimension
{
    public TracedDimension(Dimension dimension, string? origin)
    {
        Dimension = dimension;
        Origin = origin;
    }

    public Dimension Dimension { get; }

    /// <summary><c>x[2]</c>, <c>y[0]</c>, <c>x[1]/y[1]</c> for a merge of both; null for a dimension no user axis has (BatchDot's padding 1).</summary>
    public string? Origin { get; }

    public bool IsKnown => Dimension.IsKnown;

    /// <summary>The padding <c>1</c> BatchDot appends (and the <c>1</c> of a rank-1 result).</summary>
    public static TracedDimension One { get; } = new(Dimension.Known(1), null);

    /// <summary>The dimensions of <paramref name="shape"/>, traced to <c>{operand}[i]</c>.</summary>
    public static TracedDimension[] Of(StaticShape shape, string operand)
    {
        var dims = new TracedDimension[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = new TracedDimension(shape[i], operand + "[" + i + "]");
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

    /// <summary>How a deferred check names this dimension: <c>x[2] ('k')</c>, <c>x[0] (?)</c>, <c>y[0] (5)</c>, or <c>1</c> for padding.</summary>
    public string Describe()
    {
        var value = Dimension.IsNamed ? "'" + Dimension.Name + "'" : Dimension.ToFrameString();
        return Origin is null ? value : Origin + " (" + value + ")";
    }

    // The origin of a dimension that stands for both operands' (a merge or broadcast of one name, or of two unknowns).
    public static string? BothOrigins(TracedDimension a, TracedDimension b)
        => a.Origin is null ? b.Origin : b.Origin is null ? a.Origin : a.Origin + "/" + b.Origin;
}
