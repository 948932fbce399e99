using System.Linq;

namespace Digits;

/// <summary>The loss (left axis) and the accuracies (right axis) per epoch, as a PNG (ScottPlot).</summary>
internal static class Curves
{
    public static void Save(History history, string path)
    {
        var epochs = Enumerable.Range(1, history.Loss.Count).Select(e => (double)e).ToArray();
        var plot = new ScottPlot.Plot();
        plot.Title("Digits: a 64 → 32 → 10 perceptron trained with shaped tensors");
        plot.XLabel("epoch");
        plot.YLabel("loss (mean cross-entropy)");
        plot.Axes.Right.Label.Text = "accuracy";

        var loss = plot.Add.Scatter(epochs, history.Loss.ToArray());
        loss.LegendText = "training loss";

        var train = plot.Add.Scatter(epochs, history.TrainAccuracy.ToArray());
        train.LegendText = "train accuracy";
        train.Axes.YAxis = plot.Axes.Right;

        var test = plot.Add.Scatter(epochs, history.TestAccuracy.ToArray());
        test.LegendText = "test accuracy";
        test.Axes.YAxis = plot.Axes.Right;

        plot.Legend.Alignment = ScottPlot.Alignment.MiddleRight;
        plot.ShowLegend();
        plot.SavePng(path, 900, 540);
    }
}
