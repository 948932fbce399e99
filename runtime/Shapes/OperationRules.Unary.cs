// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

internal static partial class OperationRules
{
    /// <summary>
    /// <c>K.relu</c>, <c>K.sigmoid</c>, <c>K.tanh</c>, <c>K.exp</c>, <c>K.log</c>, <c>K.sqrt</c>, <c>K.abs</c>,
    /// <c>-x</c> (OPS.md §3): <c>UnchangedShape</c>, every rank including 0; never fails.
    /// </summary>
    public static StaticOperation Unary(OperationDescriptor op, StaticShape x)
    {
        Require.NotNull(op, nameof(op));
        return StaticOperation.Success(x);
    }

    /// <summary>
    /// <c>K.softmax(x, axis)</c> (OPS.md §3): the last axis (<c>-1</c> or <c>rank - 1</c>) runs the <c>Softmax</c> op
    /// (rank at least 1, framed); any other axis is range-checked in Python (unframed) and then cannot fail.
    /// </summary>
    public static StaticOperation Softmax(StaticShape x, int axis)
    {
        var rank = x.Rank;

        // nn_ops.py:2154 tests `dim is -1` first, so a scalar with axis -1 reaches the op's rank check.
        if (axis == -1 || axis == rank - 1)
        {
            return rank == 0
                ? Fail(ShapeError.MustBeAtLeastRank(1, 0), OperationCatalog.Softmax, x)
                : StaticOperation.Success(x, axes: new[] { rank - 1 });
        }

        if (axis < -rank || axis >= rank)
        {
            return FailUnframed($"Dimension ({axis}) must be in the range [{-rank}, {rank}) where {rank} is the number of dimensions in the input.", x);
        }

        return StaticOperation.Success(x, axes: new[] { Normalized(axis, rank) });
    }
}
