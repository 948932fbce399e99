using System;
using System.Numerics.Tensors;

namespace Digits;

/// <summary>How well a model classifies a data set: its confusion matrix, and the accuracy read from it.</summary>
public sealed class Evaluation
{
    private Evaluation(int[,] confusion, int count, int correct)
    {
        Confusion = confusion;
        Count = count;
        Correct = correct;
    }

    /// <summary>[true digit, predicted digit]: how many images of the first were classified as the second.</summary>
    public int[,] Confusion { get; }

    /// <summary>Images evaluated.</summary>
    public int Count { get; }

    /// <summary>Images classified right.</summary>
    public int Correct { get; }

    /// <summary>The fraction classified right.</summary>
    public double Accuracy => (double)Correct / Count;

    /// <summary>Runs the model on every image of <paramref name="data"/> at once (one batch of data.Count).</summary>
    public static Evaluation Of(Parameters model, DigitsData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var probabilities = TrainingStep.Predict(model, Images.Wrap(data.Images)).AsReadOnlySpan();
        var confusion = new int[DigitsData.Classes, DigitsData.Classes];
        var correct = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var predicted = TensorPrimitives.IndexOfMax(probabilities.Slice(i * DigitsData.Classes, DigitsData.Classes));
            confusion[data.Labels[i], predicted]++;
            correct += predicted == data.Labels[i] ? 1 : 0;
        }

        return new Evaluation(confusion, data.Count, correct);
    }
}
