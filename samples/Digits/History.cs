using System.Collections.Generic;

namespace Digits;

/// <summary>Each epoch's loss and accuracies, for the plot.</summary>
internal sealed class History
{
    public List<double> Loss { get; } = [];

    public List<double> TrainAccuracy { get; } = [];

    public List<double> TestAccuracy { get; } = [];

    public void Add(double loss, double trainAccuracy, double testAccuracy)
    {
        Loss.Add(loss);
        TrainAccuracy.Add(trainAccuracy);
        TestAccuracy.Add(testAccuracy);
    }
}
