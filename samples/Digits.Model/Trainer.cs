using System;
using System.Collections.Generic;

namespace Digits;

/// <summary>
/// Mini-batch SGD over a training set: each epoch visits the images in a new random order (fixed by the seed), in
/// batches of <see cref="BatchSize"/>, the last one smaller, and takes one <see cref="TrainingStep"/> per batch.
/// </summary>
public sealed class Trainer
{
    private readonly DigitsData _data;
    private readonly TrainingStep _step;
    private readonly Random _random;
    private readonly int[] _order;
    private readonly Dictionary<int, (Images Images, OneHot Labels)> _batches = [];

    /// <summary>A trainer that updates <paramref name="model"/> in place.</summary>
    public Trainer(DigitsData data, Parameters model, int batchSize, float learningRate, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _data = data;
        _step = new TrainingStep(model);
        _random = new Random(seed);
        _order = [.. System.Linq.Enumerable.Range(0, data.Count)];
        BatchSize = batchSize;
        LearningRate = learningRate;
    }

    /// <summary>Images per step (the last batch of an epoch has the rest).</summary>
    public int BatchSize { get; }

    /// <summary>SGD's step size.</summary>
    public float LearningRate { get; }

    /// <summary>One pass over the training set; returns the mean of the batches' losses, weighted by their sizes.</summary>
    public float RunEpoch()
    {
        _random.Shuffle(_order);
        var total = 0.0;
        for (var start = 0; start < _order.Length; start += BatchSize)
        {
            var (images, labels) = Fill(start, Math.Min(BatchSize, _order.Length - start));
            total += (double)_step.Train(images, labels, LearningRate) * images.Batch;
        }

        return (float)(total / _order.Length);
    }

    /// <summary>Copies the next images of the epoch's order into the batch tensors of that size (made once).</summary>
    private (Images Images, OneHot Labels) Fill(int start, int count)
    {
        if (!_batches.TryGetValue(count, out var batch))
        {
            _batches[count] = batch = (Images.Zeros(batch: count), OneHot.Zeros(batch: count));
        }

        var pixels = batch.Images.AsSpan();
        var oneHot = batch.Labels.AsSpan();
        oneHot.Clear();
        for (var i = 0; i < count; i++)
        {
            var image = _order[start + i];
            _data.Images.AsSpan(image * DigitsData.Pixels, DigitsData.Pixels).CopyTo(pixels.Slice(i * DigitsData.Pixels));
            oneHot[(i * DigitsData.Classes) + _data.Labels[image]] = 1;
        }

        return batch;
    }
}
