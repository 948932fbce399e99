using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace ShapedTensors.Kernels.Operations;

/// <summary>
/// One contiguous row of a binary operation, each side a row or one repeated element: TensorPrimitives' vectorized
/// loops (every vector width the hardware has, tails included), chosen by a switch that runs once per row.
/// </summary>
internal static class RowOperations
{
    /// <summary><c>destination[i] = x[i] op y[i]</c>.</summary>
    public static void Rows<T>(ElementwiseOperation operation, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (operation)
        {
            case ElementwiseOperation.Add: TensorPrimitives.Add(x, y, destination); break;
            case ElementwiseOperation.Subtract: TensorPrimitives.Subtract(x, y, destination); break;
            case ElementwiseOperation.Multiply: TensorPrimitives.Multiply(x, y, destination); break;
            case ElementwiseOperation.Divide: TensorPrimitives.Divide(x, y, destination); break;
            case ElementwiseOperation.Maximum: TensorPrimitives.Max(x, y, destination); break;
            case ElementwiseOperation.Minimum: TensorPrimitives.Min(x, y, destination); break;
            default: throw Unknown(operation);
        }
    }

    /// <summary><c>destination[i] = x[i] op y</c>.</summary>
    public static void RowScalar<T>(ElementwiseOperation operation, ReadOnlySpan<T> x, T y, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (operation)
        {
            case ElementwiseOperation.Add: TensorPrimitives.Add(x, y, destination); break;
            case ElementwiseOperation.Subtract: TensorPrimitives.Subtract(x, y, destination); break;
            case ElementwiseOperation.Multiply: TensorPrimitives.Multiply(x, y, destination); break;
            case ElementwiseOperation.Divide: TensorPrimitives.Divide(x, y, destination); break;
            case ElementwiseOperation.Maximum: TensorPrimitives.Max(x, y, destination); break;
            case ElementwiseOperation.Minimum: TensorPrimitives.Min(x, y, destination); break;
            default: throw Unknown(operation);
        }
    }

    /// <summary><c>destination[i] = x op y[i]</c>.</summary>
    public static void ScalarRow<T>(ElementwiseOperation operation, T x, ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (operation)
        {
            case ElementwiseOperation.Subtract: TensorPrimitives.Subtract(x, y, destination); break;
            case ElementwiseOperation.Divide: TensorPrimitives.Divide(x, y, destination); break;
            default: RowScalar(operation, y, x, destination); break; // the other four commute
        }
    }

    /// <summary>One element, for reductions that fold a row's result into an accumulator.</summary>
    public static T Scalar<T>(ElementwiseOperation operation, T x, T y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => operation switch
        {
            ElementwiseOperation.Add => x + y,
            ElementwiseOperation.Subtract => x - y,
            ElementwiseOperation.Multiply => x * y,
            ElementwiseOperation.Divide => x / y,
            ElementwiseOperation.Maximum => T.Max(x, y),
            ElementwiseOperation.Minimum => T.Min(x, y),
            _ => throw Unknown(operation),
        };

    private static ArgumentOutOfRangeException Unknown(ElementwiseOperation operation)
        => new(nameof(operation), operation, "Not an elementwise operation.");
}
