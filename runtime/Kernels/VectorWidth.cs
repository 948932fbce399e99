using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ShapedTensors.Kernels;

/// <summary>
/// The vector operations of one vector width. Kernels written once over a width (a struct type argument) are compiled
/// by the JIT once per width, with these calls inlined: the code of hand-written Vector128/256/512 copies, written once.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TVector">The vector type.</typeparam>
internal unsafe interface IVectorWidth<T, TVector>
    where T : unmanaged
    where TVector : struct
{
    /// <summary>Whether the hardware runs this width in vector registers (a JIT-time constant).</summary>
    static abstract bool IsAccelerated { get; }

    /// <summary>Elements per vector.</summary>
    static abstract int Count { get; }

    static abstract TVector Load(T* source);

    static abstract void Store(TVector value, T* destination);

    static abstract TVector Broadcast(T value);

    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary><c>a * b + c</c>, fused where the hardware can.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    static abstract TVector Add(TVector a, TVector b);

    /// <summary>The sum of the lanes.</summary>
    static abstract T Sum(TVector value);

    /// <summary><paramref name="value"/> with every lane from <paramref name="count"/> on set to zero (0 to Count lanes kept).</summary>
    static abstract TVector KeepFirst(TVector value, int count);
}

/// <summary>Masks that keep the first lanes of a vector.</summary>
internal static class LaneMasks
{
    /// <summary>64 bytes of ones, then 64 of zeros: the vector loaded <c>count * sizeof(T)</c> bytes before the middle keeps its first <c>count</c> lanes.</summary>
    private static ReadOnlySpan<byte> Bytes =>
    [
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>Where the mask keeping the first <paramref name="count"/> lanes of <typeparamref name="T"/> starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T First<T>(int count)
        where T : unmanaged
        => ref Unsafe.As<byte, T>(ref Unsafe.Add(ref MemoryMarshal.GetReference(Bytes), 64 - (count * Unsafe.SizeOf<T>())));
}

/// <summary>16-byte vectors.</summary>
internal readonly unsafe struct Width128<T> : IVectorWidth<T, Vector128<T>>
    where T : unmanaged
{
    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    public static int Count => Vector128<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(T* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, T* destination) => Vector128.Store(value, destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c) => KernelMath.MultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> KeepFirst(Vector128<T> value, int count) => value & Vector128.LoadUnsafe(ref LaneMasks.First<T>(count));
}

/// <summary>32-byte vectors (AVX).</summary>
internal readonly unsafe struct Width256<T> : IVectorWidth<T, Vector256<T>>
    where T : unmanaged
{
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    public static int Count => Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(T* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, T* destination) => Vector256.Store(value, destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) => KernelMath.MultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> KeepFirst(Vector256<T> value, int count) => value & Vector256.LoadUnsafe(ref LaneMasks.First<T>(count));
}

/// <summary>64-byte vectors (AVX-512).</summary>
internal readonly unsafe struct Width512<T> : IVectorWidth<T, Vector512<T>>
    where T : unmanaged
{
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    public static int Count => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(T* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, T* destination) => Vector512.Store(value, destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) => KernelMath.MultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> KeepFirst(Vector512<T> value, int count) => value & Vector512.LoadUnsafe(ref LaneMasks.First<T>(count));
}
