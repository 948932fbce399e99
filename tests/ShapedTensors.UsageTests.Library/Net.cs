using ShapedTensors;

namespace ShapedTensors.UsageTests.Library;

/// <summary>A batch of inputs.</summary>
[Tensor(32, 64)]
public partial struct Input;

/// <summary>The weights of the layer.</summary>
[Tensor(64, 128)]
public partial struct W1;

/// <summary>The layer's output: a public type of the result shape, which public methods return.</summary>
[Tensor(32, 128)]
public partial struct Hidden;

/// <summary>A library with public shaped APIs: they take and return its declared types.</summary>
public static class Net
{
    /// <summary>The layer's weights.</summary>
    public static W1 Weights { get; } = W1.Random(seed: 7);

    /// <summary>The layer: the canonical result of <c>MatMul</c> converts to <see cref="Hidden"/> without copying.</summary>
    public static Hidden Forward(Input x) => x.MatMul(Weights);

    /// <summary>The layer, written into <paramref name="destination"/> (a declared type works as the destination).</summary>
    public static void Forward(Input x, Hidden destination) => x.MatMul(Weights, destination);
}
