using System;
using Digits;

namespace ShapedTensors.Digits.Tests;

/// <summary>
/// The same perceptron and loss as <see cref="TrainingStep"/>, written independently: plain loops over arrays, in double
/// precision, no tensors. What the tests compare the shaped step with.
/// </summary>
internal sealed class NaiveMlp
{
    private const int In = 64, HiddenUnits = 32, Out = 10;

    public NaiveMlp(Parameters model)
    {
        W1 = ToDouble(model.W1.AsReadOnlySpan());
        B1 = ToDouble(model.B1.AsReadOnlySpan());
        W2 = ToDouble(model.W2.AsReadOnlySpan());
        B2 = ToDouble(model.B2.AsReadOnlySpan());
    }

    public double[] W1 { get; }

    public double[] B1 { get; }

    public double[] W2 { get; }

    public double[] B2 { get; }

    /// <summary>Every parameter, in the order W1, b1, W2, b2 (for finite differences).</summary>
    public double[][] All => [W1, B1, W2, B2];

    /// <summary>The mean cross-entropy of the batch (probabilities clipped to [1e−7, 1 − 1e−7], as Keras does).</summary>
    public double Loss(float[] images, int[] labels)
        => Run(images, labels, gradients: null);

    /// <summary>The loss, and its gradients in the order of <see cref="All"/>.</summary>
    public (double Loss, double[][] Gradients) Gradients(float[] images, int[] labels)
    {
        double[][] gradients = [new double[W1.Length], new double[B1.Length], new double[W2.Length], new double[B2.Length]];
        return (Run(images, labels, gradients), gradients);
    }

    private double Run(float[] images, int[] labels, double[][]? gradients)
    {
        var n = labels.Length;
        var loss = 0.0;
        for (var r = 0; r < n; r++)
        {
            // Forward, one image at a time.
            var hidden = new double[HiddenUnits];
            for (var j = 0; j < HiddenUnits; j++)
            {
                var z = B1[j];
                for (var i = 0; i < In; i++)
                {
                    z += images[(r * In) + i] * W1[(i * HiddenUnits) + j];
                }

                hidden[j] = Math.Max(z, 0);
            }

            var logits = new double[Out];
            for (var k = 0; k < Out; k++)
            {
                logits[k] = B2[k];
                for (var j = 0; j < HiddenUnits; j++)
                {
                    logits[k] += hidden[j] * W2[(j * Out) + k];
                }
            }

            var max = double.NegativeInfinity;
            foreach (var l in logits)
            {
                max = Math.Max(max, l);
            }

            var sum = 0.0;
            var p = new double[Out];
            for (var k = 0; k < Out; k++)
            {
                p[k] = Math.Exp(logits[k] - max);
                sum += p[k];
            }

            for (var k = 0; k < Out; k++)
            {
                p[k] /= sum;
            }

            loss -= Math.Log(Math.Clamp(p[labels[r]], 1e-7, 1 - 1e-7)) / n;
            if (gradients is null)
            {
                continue;
            }

            // Backward: d loss / d logit k = (p_k − [k = label]) / n.
            var dHidden = new double[HiddenUnits];
            for (var k = 0; k < Out; k++)
            {
                var dLogit = (p[k] - (k == labels[r] ? 1 : 0)) / n;
                gradients[3][k] += dLogit;
                for (var j = 0; j < HiddenUnits; j++)
                {
                    gradients[2][(j * Out) + k] += hidden[j] * dLogit;
                    dHidden[j] += W2[(j * Out) + k] * dLogit;
                }
            }

            for (var j = 0; j < HiddenUnits; j++)
            {
                if (hidden[j] <= 0)
                {
                    continue;
                }

                gradients[1][j] += dHidden[j];
                for (var i = 0; i < In; i++)
                {
                    gradients[0][(i * HiddenUnits) + j] += images[(r * In) + i] * dHidden[j];
                }
            }
        }

        return loss;
    }

    private static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
