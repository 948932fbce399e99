using System;
using System.Collections.Generic;
using Digits;
using TorchSharp;

namespace ShapedTensors.Benchmarks.Digits;

/// <summary>
/// The sample's training loop written with TorchSharp: with <paramref name="autograd"/> false the same hand-written
/// backward pass (mm with t(), sum over the batch, the ReLU mask), with true the way a TorchSharp user would write it
/// (cross_entropy, backward(), an update under no_grad). Each step's tensors are freed by a dispose scope.
/// </summary>
internal sealed class TorchDigits : IDisposable
{
    private readonly Minibatches _batches;
    private readonly torch.Tensor _w1, _b1, _w2, _b2;
    private readonly Dictionary<int, (float[] X, float[] Y, long[] Labels)> _arrays = [];
    private readonly float _learningRate;
    private readonly bool _autograd;

    public TorchDigits(DigitsData data, Parameters initial, float learningRate, int seed, bool autograd)
    {
        _batches = new Minibatches(data, 64, seed);
        _w1 = torch.tensor(initial.W1.ToArray(), [64, 32]);
        _b1 = torch.tensor(initial.B1.ToArray(), [32]);
        _w2 = torch.tensor(initial.W2.ToArray(), [32, 10]);
        _b2 = torch.tensor(initial.B2.ToArray(), [10]);
        _learningRate = learningRate;
        _autograd = autograd;
        if (autograd)
        {
            foreach (var parameter in new[] { _w1, _b1, _w2, _b2 })
            {
                parameter.requires_grad_();
            }
        }
    }

    public float RunEpoch()
    {
        _batches.Shuffle();
        var total = 0.0;
        for (var start = 0; start < _batches.Count; start += _batches.BatchSize)
        {
            var count = Math.Min(_batches.BatchSize, _batches.Count - start);
            if (!_arrays.TryGetValue(count, out var arrays))
            {
                _arrays[count] = arrays = (new float[count * 64], new float[count * 10], new long[count]);
            }

            _batches.Fill(start, count, arrays.X, arrays.Y, arrays.Labels);
            using var scope = torch.NewDisposeScope();
            var x = torch.tensor(arrays.X, [count, 64]);
            total += (double)(_autograd ? AutogradStep(x, torch.tensor(arrays.Labels)) : Step(x, torch.tensor(arrays.Y, [count, 10]))) * count;
        }

        return (float)(total / _batches.Count);
    }

    public void Dispose()
    {
        foreach (var parameter in new[] { _w1, _b1, _w2, _b2 })
        {
            parameter.Dispose();
        }
    }

    private float Step(torch.Tensor x, torch.Tensor y)
    {
        var count = x.shape[0];
        var h = x.mm(_w1).add_(_b1).relu_();
        var p = h.mm(_w2).add_(_b2).softmax(1);
        var loss = -(y * p.clamp(1e-7f, 1 - 1e-7f).log()).sum().item<float>() / count;

        var dz2 = (p - y).div_(count);
        var dW2 = h.t().mm(dz2);
        var db2 = dz2.sum(dim: 0);                          // not sum(0): the literal 0 converts to ScalarType, the whole sum as bytes
        var dh = dz2.mm(_w2.t()).mul_(h.gt(0));
        var dW1 = x.t().mm(dh);
        var db1 = dh.sum(dim: 0);

        _w1.add_(dW1, -_learningRate);
        _b1.add_(db1, -_learningRate);
        _w2.add_(dW2, -_learningRate);
        _b2.add_(db2, -_learningRate);
        return loss;
    }

    private float AutogradStep(torch.Tensor x, torch.Tensor labels)
    {
        var logits = x.mm(_w1).add(_b1).relu().mm(_w2).add(_b2);
        var loss = torch.nn.functional.cross_entropy(logits, labels);
        loss.backward();
        using (torch.no_grad())
        {
            foreach (var parameter in new[] { _w1, _b1, _w2, _b2 })
            {
                parameter.add_(parameter.grad!, -_learningRate);
                parameter.grad!.zero_();
            }
        }

        return loss.item<float>();
    }
}
