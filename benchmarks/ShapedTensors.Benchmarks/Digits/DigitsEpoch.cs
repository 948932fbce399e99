using System;
using BenchmarkDotNet.Attributes;
using Digits;
using ShapedTensors.Benchmarks.Digits;
using ShapedTensors.Benchmarks.Infrastructure;

namespace ShapedTensors.Benchmarks;

/// <summary>
/// One training epoch of the digits sample (1,438 images in 22 batches of 64 and one of 30, a 64 → 32 → 10 perceptron,
/// forward, backward and SGD update), on one thread each: the sample's own <see cref="Trainer"/> (the baseline), the
/// same loop on <see cref="DynamicTensor{T}"/>, and with TorchSharp, hand-written as the others and with autograd.
/// Issue 13's target: at least 2× TorchSharp.
/// </summary>
[Workload("digits epoch", 1438L * DigitsFlopsPerImage)]
public class DigitsEpoch
{
    // Forward 2·(64·32 + 32·10), backward 2·(32·10 + 32·10 + 64·32): the products only.
    private const long DigitsFlopsPerImage = (2 * ((64 * 32) + (32 * 10))) + (2 * ((32 * 10) + (32 * 10) + (64 * 32)));
    private const float LearningRate = 0.2f;

    private Trainer _shaped = null!;
    private DynamicDigits _dynamic = null!;
    private TorchDigits _torch = null!, _autograd = null!;

    /// <summary>Loads the data, makes one initial model for all, and checks that their first epochs agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ShapedTensorsSettings.MaxDegreeOfParallelism = 1;
        TorchRuntime.Initialize(threads: 1);
        var (train, _) = DigitsData.Load(DigitsData.DefaultPath).Split(testFraction: 0.2, seed: 1);
        var initial = Parameters.Initialize(seed: 2);
        _shaped = new Trainer(train, initial.Clone(), batchSize: 64, LearningRate, seed: 3);
        _dynamic = new DynamicDigits(train, initial, LearningRate, seed: 3);
        _torch = new TorchDigits(train, initial, LearningRate, seed: 3, autograd: false);
        _autograd = new TorchDigits(train, initial, LearningRate, seed: 3, autograd: true);

        // The same order of the same batches from the same model: the same mean loss, but for rounding.
        var expected = _shaped.RunEpoch();
        Agree("DynamicTensor", expected, _dynamic.RunEpoch());
        Agree("TorchSharp", expected, _torch.RunEpoch());
        Agree("TorchSharp autograd", expected, _autograd.RunEpoch());
    }

    /// <summary>Frees the native tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _torch.Dispose();
        _autograd.Dispose();
    }

    /// <summary>The sample's training loop (samples/Digits.Model), shaped tensors.</summary>
    [Benchmark(Baseline = true)]
    public float ShapedTensors() => _shaped.RunEpoch();

    /// <summary>The same loop on DynamicTensor&lt;float&gt;: every shape checked at run time.</summary>
    [Benchmark]
    public float DynamicTensor() => _dynamic.RunEpoch();

    /// <summary>The same hand-written loop with TorchSharp, one libtorch thread.</summary>
    [Benchmark]
    public float TorchSharp() => _torch.RunEpoch();

    /// <summary>TorchSharp as its users write it: autograd and cross_entropy, one libtorch thread.</summary>
    [Benchmark]
    public float TorchSharpAutograd() => _autograd.RunEpoch();

    private static void Agree(string what, float expected, float actual)
    {
        if (Math.Abs(expected - actual) > 1e-4f * Math.Max(1, Math.Abs(expected)))
        {
            throw new InvalidOperationException($"Digits epoch ({what}): mean loss {actual}, expected {expected}.");
        }
    }
}
