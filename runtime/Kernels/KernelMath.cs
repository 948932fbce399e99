using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ShapedTensors.Kernels;

/// <summary>
/// Vector steps the generated kernels call: a fused multiply-add where the hardware has one (x86 FMA, Arm
/// AdvSimd), a multiply and an add elsewhere. Each check is a JIT-time constant, so only one path is compiled.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelMath
{
    /// <summary><c>a * b + c</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
        => Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary><c>a * b + c</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c)
        => Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary><c>a * b + c</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
    {
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAdd(a, b, c);
        }

        return AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(c, a, b) : (a * b) + c;
    }

    /// <summary><c>a * b + c</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c)
    {
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAdd(a, b, c);
        }

        return AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.FusedMultiplyAdd(c, a, b) : (a * b) + c;
    }

    /// <summary>
    /// <c>a * b + c</c> for the runtime's <see cref="Vector{T}"/> loops over <see cref="float"/> and
    /// <see cref="double"/>: fused where the hardware has it (emulated fused multiply-add would be very slow).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged
    {
        if (!Fma.IsSupported && !AdvSimd.IsSupported)
        {
            return (a * b) + c;
        }

        if (typeof(T) == typeof(float))
        {
            return Vector.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }

        return (a * b) + c;
    }

    /// <summary><c>a * b + c</c> for generic code over <see cref="float"/> and <see cref="double"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd<T>(Vector128<T> a, Vector128<T> b, Vector128<T> c)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        return (a * b) + c;
    }

    /// <summary><c>a * b + c</c> for generic code over <see cref="float"/> and <see cref="double"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        return (a * b) + c;
    }

    /// <summary><c>a * b + c</c> for generic code over <see cref="float"/> and <see cref="double"/> (AVX-512 always has FMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        return (a * b) + c;
    }

    // Row pairs (see the generator's RowPairs): an accumulator holds two adjacent output rows, each half a vector.

    /// <summary><c>[v, v]</c>: one half-width row of y for both rows of a pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Duplicate(Vector128<float> v) => Vector256.Create(v);

    /// <summary><c>[v, v]</c>: one half-width row of y for both rows of a pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Duplicate(Vector128<double> v) => Vector256.Create(v);

    /// <summary><c>[v, v]</c>: one half-width row of y for both rows of a pair (one insert; <c>Vector512.Create(v)</c> takes two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Duplicate(Vector256<float> v) => v.ToVector512Unsafe().WithUpper(v);

    /// <summary><c>[v, v]</c>: one half-width row of y for both rows of a pair (one insert; <c>Vector512.Create(v)</c> takes two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Duplicate(Vector256<double> v) => v.ToVector512Unsafe().WithUpper(v);

    /// <summary>
    /// Stores <paramref name="lower"/> and <paramref name="upper"/> at <paramref name="offset"/> and right after it: as one
    /// 512-bit store where the hardware has them, so that a 512-bit load of the same bytes (a 4×4 result returned by
    /// value is copied so) is forwarded from the store instead of waiting for two halves to reach the cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreAdjacent<T>(Vector256<T> lower, Vector256<T> upper, ref T destination, nuint offset)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512.StoreUnsafe(lower.ToVector512Unsafe().WithUpper(upper), ref destination, offset);
        }
        else
        {
            Vector256.StoreUnsafe(lower, ref destination, offset);
            Vector256.StoreUnsafe(upper, ref destination, offset + (nuint)Vector256<T>.Count);
        }
    }

    /// <summary>
    /// Element <paramref name="lower"/> of <paramref name="window"/> in the lower half and element
    /// <paramref name="upper"/> in the upper half: x[m, k] and x[m + 1, k] for a row pair. Called with constants,
    /// so the JIT emits one shuffle (in-lane when the two positions allow it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> BroadcastPair(Vector256<float> window, int lower, int upper)
        => Vector256.Shuffle(window, Vector256.Create(lower, lower, lower, lower, upper, upper, upper, upper));

    /// <inheritdoc cref="BroadcastPair(Vector256{float}, int, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> BroadcastPair(Vector256<double> window, long lower, long upper)
        => Vector256.Shuffle(window, Vector256.Create(lower, lower, upper, upper));

    /// <inheritdoc cref="BroadcastPair(Vector256{float}, int, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> BroadcastPair(Vector512<float> window, int lower, int upper)
        => Vector512.Shuffle(window, Vector512.Create(lower, lower, lower, lower, lower, lower, lower, lower, upper, upper, upper, upper, upper, upper, upper, upper));

    /// <inheritdoc cref="BroadcastPair(Vector256{float}, int, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> BroadcastPair(Vector512<double> window, long lower, long upper)
        => Vector512.Shuffle(window, Vector512.Create(lower, lower, lower, lower, upper, upper, upper, upper));
}
