using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ShapedTensors;

/// <summary>
/// The operations on any shaped tensor, computed through the runtime with run-time shape checks. They bind
/// only when the generator emitted no specialized overload for a call (its shapes are incompatible, or it
/// could not know them); the analyzer reports the first case as a compile error and the second as a warning.
/// </summary>
/// <remarks>
/// Specialized overloads are emitted as non-generic extension methods in the calling code's own namespace,
/// so C# finds them before these (or, in the same scope, prefers them as the better conversion).
/// </remarks>
public static partial class ShapedTensorFallbacks
{
    /// <summary><c>keras.backend.dot(x, y)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The shapes are incompatible.</exception>
    public static DynamicTensor<T> Dot<T>(this IShapedTensor<T> x, IShapedTensor<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, static (a, b) => PartialContraction.Dot(a, b)).Dot(Dynamic(y));

    /// <summary><c>keras.backend.dot(x, y)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void Dot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, static (a, b) => PartialContraction.Dot(a, b)).Dot(Dynamic(y), Destination(destination));

    /// <summary><c>keras.backend.batch_dot(x, y)</c>, shapes checked at run time.</summary>
    /// <remarks>
    /// <paramref name="semantics"/> is not the project's <c>ShapedTensorsBatchDot</c>, which the run time cannot see:
    /// pass it when it is not Keras 2.2.4's (the analyzer warns, ST0009).
    /// </remarks>
    public static DynamicTensor<T> BatchDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, semantics, static (a, b) => PartialContraction.BatchDot(a, b)).BatchDot(Dynamic(y), semantics);

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c>, shapes checked at run time.</summary>
    public static DynamicTensor<T> BatchDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, int axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, semantics, (a, b) => PartialContraction.BatchDot(a, b, axes, axes)).BatchDot(Dynamic(y), axes, semantics);

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c>, shapes checked at run time.</summary>
    public static DynamicTensor<T> BatchDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, (int X, int Y) axes, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, semantics, (a, b) => PartialContraction.BatchDot(a, b, axes.X, axes.Y)).BatchDot(Dynamic(y), axes, semantics);

    /// <summary><c>keras.backend.batch_dot(x, y)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void BatchDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, semantics, static (a, b) => PartialContraction.BatchDot(a, b)).BatchDot(Dynamic(y), Destination(destination), semantics);

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void BatchDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, int axes, IShapedTensor<T> destination, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, semantics, (a, b) => PartialContraction.BatchDot(a, b, axes, axes)).BatchDot(Dynamic(y), axes, Destination(destination), semantics);

    /// <summary><c>keras.backend.batch_dot(x, y, axes)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void BatchDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, (int X, int Y) axes, IShapedTensor<T> destination, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, semantics, (a, b) => PartialContraction.BatchDot(a, b, axes.X, axes.Y)).BatchDot(Dynamic(y), axes, Destination(destination), semantics);

    /// <summary><c>tf.matmul(x, y, transpose_a, transpose_b)</c>, shapes checked at run time.</summary>
    public static DynamicTensor<T> MatMul<T>(this IShapedTensor<T> x, IShapedTensor<T> y, bool transposeA = false, bool transposeB = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, (a, b) => PartialContraction.MatMul(a, b, transposeA, transposeB)).MatMul(Dynamic(y), transposeA, transposeB);

    /// <summary><c>tf.matmul(x, y, transpose_a, transpose_b)</c> into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void MatMul<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination, bool transposeA = false, bool transposeB = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(x, y, (a, b) => PartialContraction.MatMul(a, b, transposeA, transposeB)).MatMul(Dynamic(y), Destination(destination), transposeA, transposeB);

    /// <summary><c>tf.matmul</c> with the transpose flags as a marker (<see cref="Transpose.A"/>), shapes checked at run time.</summary>
    public static DynamicTensor<T> MatMul<T, TTranspose>(this IShapedTensor<T> x, IShapedTensor<T> y, TTranspose transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTranspose : struct, ITransposeMarker
        => x.MatMul(y, TTranspose.A, TTranspose.B);

    /// <summary><c>tf.matmul</c> with the transpose flags as a marker, into <paramref name="destination"/>, shapes checked at run time.</summary>
    public static void MatMul<T, TTranspose>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> destination, TTranspose transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTranspose : struct, ITransposeMarker
        => x.MatMul(y, destination, TTranspose.A, TTranspose.B);

    // A type with sizes known only at run time: PARTIAL_SHAPES.md's checks first, on the static shapes (graph time, with
    // `?` in its frames) and then the run-time sizes (TensorFlow's kernel texts, the name binding), as a specialized
    // call makes them; then x as a dynamic tensor. tf.keras' batch_dot is specified for fully known shapes only.
    private static DynamicTensor<T> Checked<T>(IShapedTensor<T> x, IShapedTensor<T> y, BatchDotSemantics semantics, Func<StaticShape, StaticShape, PartialContraction> rule)
        where T : unmanaged, IFloatingPointIeee754<T>
        => semantics == BatchDotSemantics.Keras224 ? Checked(x, y, rule) : Dynamic(x);

    private static DynamicTensor<T> Checked<T>(IShapedTensor<T> x, IShapedTensor<T> y, Func<StaticShape, StaticShape, PartialContraction> rule)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
        var (xs, ys) = (x.StaticShape, y.StaticShape);
        if (!xs.IsFullyKnown || !ys.IsFullyKnown)
        {
            rule(xs, ys).Plan(x.Shape, y.Shape);
        }

        return x.ToDynamic();
    }

    // The destination as a dynamic tensor over its own storage. A tensor with inline storage (a value, ShapedTensorsInlineStorage)
    // reaches a fallback boxed, and its dynamic form is a copy: the result would go nowhere, so that throws instead.
    private static DynamicTensor<T> Destination<T>(IShapedTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dynamic = Dynamic(destination);
        var elements = destination.AsSpan();
        if (!elements.IsEmpty && !Unsafe.AreSame(ref MemoryMarshal.GetReference(elements), ref MemoryMarshal.GetReference(dynamic.AsSpan())))
        {
            throw new ArgumentException("The destination stores its elements inline, so a copy of it would receive the result: pass it with ref to an overload the generator emits for its shape.", nameof(destination));
        }

        return dynamic;
    }

    private static DynamicTensor<T> Dynamic<T>(IShapedTensor<T> tensor)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(tensor, nameof(tensor));
        return tensor.ToDynamic();
    }
}
