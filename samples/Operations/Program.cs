// The operations of docs/OPS.md on shaped types: a dense-layer chain whose every intermediate has a shape the
// generator computed at compile time, a few other operations, and the run-time error of a dynamic tensor.
using System;
using ShapedTensors;

namespace Operations;

// A batch of 4 inputs of 3 features, a hidden layer of 5 units and 2 classes.
[Tensor(4, 3)] public partial struct Input;
[Tensor(3, 5)] public partial struct W1;
[Tensor(5)] public partial struct B1;
[Tensor(5, 2)] public partial struct W2;
[Tensor(2)] public partial struct B2;

// Operands of the other examples.
[Tensor(2, 3, 4)] public partial struct Cube;

public static class Program
{
    public static void Main()
    {
        var x = Input.Random(seed: 1);
        var w1 = W1.Random(seed: 2);
        var b1 = B1.Random(seed: 3);
        var w2 = W2.Random(seed: 4);
        var b2 = B2.Random(seed: 5);

        // The dense-layer chain: every var below has a generated type of the shape Keras would infer.
        var h = (x.MatMul(w1) + b1).Relu();
        var p = h.MatMul(w2).BiasAdd(b2).Softmax();
        var loss = p.Mean();
        Show("h = (x.MatMul(w1) + b1).Relu()", h);
        Show("p = h.MatMul(w2).BiasAdd(b2).Softmax()", p);
        Show("loss = p.Mean()", loss);
        Console.WriteLine($"  loss = {loss}; each row of p sums to 1: {p.Sum(axis: -1)}");
        Console.WriteLine();

        // A few more operations of OPS.md, each result typed at compile time.
        var cube = Cube.Random(seed: 6);
        Show("cube.Sum(axis: 1, keepdims: true)", cube.Sum(axis: 1, keepdims: true));
        Show("cube.PermuteDimensions(2, 0, 1)", cube.PermuteDimensions(2, 0, 1));
        Show("cube.Reshape(4, -1)", cube.Reshape(4, -1));
        Show("p.Concatenate(h, axis: -1)", p.Concatenate(h, axis: -1));
        Show("2f * p - 1f", 2f * p - 1f);
        Console.WriteLine();

        // With shaped types a mismatch is a compile error (ST0001 with this text); a dynamic tensor, whose shape is
        // known only at run time, throws TensorFlow's exact text instead.
        var dynamic = DynamicTensor<float>.Random(new Shape(2, 3), seed: 7);
        try
        {
            dynamic.Reshape(5, 5);
        }
        catch (ShapeMismatchException e)
        {
            Console.WriteLine($"{dynamic.Shape}.Reshape(5, 5) -> error: {e.Message}");
        }

    }

    // The static type the generator chose for a result, and its shape.
    private static void Show<TTensor>(string expression, TTensor value)
        where TTensor : IShapedTensor<float>
        => Console.WriteLine($"{expression,-42} : {typeof(TTensor).Name,-14} shape {value.Shape}");
}
