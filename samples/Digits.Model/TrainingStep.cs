using System;
using System.Collections.Generic;
// Not needed when every shape fits; when one does not, the call binds to the library's fallbacks, and the error is
// ST0001 with TensorFlow's text instead of C#'s "no MatMul for these types" (CS1929).
using ShapedTensors;
// Float32_Scalar, the generated type of the summed loss (a [Tensor] type declares at least one dimension).
using ShapedTensors.Generated.Digits.Model;

namespace Digits;

/// <summary>
/// One step of mini-batch SGD for the 64 → 32 → 10 perceptron: the forward pass, softmax cross-entropy, the backward
/// pass written by hand with the shaped operations, and the update. Every intermediate has a type whose known sizes the
/// compiler checked, so a wrong gradient shape (a transpose left out) does not compile. Every operation writes into a
/// tensor made once per batch size (its destination form; in place where the operation allows it), and the gradients
/// go into <see cref="Gradients"/>, so the steps after the first of a batch size allocate no tensors. (They still
/// allocate up to 416 bytes: the generated conversion of a Hidden or Scores buffer to the destination parameter's type,
/// Float32_batchx32 or Float32_batchx10, makes a 32-byte DynamicTensor on the way, 13 times; see AllocationTests.)
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
        var (h, p, dz2, dh) = (b.H, b.P, b.Dz2, b.Dh);

        // Forward: h = relu(x·W1 + b1), p = softmax(h·W2 + b2), in place in the batch size's buffers.
        x.MatMul(m.W1, h);                                   // z1 = x·W1          (batch, 32)
        h.BiasAdd(m.B1, h);                                  // z1 += b1
        h.Relu(h);                                           // h = relu(z1)
        h.MatMul(m.W2, p);                                   // z2 = h·W2          (batch, 10)
        p.BiasAdd(m.B2, p);                                  // z2 += b2
        p.Softmax(p);                                        // p = softmax(z2)
        var loss = CrossEntropy(p, labels, b);

        // Backward, from the loss to each parameter. With the mean over the batch, d loss / d logits = (p − y) / batch.
        p.Subtract(labels, dz2);                             // dz2 = p − y        (batch, 10)
        dz2.Multiply(b.PerExample, dz2);                     // dz2 /= batch
        h.MatMul(dz2, g.W2, transposeA: true);               // dW2 = hᵀ·dz2       (32, 10)
        dz2.Sum(0, g.B2);                                    // db2 = Σ_batch dz2  (10)
        dz2.MatMul(m.W2, dh, transposeB: true);              // dh = dz2·W2ᵀ       (batch, 32)
        ReluBackward(dh, h);                                 // dz1 = dh ⊙ [h > 0], in place
        x.MatMul(dh, g.W1, transposeA: true);                // dW1 = xᵀ·dz1       (64, 32)
        dh.Sum(0, g.B1);                                     // db1 = Σ_batch dz1  (32)
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
    private static float CrossEntropy(Scores p, OneHot labels, Buffers b)
    {
        var logP = b.LogP;
        p.Maximum(1e-7f, logP);                              // p clipped from below
        logP.Minimum(1 - 1e-7f, logP);                       //   and from above
        logP.Log(logP);                                      // log p              (batch, 10)
        labels.Multiply(logP, logP);                         // y·log p
        logP.Sum(b.Loss);                                    // Σ y·log p          ()
        return -b.Loss.AsReadOnlySpan()[0] / labels.Batch;
    }

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

    /// <summary>Every result's destination for one batch size: an epoch makes one set for 64 and one for its last batch.</summary>
    private sealed class Buffers(int batch)
    {
        /// <summary>1 / batch. (Kept here, not written at the call as 1f / x.Batch: the generator reads a scalar
        /// operand's type before the generated members exist, and x.Batch is one of them.)</summary>
        public float PerExample { get; } = 1f / batch;

        /// <summary>z1, then h = relu(z1).</summary>
        public Hidden H { get; } = Hidden.Zeros(batch);

        /// <summary>z2, then p = softmax(z2).</summary>
        public Scores P { get; } = Scores.Zeros(batch);

        /// <summary>The clipped p, then log p, then y·log p.</summary>
        public Scores LogP { get; } = Scores.Zeros(batch);

        /// <summary>Σ y·log p.</summary>
        public Float32_Scalar Loss { get; } = Float32_Scalar.Zeros();

        /// <summary>The gradient of the loss with respect to z2.</summary>
        public Scores Dz2 { get; } = Scores.Zeros(batch);

        /// <summary>The gradient with respect to h, then (ReLU's gradient applied) to z1.</summary>
        public Hidden Dh { get; } = Hidden.Zeros(batch);
    }
}
