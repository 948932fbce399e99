using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace ShapedTensors.Kernels.Operations;

/// <summary>The element-by-element operations of OPS.md §3, each one TensorPrimitives call (vectorized, tails included).</summary>
internal static class UnaryKernel
{
    public static void Run<T>(UnaryOperation operation, ReadOnlySpan<T> x, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.IsEmpty)
        {
            return; // TensorPrimitives.Sigmoid rejects empty spans
        }

        switch (operation)
        {
            case UnaryOperation.Relu: TensorPrimitives.Max(x, T.Zero, output); break;
            case UnaryOperation.Sigmoid: TensorPrimitives.Sigmoid(x, output); break;
            case UnaryOperation.Tanh: TensorPrimitives.Tanh(x, output); break;
            case UnaryOperation.Exp: TensorPrimitives.Exp(x, output); break;
            case UnaryOperation.Log: TensorPrimitives.Log(x, output); break;
            case UnaryOperation.Sqrt:
                // Keras' K.sqrt clips at 0 first, so a negative input gives 0, not NaN.
                TensorPrimitives.Max(x, T.Zero, output);
                TensorPrimitives.Sqrt(output, output);
                break;
            case UnaryOperation.Abs: TensorPrimitives.Abs(x, output); break;
            case UnaryOperation.Negate: TensorPrimitives.Negate(x, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a unary operation.");
        }
    }
}
