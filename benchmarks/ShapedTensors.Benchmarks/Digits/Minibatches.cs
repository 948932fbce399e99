using System;
using Digits;

namespace ShapedTensors.Benchmarks.Digits;

/// <summary>
/// The epoch order and batch copies the sample's <see cref="Trainer"/> makes, for the loops written on other tensors:
/// each epoch a new shuffle (the same seeded sequence), batches of 64, the last one smaller.
/// </summary>
internal sealed class Minibatches(DigitsData data, int batchSize, int seed)
{
    private readonly Random _random = new(seed);
    private readonly int[] _order = [.. System.Linq.Enumerable.Range(0, data.Count)];

    public int Count => _order.Length;

    public int BatchSize => batchSize;

    /// <summary>Starts an epoch: a new order.</summary>
    public void Shuffle() => _random.Shuffle(_order);

    /// <summary>Copies <paramref name="count"/> images from <paramref name="start"/> of the order, with one-hot labels.</summary>
    public void Fill(int start, int count, Span<float> images, Span<float> oneHot, Span<long> labels)
    {
        oneHot.Clear();
        for (var i = 0; i < count; i++)
        {
            var image = _order[start + i];
            data.Images.AsSpan(image * DigitsData.Pixels, DigitsData.Pixels).CopyTo(images.Slice(i * DigitsData.Pixels));
            oneHot[(i * DigitsData.Classes) + data.Labels[image]] = 1;
            labels[i] = data.Labels[image];
        }
    }
}
