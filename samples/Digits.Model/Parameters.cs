using System;
using System.Numerics.Tensors;

namespace Digits;

/// <summary>The perceptron's weights and biases (or, as <see cref="TrainingStep.Gradients"/>, their gradients).</summary>
public sealed class Parameters
{
    /// <summary>The first layer's weights.</summary>
    public W1 W1 { get; set; } = new();

    /// <summary>The first layer's biases.</summary>
    public B1 B1 { get; set; } = new();

    /// <summary>The second layer's weights.</summary>
    public W2 W2 { get; set; } = new();

    /// <summary>The second layer's biases.</summary>
    public B2 B2 { get; set; } = new();

    /// <summary>
    /// Keras' defaults for a Dense layer: weights uniform in ±√(6 / (fan in + fan out)) (Glorot uniform), biases zero.
    /// </summary>
    public static Parameters Initialize(int seed) => new()
    {
        W1 = ((2f * W1.Random(seed)) - 1f) * GlorotLimit(W1.Dim0, W1.Dim1),
        W2 = ((2f * W2.Random(seed + 1)) - 1f) * GlorotLimit(W2.Dim0, W2.Dim1),
    };

    /// <summary>A copy whose storage is its own.</summary>
    public Parameters Clone() => new()
    {
        W1 = W1.FromArray(W1.ToArray()),
        B1 = B1.FromArray(B1.ToArray()),
        W2 = W2.FromArray(W2.ToArray()),
        B2 = B2.FromArray(B2.ToArray()),
    };

    /// <summary>One step of plain SGD, in place: p ← p − rate · g for every parameter.</summary>
    public void Descend(Parameters gradients, float rate)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        Descend(W1.AsSpan(), gradients.W1.AsReadOnlySpan(), rate);
        Descend(B1.AsSpan(), gradients.B1.AsReadOnlySpan(), rate);
        Descend(W2.AsSpan(), gradients.W2.AsReadOnlySpan(), rate);
        Descend(B2.AsSpan(), gradients.B2.AsReadOnlySpan(), rate);
    }

    private static void Descend(Span<float> parameter, ReadOnlySpan<float> gradient, float rate)
        => TensorPrimitives.MultiplyAdd(gradient, -rate, parameter, parameter);

    private static float GlorotLimit(int fanIn, int fanOut) => MathF.Sqrt(6f / (fanIn + fanOut));
}
