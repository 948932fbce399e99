using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ShapedTensors.Kernels.Operations;

/// <summary>
/// <c>destination[i] = exp(x[i] - shift)</c>, returning the sum of what was written: the middle pass of a softmax row,
/// fused so the exponentials are summed while they are in registers instead of read back in a pass of their own.
/// </summary>
/// <remarks>
/// float gets its own Vector512/Vector256 loops (the vector Exp is the one TensorPrimitives.Exp uses, so the values are
/// the same); other element types, and hardware with narrower vectors, take TensorPrimitives' subtract, exp and sum
/// (three passes over a row that is in L1 by then). The tail is scalar rather than one overlapping vector, so that
/// the destination may be the input itself (an in-place softmax).
/// </remarks>
internal static class ExpSum
{
    public static T Run<T>(ReadOnlySpan<T> x, T shift, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float) && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated))
        {
            var sum = Single(MemoryMarshal.Cast<T, float>(x), Unsafe.As<T, float>(ref shift), MemoryMarshal.Cast<T, float>(destination));
            return Unsafe.As<float, T>(ref sum);
        }

        TensorPrimitives.Subtract(x, shift, destination);
        TensorPrimitives.Exp(destination, destination);
        return TensorPrimitives.Sum<T>(destination);
    }

    private static float Single(ReadOnlySpan<float> x, float shift, Span<float> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException("The destination is shorter than the row.", nameof(destination));
        }

        ref var source = ref MemoryMarshal.GetReference(x);
        ref var target = ref MemoryMarshal.GetReference(destination);
        var (length, i, sum) = ((nuint)x.Length, (nuint)0, 0f);
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            var (shifts, sums) = (Vector512.Create(shift), Vector512<float>.Zero);
            for (; i + (nuint)Vector512<float>.Count <= length; i += (nuint)Vector512<float>.Count)
            {
                var e = Vector512.Exp(Vector512.LoadUnsafe(ref source, i) - shifts);
                e.StoreUnsafe(ref target, i);
                sums += e;
            }

            sum = Vector512.Sum(sums);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            var (shifts, sums) = (Vector256.Create(shift), Vector256<float>.Zero);
            for (; i + (nuint)Vector256<float>.Count <= length; i += (nuint)Vector256<float>.Count)
            {
                var e = Vector256.Exp(Vector256.LoadUnsafe(ref source, i) - shifts);
                e.StoreUnsafe(ref target, i);
                sums += e;
            }

            sum = Vector256.Sum(sums);
        }

        for (; i < length; i++)
        {
            var e = MathF.Exp(Unsafe.Add(ref source, i) - shift);
            Unsafe.Add(ref target, i) = e;
            sum += e;
        }

        return sum;
    }
}
