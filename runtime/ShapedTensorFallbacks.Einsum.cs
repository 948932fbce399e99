using System;
using System.Numerics;

namespace ShapedTensors;

// tf.tensordot on any shaped tensor, and the checks of TensorMath.Einsum's fallbacks.
public static partial class ShapedTensorFallbacks
{
    /// <summary><c>tf.tensordot(x, y, axes)</c> (OPS.md §8), shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The contracted sizes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count exceeds a rank.</exception>
    public static DynamicTensor<T> TensorDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, int axes)
        where T : unmanaged, IFloatingPointIeee754<T>
        => CheckedTensorDot(x, y, TensorDotAxes.Of(axes)).TensorDot(y.ToDynamic(), axes);

    /// <summary><c>tf.tensordot(x, y, axes=[a, b])</c> (OPS.md §8), shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The contracted sizes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside its operand's rank.</exception>
    public static DynamicTensor<T> TensorDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, (int A, int B) axes)
        where T : unmanaged, IFloatingPointIeee754<T>
        => CheckedTensorDot(x, y, TensorDotAxes.Of([axes.A], [axes.B])).TensorDot(y.ToDynamic(), axes);

    /// <summary><c>tf.tensordot(x, y, axes=[[a0, ...], [b0, ...]])</c> (OPS.md §8), shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The lists differ in length or the contracted sizes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside its operand's rank or repeated.</exception>
    public static DynamicTensor<T> TensorDot<T>(this IShapedTensor<T> x, IShapedTensor<T> y, (int[] A, int[] B) axes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(axes.A, nameof(axes));
        Require.NotNull(axes.B, nameof(axes));
        return CheckedTensorDot(x, y, TensorDotAxes.Of(axes.A, axes.B)).TensorDot(y.ToDynamic(), axes);
    }

    // When a size is known only at run time, graph time first: the rule on the declared shapes, whose error has ? in
    // its frame; the run-time operation then checks the sizes themselves. Returns the first operand as a dynamic tensor.
    internal static DynamicTensor<T> CheckedEinsum<T>(string equation, params IShapedTensor<T>[] operands)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(equation, nameof(equation));
        Array.ForEach(operands, operand => Require.NotNull(operand, nameof(operands)));
        var shapes = Array.ConvertAll(operands, operand => operand.StaticShape);
        if (!Array.TrueForAll(shapes, shape => shape.IsFullyKnown) && OperationRules.Einsum(equation, shapes).Outcome.Error is { } error)
        {
            throw new ShapeMismatchException(OperationCatalog.Einsum.Name, operands[0].Shape, operands.Length > 1 ? operands[1].Shape : Shape.Scalar, error);
        }

        return operands[0].ToDynamic();
    }

    private static DynamicTensor<T> CheckedTensorDot<T>(IShapedTensor<T> x, IShapedTensor<T> y, TensorDotAxes axes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
        if ((!x.StaticShape.IsFullyKnown || !y.StaticShape.IsFullyKnown) && OperationRules.TensorDot(x.StaticShape, y.StaticShape, axes).Outcome.Error is { } error)
        {
            if (error.Kind == ShapeErrorKind.InvalidAxes)
            {
                throw new ArgumentOutOfRangeException(nameof(axes), error.Message);
            }

            throw new ShapeMismatchException(OperationCatalog.TensorDot.Name, x.Shape, y.Shape, error);
        }

        return x.ToDynamic();
    }
}
