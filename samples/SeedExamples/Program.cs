// Every example of the source document, on the dynamic tensor (shapes known at run time).
using System;
using ShapedTensors;

Run("BatchDot", [10, 12, 4, 5], [10, 12, 5, 8], (x, y) => x.BatchDot(y));
Run("MatMul", [10, 12, 4, 5], [10, 12, 5, 8], (x, y) => x.MatMul(y));
Run("Dot", [3, 4], [4, 5], (x, y) => x.Dot(y));
Run("Dot", [2, 3, 4], [7, 4, 5], (x, y) => x.Dot(y));
Run("Dot", [1, 2, 3, 4], [8, 7, 4, 5], (x, y) => x.Dot(y));
Run("Dot", [1, 2, 4], [8, 7, 4, 5], (x, y) => x.Dot(y));
Run("BatchDot", [9, 8, 7, 4, 2], [9, 8, 7, 2, 5], (x, y) => x.BatchDot(y));
Run("MatMul", [9, 8, 7, 4, 2], [9, 8, 7, 2, 5], (x, y) => x.MatMul(y));
Run("Dot", [3, 4, 5, 2], [2, 5, 3, 7], (x, y) => x.Dot(y));

var a = DynamicTensor<float>.FromArray(new Shape(2, 2), [1, 2, 3, 4]);
var b = DynamicTensor<float>.FromArray(new Shape(2, 2), [5, 6, 7, 8]);
Console.WriteLine($"Dot      [[1, 2], [3, 4]] . [[5, 6], [7, 8]] =\n{a.Dot(b)}");

// Runs one operation on random operands of the given shapes and prints the call and its result shape,
// or the exact error TensorFlow/Keras would raise.
static void Run(string operation, int[] left, int[] right, Func<DynamicTensor<float>, DynamicTensor<float>, DynamicTensor<float>> call)
{
    var x = DynamicTensor<float>.Random(new Shape(left), seed: 1);
    var y = DynamicTensor<float>.Random(new Shape(right), seed: 2);
    var line = $"{operation,-8} {x.Shape} . {y.Shape} -> ";
    try
    {
        Console.WriteLine(line + call(x, y).Shape);
    }
    catch (ShapeMismatchException e)
    {
        Console.WriteLine(line + "error: " + e.Message);
    }
}
