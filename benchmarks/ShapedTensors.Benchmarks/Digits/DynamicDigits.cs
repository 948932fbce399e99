using System.Collections.Generic;
using Digits;

namespace ShapedTensors.Benchmarks.Digits;

/// <summary>
/// The sample's training loop (<see cref="TrainingStep"/>) written on <see cref="DynamicTensor{T}"/>: the same
/// operations in the same order, products into tensors made once per batch size, every shape checked at run time.
/// </summary>
internal sealed class DynamicDigits
{
    // Keras' clip of the probabilities; Maximum and Minimum take tensors here, and scalars broadcast.
    private static readonly DynamicTensor<float> Low = DynamicTensor<float>.FromArray(new Shape(), [1e-7f]);
    private static readonly DynamicTensor<float> High = DynamicTensor<float>.FromArray(new Shape(), [1 - 1e-7f]);

    private readonly Minibatches _batches;
    private readonly DynamicTensor<float> _w1, _b1, _w2, _b2, _dW1, _dW2;
    private readonly Dictionary<int, Buffers> _buffers = [];
    private readonly float _learningRate;

    public DynamicDigits(DigitsData data, Parameters initial, float learningRate, int seed)
    {
        _batches = new Minibatches(data, 64, seed);
        var copy = initial.Clone();
        (_w1, _b1, _w2, _b2) = (copy.W1.ToDynamic(), copy.B1.ToDynamic(), copy.W2.ToDynamic(), copy.B2.ToDynamic());
        (_dW1, _dW2) = (DynamicTensor<float>.Zeros(64, 32), DynamicTensor<float>.Zeros(32, 10));
        _learningRate = learningRate;
    }

    public float RunEpoch()
    {
        _batches.Shuffle();
        var total = 0.0;
        for (var start = 0; start < _batches.Count; start += _batches.BatchSize)
        {
            var count = System.Math.Min(_batches.BatchSize, _batches.Count - start);
            var b = BuffersFor(count);
            _batches.Fill(start, count, b.X.AsSpan(), b.Y.AsSpan(), b.Labels);
            total += (double)Step(b) * count;
        }

        return (float)(total / _batches.Count);
    }

    /// <summary>One step on the batch in <paramref name="b"/>; returns its loss.</summary>
    public float Step(Buffers b)
    {
        var (x, y) = (b.X, b.Y);
        x.MatMul(_w1, b.Z1);
        var h = b.Z1.BiasAdd(_b1).Relu();
        h.MatMul(_w2, b.Z2);
        var p = b.Z2.BiasAdd(_b2).Softmax();
        var loss = -(y * p.Maximum(Low).Minimum(High).Log()).Sum().AsReadOnlySpan()[0] / b.Count;

        var dz2 = (p - y) * (1f / b.Count);
        h.MatMul(dz2, _dW2, transposeA: true);
        var db2 = dz2.Sum(0);
        dz2.MatMul(_w2, b.Dh, transposeB: true);
        var dh = b.Dh.AsSpan();
        var values = h.AsReadOnlySpan();
        for (var i = 0; i < dh.Length; i++)
        {
            if (values[i] <= 0)
            {
                dh[i] = 0;
            }
        }

        x.MatMul(b.Dh, _dW1, transposeA: true);
        var db1 = b.Dh.Sum(0);

        Descend(_w1, _dW1);
        Descend(_b1, db1);
        Descend(_w2, _dW2);
        Descend(_b2, db2);
        return loss;
    }

    public Buffers BuffersFor(int count)
    {
        if (!_buffers.TryGetValue(count, out var buffers))
        {
            _buffers[count] = buffers = new Buffers(count);
        }

        return buffers;
    }

    private void Descend(DynamicTensor<float> parameter, DynamicTensor<float> gradient)
        => System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(gradient.AsReadOnlySpan(), -_learningRate, parameter.AsSpan(), parameter.AsSpan());

    /// <summary>A batch and the products' destinations, for one batch size.</summary>
    internal sealed class Buffers(int count)
    {
        public int Count => count;

        public DynamicTensor<float> X { get; } = DynamicTensor<float>.Zeros(count, 64);

        public DynamicTensor<float> Y { get; } = DynamicTensor<float>.Zeros(count, 10);

        public long[] Labels { get; } = new long[count];

        public DynamicTensor<float> Z1 { get; } = DynamicTensor<float>.Zeros(count, 32);

        public DynamicTensor<float> Z2 { get; } = DynamicTensor<float>.Zeros(count, 10);

        public DynamicTensor<float> Dh { get; } = DynamicTensor<float>.Zeros(count, 32);
    }
}
