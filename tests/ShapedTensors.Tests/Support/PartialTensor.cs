using System;

namespace ShapedTensors.Tests;

/// <summary>A tensor whose type declares a partially known shape, as a generated partial type does (random values).</summary>
internal sealed class PartialTensor(StaticShape declared, params int[] sizes) : IShapedTensor<float>
{
    private readonly DynamicTensor<float> _tensor = DynamicTensor<float>.Random(new Shape(sizes), seed: 1);

    public Shape Shape => _tensor.Shape;

    public StaticShape StaticShape => declared;

    public ReadOnlySpan<float> AsReadOnlySpan() => _tensor.AsReadOnlySpan();

    public Span<float> AsSpan() => _tensor.AsSpan();

    public DynamicTensor<float> ToDynamic() => _tensor;
}
