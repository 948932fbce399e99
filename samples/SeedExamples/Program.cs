// Every example of the source document. Shapes are declared once, below; each call returns a type whose
// shape the generator computed at compile time, backed by a kernel unrolled for those dimensions.
using System;
using ShapedTensors;

namespace SeedExamples;

// (10,12,4,5) . (10,12,5,8) with BatchDot and MatMul
[Tensor(10, 12, 4, 5)] public partial struct W;
[Tensor(10, 12, 5, 8)] public partial struct K;

// Dot (3,4) . (4,5)
[Tensor(3, 4)] public partial struct A34;
[Tensor(4, 5)] public partial struct A45;

// Dot (2,3,4) . (7,4,5)
[Tensor(2, 3, 4)] public partial struct B234;
[Tensor(7, 4, 5)] public partial struct B745;

// Dot (1,2,3,4) . (8,7,4,5) and (1,2,4) . (8,7,4,5)
[Tensor(1, 2, 3, 4)] public partial struct C1234;
[Tensor(1, 2, 4)] public partial struct C124;
[Tensor(8, 7, 4, 5)] public partial struct C8745;

// BatchDot and MatMul (9,8,7,4,2) . (9,8,7,2,5)
[Tensor(9, 8, 7, 4, 2)] public partial struct E;
[Tensor(9, 8, 7, 2, 5)] public partial struct F;

// [[1,2],[3,4]] . [[5,6],[7,8]]
[Tensor(2, 2)] public partial struct M2;

public static class Program
{
    public static void Main()
    {
        Show("BatchDot", W.Shape, K.Shape, W.Random(seed: 1).BatchDot(K.Random(seed: 2)));
        Show("MatMul", W.Shape, K.Shape, W.Random(seed: 1).MatMul(K.Random(seed: 2)));
        Show("Dot", A34.Shape, A45.Shape, A34.Random(seed: 1).Dot(A45.Random(seed: 2)));
        Show("Dot", B234.Shape, B745.Shape, B234.Random(seed: 1).Dot(B745.Random(seed: 2)));
        Show("Dot", C1234.Shape, C8745.Shape, C1234.Random(seed: 1).Dot(C8745.Random(seed: 2)));
        Show("Dot", C124.Shape, C8745.Shape, C124.Random(seed: 1).Dot(C8745.Random(seed: 2)));
        Show("BatchDot", E.Shape, F.Shape, E.Random(seed: 1).BatchDot(F.Random(seed: 2)));
        Show("MatMul", E.Shape, F.Shape, E.Random(seed: 1).MatMul(F.Random(seed: 2)));

        // The mismatched example: with shaped types this is a compile error (the analyzer reports exactly this
        // text), so it runs here on the dynamic tensor, which throws the same text at run time.
        var x = DynamicTensor<float>.Random(new Shape(3, 4, 5, 2), seed: 1);
        var y = DynamicTensor<float>.Random(new Shape(2, 5, 3, 7), seed: 2);
        try
        {
            x.Dot(y);
        }
        catch (ShapeMismatchException e)
        {
            Console.WriteLine($"Dot      {x.Shape} . {y.Shape} -> error: {e.Message}");
        }

        // The same BatchDot as Keras 2.2.5 and tf.keras define it (ShapedTensorsBatchDot=TfKeras in a project; here at
        // run time): only axis 0 is a batch axis, so every other axis of both operands is kept.
        var left = DynamicTensor<float>.Random(E.Shape, seed: 1);
        var right = DynamicTensor<float>.Random(F.Shape, seed: 2);
        Console.WriteLine($"BatchDot {left.Shape} . {right.Shape} -> {left.BatchDot(right, BatchDotSemantics.TfKeras).Shape}  (tf.keras' batch_dot)");

        var a = M2.FromArray([1, 2, 3, 4]);
        var b = M2.FromArray([5, 6, 7, 8]);
        Console.WriteLine($"Dot      [[1, 2], [3, 4]] . [[5, 6], [7, 8]] =\n{a.Dot(b)}");
    }

    // Prints the call, the shape of its result and the generated type that carries that shape.
    private static void Show<T>(string operation, Shape left, Shape right, T result)
        where T : IShapedTensor<float>
        => Console.WriteLine($"{operation,-8} {left} . {right} -> {result.Shape}  ({typeof(T).Name})");
}
