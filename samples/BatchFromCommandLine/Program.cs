// A batch of inputs whose size is known only at run time (the command line's), pushed through two dense layers.
// The batch dimension is named: every known dimension is still checked at compile time, and the batch size once per
// call, at run time. Run: dotnet run --project samples/BatchFromCommandLine -- 64
using System;
using System.Globalization;
using ShapedTensors;

if (args.Length > 1 || !TryParseBatch(args.Length == 1 ? args[0] : "32", out var batch))
{
    Console.Error.WriteLine("usage: BatchFromCommandLine [batch size, a whole number from 0 to 100000; default 32]");
    return 2;
}

// Keras: x = K.placeholder(shape=(None, 784)); h = K.dot(x, W1); y = K.dot(h, W2)
var images = Images.Random(seed: 1, batch: batch);
var hidden = images.MatMul(Layer1.Random(seed: 2));    // (batch, 128)
var scores = hidden.MatMul(Layer2.Random(seed: 3));    // (batch, 10)

Console.WriteLine($"images: declared {Images.StaticShape}, run time {images.Shape}");
Console.WriteLine($"hidden: run time {hidden.Shape}");
Console.WriteLine($"scores: run time {scores.Shape}, batch = {scores.Batch}");

// A weight matrix of the wrong shape does not compile, with TensorFlow's text (ST0001):
//   images.MatMul(Layer2.Random(seed: 3));
//   Dimensions must be equal, but are 784 and 128 for 'MatMul' (op: 'MatMul') with input shapes: [?,784], [128,10].
// Data whose size does not fit the declaration is rejected when it becomes a value:
try
{
    Images.FromDynamic(DynamicTensor<float>.Zeros(batch, 783));
}
catch (ArgumentException e)
{
    Console.WriteLine($"rejected: {e.Message}");
}

return 0;

static bool TryParseBatch(string text, out int batch)
    => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out batch) && batch <= 100_000;

/// <summary>A batch of 28×28 images, flattened.</summary>
[Tensor("batch", 784)]
internal partial struct Images;

/// <summary>The first dense layer's weights.</summary>
[Tensor(784, 128)]
internal partial struct Layer1;

/// <summary>The second dense layer's weights.</summary>
[Tensor(128, 10)]
internal partial struct Layer2;
