using System;
using System.Numerics;

namespace ShapedTensors.Kernels;

/// <summary>
/// Runs an einsum or tensordot lowered by <see cref="EinsumLowering"/>: the strided batched product when the labels
/// fit one (the same kernels as MatMul and BatchDot), else one loop over every label.
/// </summary>
internal static class EinsumKernel
{
    public static void Run<T>(EinsumLowering lowering, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (output.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<T> one = [T.One];
        if (lowering.Plan is { } plan)
        {
            if (lowering.OneOperand)
            {
                StridedProduct.Multiply(plan, one, a, output);
            }
            else if (lowering.Swapped)
            {
                StridedProduct.Multiply(plan, b, a, output);
            }
            else
            {
                StridedProduct.Multiply(plan, a, b, output);
            }

            return;
        }

        Loop(lowering, a, lowering.OneOperand ? one : b, output);
    }

    // out[o] += a[i] * b[j] over every combination of the labels (an odometer), the output cleared first. For labels
    // whose summed strides fit no single depth of the product, e.g. two summed labels in different orders.
    private static void Loop<T>(EinsumLowering lowering, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        output.Clear();
        var axes = lowering.Axes;
        var counter = new int[axes.Count];
        foreach (var axis in axes)
        {
            if (axis.Size == 0)
            {
                return; // an empty sum
            }
        }

        long i = 0, j = 0, o = 0;
        while (true)
        {
            output[(int)o] += a[(int)i] * b[(int)j];
            var d = axes.Count - 1;
            for (; d >= 0; d--)
            {
                var axis = axes[d];
                if (++counter[d] < axis.Size)
                {
                    i += axis.XStride;
                    j += axis.YStride;
                    o += axis.OutStride;
                    break;
                }

                counter[d] = 0;
                i -= axis.XStride * (axis.Size - 1);
                j -= axis.YStride * (axis.Size - 1);
                o -= axis.OutStride * (axis.Size - 1);
            }

            if (d < 0)
            {
                return;
            }
        }
    }
}
