using System;
using ShapedTensors.Kernels;

namespace ShapedTensors;

// tf.einsum and tf.tensordot (OPS.md §8–§9) on run-time shapes.
public sealed partial class DynamicTensor<T>
{
    /// <summary><c>tf.einsum(equation, a)</c> (TF 2.x semantics, OPS.md §9): sums, traces, diagonals, transposes.</summary>
    /// <exception cref="ShapeMismatchException">The equation is malformed or does not fit the shape, with TensorFlow's text.</exception>
    public static DynamicTensor<T> Einsum(string equation, DynamicTensor<T> a)
        => Einsummed(OperationCatalog.Einsum.Name, EinsumLoweringOf(equation, ShapeOf(a), null), a, null, null);

    /// <summary><c>tf.einsum(equation, a, b)</c> (TF 2.x semantics, OPS.md §9), e.g. <c>Einsum("bij,bjk-&gt;bik", a, b)</c>.</summary>
    /// <exception cref="ShapeMismatchException">
    /// The equation is malformed or does not fit the shapes, e.g. <c>Dimensions must be equal, but are 3 and 4 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [2,3], [4,5].</c>
    /// </exception>
    public static DynamicTensor<T> Einsum(string equation, DynamicTensor<T> a, DynamicTensor<T> b)
        => Einsummed(OperationCatalog.Einsum.Name, EinsumLoweringOf(equation, ShapeOf(a), ShapeOf(b)), a, b, null);

    /// <summary><c>tf.einsum(equation, a, b)</c>, written into <paramref name="destination"/>.</summary>
    /// <exception cref="ShapeMismatchException">The equation is malformed or does not fit the shapes.</exception>
    /// <exception cref="ArgumentException">The destination does not have the result's shape, or shares memory with an operand.</exception>
    public static void Einsum(string equation, DynamicTensor<T> a, DynamicTensor<T> b, DynamicTensor<T> destination)
        => Einsummed(OperationCatalog.Einsum.Name, EinsumLoweringOf(equation, ShapeOf(a), ShapeOf(b)), a, b, DestinationOf(destination));

    /// <summary><c>tf.tensordot(x, y, axes)</c> (OPS.md §8): the last <paramref name="axes"/> axes of x with the first of y.</summary>
    /// <exception cref="ShapeMismatchException">The contracted sizes differ, with TensorFlow's text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count exceeds a rank.</exception>
    public DynamicTensor<T> TensorDot(DynamicTensor<T> y, int axes) => TensorDotted(y, TensorDotAxes.Of(axes), null);

    /// <summary><c>tf.tensordot(x, y, axes=[a, b])</c> (OPS.md §8): axis <c>a</c> of x with axis <c>b</c> of y.</summary>
    /// <exception cref="ShapeMismatchException">The contracted sizes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside its operand's rank.</exception>
    public DynamicTensor<T> TensorDot(DynamicTensor<T> y, (int A, int B) axes) => TensorDotted(y, TensorDotAxes.Of([axes.A], [axes.B]), null);

    /// <summary><c>tf.tensordot(x, y, axes=[[a0, ...], [b0, ...]])</c> (OPS.md §8): axes <c>a[k]</c> of x with axes <c>b[k]</c> of y.</summary>
    /// <exception cref="ShapeMismatchException">The lists differ in length or the contracted sizes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside its operand's rank or repeated.</exception>
    public DynamicTensor<T> TensorDot(DynamicTensor<T> y, (int[] A, int[] B) axes) => TensorDotted(y, ListAxes(axes), null);

    /// <summary><c>tf.tensordot(x, y, axes)</c>, written into <paramref name="destination"/>.</summary>
    /// <exception cref="ShapeMismatchException">The contracted sizes differ.</exception>
    /// <exception cref="ArgumentException">The destination does not have the result's shape, or shares memory with an operand.</exception>
    public void TensorDot(DynamicTensor<T> y, int axes, DynamicTensor<T> destination) => TensorDotted(y, TensorDotAxes.Of(axes), DestinationOf(destination));

    /// <summary><c>tf.tensordot(x, y, axes=[[a0, ...], [b0, ...]])</c>, written into <paramref name="destination"/>.</summary>
    /// <exception cref="ShapeMismatchException">The lists differ in length or the contracted sizes differ.</exception>
    /// <exception cref="ArgumentException">The destination does not have the result's shape, or shares memory with an operand.</exception>
    public void TensorDot(DynamicTensor<T> y, (int[] A, int[] B) axes, DynamicTensor<T> destination) => TensorDotted(y, ListAxes(axes), DestinationOf(destination));

    private static TensorDotAxes ListAxes((int[] A, int[] B) axes)
    {
        Require.NotNull(axes.A, nameof(axes));
        Require.NotNull(axes.B, nameof(axes));
        return TensorDotAxes.Of(axes.A, axes.B);
    }

    // A call seen before reuses its lowering (EinsumPlans); else the rule, then the lowering, remembered.
    private static EinsumLowering EinsumLoweringOf(string equation, Shape a, Shape? b)
    {
        Require.NotNull(equation, nameof(equation));
        if (EinsumPlans.Find(equation, a, b) is { } known)
        {
            return known;
        }

        var rule = OperationRules.Einsum(equation, b is null ? new[] { a.Static } : new[] { a.Static, b.Static });
        var lowering = Lowered(OperationCatalog.Einsum.Name, rule, a, b);
        EinsumPlans.Add(equation, a, b, lowering);
        return lowering;
    }

    private DynamicTensor<T> TensorDotted(DynamicTensor<T> y, TensorDotAxes axes, DynamicTensor<T>? destination)
    {
        var rule = OperationRules.TensorDot(Shape.Static, ShapeOf(y).Static, axes);
        return Einsummed(OperationCatalog.TensorDot.Name, Lowered(OperationCatalog.TensorDot.Name, rule, Shape, y.Shape), this, y, destination);
    }

    // The rule's error thrown (an axis error as ArgumentOutOfRangeException, like BatchDot's), else its lowering on
    // these shapes.
    private static EinsumLowering Lowered(string operation, StaticEinsum rule, Shape a, Shape? b)
    {
        PartialEinsum.ThrowIfFailed(operation, rule, a, b);
        return EinsumLowering.Create(rule.Labels!, b is null ? new[] { a } : new[] { a, b });
    }

    // The lowering run into a new tensor or the checked destination.
    private static DynamicTensor<T> Einsummed(string operation, EinsumLowering lowering, DynamicTensor<T> a, DynamicTensor<T>? b, DynamicTensor<T>? destination)
    {
        var right = b?.Shape ?? Shape.Scalar;
        if (SizeLimit.Exceeds(lowering.Result))
        {
            throw new ArgumentException(SizeLimit.ResultTooLarge(operation, a.Shape, right, lowering.Result));
        }

        if (destination is null)
        {
            destination = new DynamicTensor<T>(lowering.Result, Allocate(lowering.Result));
        }
        else
        {
            Contraction.CheckDestination(operation, a.Shape, right, lowering.Result, destination.Shape, nameof(destination));
            if (destination.Length > 0 && (ReferenceEquals(destination._data, a._data) || ReferenceEquals(destination._data, b?._data)))
            {
                throw new ArgumentException("The destination must not share memory with an operand.", nameof(destination));
            }
        }

        EinsumKernel.Run<T>(lowering, a._data, b is null ? default : b._data, destination._data);
        return destination;
    }
}
