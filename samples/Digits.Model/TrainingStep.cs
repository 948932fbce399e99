using System;
using System.Collections.Generic;
// Not needed when every shape fits; when one does not, the call binds to the library's fallbacks, and the error is
// ST0001 with TensorFlow's text instead of C#'s "no MatMul for these types" (CS1929).
using ShapedTensors;

namespace Digits;

/// <summary>
/// One step of mini-batch SGD for the 64 → 32 → 10 perceptron: the forward pass, softmax cross-entropy, the backward
/// pass written by hand with the shaped operations, and the update. Every intermediate has a type whose known sizes the
/// compiler checked, so a wrong gradient shape (a transpose left out) does not compile. Products go into tensors made
/// once per batch size (the destination forms), and gradients into <see cref="Gradients"/>; the other operations
/// (BiasAdd, Relu, Softmax, Sum...) allocate their results, since shaped types have no destination forms for them yet.
/// </summary>
public sealed class TrainingStep
{
    private readonly Parameters _model;
    private readonly Dictionary<int, Buffers> _buffers = [];

    /// <summary>A step that trains <paramref name="model"/> in place.</summary>
    public TrainingStep(Parameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>The gradients of the last batch's loss, with respect to each parameter.</summary>
    public Parameters Gradients { get; } = new();

    /// <summary>Computes the gradients of the batch's mean cross-entropy and descends them; returns the loss.</summary>
    public float Train(Images x, OneHot labels, float learningRate)
    {
        var loss = ComputeGradients(x, labels);
        _model.Descend(Gradients, learningRate);
        return loss;
    }

    /// <summary>The batch's mean softmax cross-entropy, and its gradients in <see cref="Gradients"/>.</summary>
    public float ComputeGradients(Images x, OneHot labels)
    {
        var m = _model;
        var g = Gradients;
        var b = BuffersFor(x.Batch);

        // Forward: z1 = x·W1 + b1, h = relu(z1), p = softmax(h·W2 + b2).
        x.MatMul(m.W1, b.Z1);
        var h = b.Z1.BiasAdd(m.B1).Relu();
        h.MatMul(m.W2, b.Z2);
        var p = b.Z2.BiasAdd(m.B2).Softmax();
        var loss = CrossEntropy(p, labels);

        // Backward, from the loss to each parameter. With the mean over the batch, d loss / d logits = (p − y) / batch.
        var dz2 = (p - labels) * b.PerExample;
        h.MatMul(dz2, g.W2, transposeA: true);              // dW2 = hᵀ·dz2       (32, 10)
        g.B2 = dz2.Sum(0);                                   // db2 = Σ_batch dz2  (10)
        dz2.MatMul(m.W2, b.Dh, transposeB: true);            // dh = dz2·W2ᵀ       (batch, 32)
        ReluBackward(b.Dh, h);                               // dz1 = dh ⊙ [h > 0], in place
        x.MatMul(b.Dh, g.W1, transposeA: true);              // dW1 = xᵀ·dz1       (64, 32)
        g.B1 = b.Dh.Sum(0);                                  // db1 = Σ_batch dz1  (32)
        return loss;
    }

    /// <summary>The model's class probabilities for a batch.</summary>
    public static Scores Predict(Parameters model, Images x)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (x.MatMul(model.W1) + model.B1).Relu().MatMul(model.W2).BiasAdd(model.B2).Softmax();
    }

    /// <summary>
    /// Keras' categorical cross-entropy, averaged over the batch: −Σ y·log p per row, with p clipped to [1e−7, 1 − 1e−7]
    /// so that a probability of 0 costs a large finite loss rather than infinity.
    /// </summary>
    private static float CrossEntropy(Scores p, OneHot labels)
        => -(labels * p.Maximum(1e-7f).Minimum(1 - 1e-7f).Log()).Sum().AsReadOnlySpan()[0] / labels.Batch;

    /// <summary>ReLU's gradient: an element whose unit was off (h = 0) passes nothing back.</summary>
    private static void ReluBackward(Hidden gradient, Hidden h)
    {
        var dh = gradient.AsSpan();
        var values = h.AsReadOnlySpan();
        for (var i = 0; i < dh.Length; i++)
        {
            if (values[i] <= 0)
            {
                dh[i] = 0;
            }
        }
    }

    private Buffers BuffersFor(int batch)
    {
        if (!_buffers.TryGetValue(batch, out var buffers))
        {
            _buffers[batch] = buffers = new Buffers(batch);
        }

        return buffers;
    }

    /// <summary>The products' destinations for one batch size: an epoch makes one set for 64 and one for its last batch.</summary>
    private sealed class Buffers(int batch)
    {
        /// <summary>1 / batch. (Kept here, not written at the call as 1f / x.Batch: the generator reads a scalar
        /// operand's type before the generated members exist, and x.Batch is one of them.)</summary>
        public float PerExample { get; } = 1f / batch;

        public Hidden Z1 { get; } = Hidden.Zeros(batch);

        public Scores Z2 { get; } = Scores.Zeros(batch);

        public Hidden Dh { get; } = Hidden.Zeros(batch);
    }
}
