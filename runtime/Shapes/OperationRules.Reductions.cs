// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System.Collections.Generic;

namespace ShapedTensors;

internal static partial class OperationRules
{
    /// <summary>
    /// <c>K.sum</c>, <c>K.mean</c>, <c>K.max</c>, <c>K.min</c> (OPS.md §4, <c>ReductionShape</c>,
    /// common_shape_fns.cc:1060-1137): <paramref name="axes"/> null reduces every axis; otherwise the first axis
    /// outside <c>[-rank, rank)</c>, in the order given, is the error (with the axes as a computed input); duplicates
    /// collapse. <paramref name="axesGivenAsInt"/> says the frame lists the axis input as <c>[]</c>.
    /// </summary>
    public static StaticOperation Reduce(OperationDescriptor op, StaticShape x, int[]? axes, bool axesGivenAsInt, bool keepDims)
    {
        var rank = x.Rank;
        var reduced = new SortedSet<int>();
        if (axes is null)
        {
            for (var i = 0; i < rank; i++)
            {
                reduced.Add(i);
            }
        }
        else
        {
            foreach (var axis in axes)
            {
                if (axis < -rank || axis >= rank)
                {
                    var suffix = ShapeError.ComputedInput(1, axes);
                    return FailWithSuffix($"Invalid reduction dimension {axis} for input with {rank} dimensions.", suffix, op, x, OptionInput(axesGivenAsInt, axes.Length));
                }

                reduced.Add(Normalized(axis, rank));
            }
        }

        var result = keepDims ? KeptAsOnes(x, reduced) : StaticShape.Own(Without(x, reduced));
        return StaticOperation.Success(result, axes: new List<int>(reduced).ToArray());
    }

    // keepdims: every reduced axis stays as a 1.
    private static StaticShape KeptAsOnes(StaticShape x, SortedSet<int> reduced)
    {
        var dims = new Dimension[x.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = reduced.Contains(i) ? Dimension.Known(1) : x[i];
        }

        return StaticShape.Own(dims);
    }
}
