// Trains a 64 → 32 → 10 perceptron on the UCI handwritten digits (Data/NOTICE.md) with shaped tensors, forward and
// backward pass (../Digits.Model/TrainingStep.cs), and evaluates it on images it never saw.
// Run: dotnet run --project samples/Digits [-- --epochs 50] [--plot curves.png]
using System;
using System.Diagnostics;
using System.Globalization;
using Digits;

if (!Options.TryParse(args, out var options))
{
    Console.Error.WriteLine("usage: Digits [--epochs N (1 to 1000, default 50)] [--plot FILE.png]");
    return 2;
}

var (train, test) = DigitsData.Load(DigitsData.DefaultPath).Split(testFraction: 0.2, seed: 1);
Console.WriteLine($"{train.Count} training images, {test.Count} test images; 64 → 32 → 10, ReLU, softmax, SGD, batches of 64");

var model = Parameters.Initialize(seed: 2);
var trainer = new Trainer(train, model, batchSize: 64, learningRate: 0.2f, seed: 3);
var history = new History();
var clock = new Stopwatch();
for (var epoch = 1; epoch <= options.Epochs; epoch++)
{
    clock.Restart();
    var loss = trainer.RunEpoch();
    var time = clock.Elapsed;
    var trainAccuracy = Evaluation.Of(model, train).Accuracy;
    var testAccuracy = Evaluation.Of(model, test).Accuracy;
    history.Add(loss, trainAccuracy, testAccuracy);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"epoch {epoch,3}: loss {loss:F4}, train accuracy {trainAccuracy:P1}, test accuracy {testAccuracy:P1}, {time.TotalMilliseconds:F1} ms"));
}

var final = Evaluation.Of(model, test);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy: {final.Accuracy:P2} ({final.Correct} of {final.Count})"));
Console.WriteLine();
Console.Write(ConfusionMatrix.Format(final.Confusion));

if (options.PlotPath is { } plotPath)
{
    Curves.Save(history, plotPath);
    Console.WriteLine($"curves written to {plotPath}");
}

return 0;
