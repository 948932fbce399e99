using System;

namespace ShapedTensors.Kernels.Operations;

/// <summary><c>np.concatenate</c> along one axis (OPS.md §7.3), one operand at a time.</summary>
/// <remarks>
/// Each operand is, at every position of the axes before <c>axis</c>, one contiguous block (its slice of <c>axis</c> and
/// everything after it), which lands contiguously in the result after the blocks of the operands before it.
/// </remarks>
internal static class ConcatenateKernel
{
    /// <summary>
    /// Copies <paramref name="x"/> into its place in <paramref name="output"/>, <paramref name="before"/> positions along
    /// <paramref name="axis"/> after the start (the sum of the earlier operands' sizes there).
    /// </summary>
    public static void Place<T>(int axis, ReadOnlySpan<T> x, Shape xShape, int before, Span<T> output, Shape resultShape)
    {
        var inner = 1;
        for (var i = axis + 1; i < resultShape.Rank; i++)
        {
            inner *= resultShape[i];
        }

        var (block, resultBlock) = (xShape[axis] * inner, resultShape[axis] * inner);
        if (block == 0)
        {
            return;
        }

        for (int start = 0, target = before * inner; start < x.Length; start += block, target += resultBlock)
        {
            x.Slice(start, block).CopyTo(output.Slice(target, block));
        }
    }
}
