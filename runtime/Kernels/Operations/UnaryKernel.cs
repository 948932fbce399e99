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
            case UnaryOperation.Softplus: Softplus(x, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a unary operation.");
        }
    }

    // log(1 + exp(x)) as max(x, 0) + log1p(exp(-|x|)): exp never overflows, a large x gives x and a very negative one
    // exp(x). log1p(u) for u in (0, 1] is log(w) * u / (w - 1) with w = 1 + u (Goldberg's correction of the rounding
    // of w), u itself when w rounds to 1. Element by element, each read before it is written: in place works.
    private static void Softplus<T>(ReadOnlySpan<T> x, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < x.Length; i++)
        {
            var value = x[i];
            var u = T.Exp(-T.Abs(value));
            var w = T.One + u;
            output[i] = T.Max(value, T.Zero) + (w == T.One ? u : T.Log(w) * u / (w - T.One));
        }
    }
}
