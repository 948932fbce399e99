using System;
using System.Numerics.Tensors;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// Tensors with a dimension of 0 are ordinary values: created, printed, converted and used as operands and
/// destinations like any other (the operations' shapes and values are in <see cref="EdgeCaseTests"/>).
/// </summary>
public sealed class EmptyTensorTests
{
    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 2, 0 })]
    [InlineData(new[] { 0, 3, 4 })]
    [InlineData(new[] { 3, 4, 0 })]
    public void An_empty_tensor_prints_as_numpy_does_whatever_its_rank(int[] dims)
    {
        // numpy's array2string: "treat as a null array if any of shape elements == 0" -> "[]"
        // (str(np.zeros((2, 0))) is "[]", not "[[] []]").
        var shape = new Shape(dims);
        Assert.Equal("[]", DynamicTensor<float>.Zeros(shape).ToString());
        Assert.Equal("[]", DynamicTensor<double>.Random(shape, seed: 1).ToString());
        Assert.Equal("[]", TensorFormatter.Format<float>(shape, ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void Every_factory_makes_an_empty_tensor()
    {
        var shape = new Shape(3, 0);
        foreach (var tensor in new[]
        {
            DynamicTensor<float>.Zeros(shape), DynamicTensor<float>.Ones(3, 0), DynamicTensor<float>.Random(shape, 5),
            DynamicTensor<float>.FromArray(shape, []), DynamicTensor<float>.FromSpan(shape, []),
            DynamicTensor<float>.FromFunction(shape, _ => throw new InvalidOperationException("called for an empty tensor")),
            new DynamicTensor<float>(shape, []),
        })
        {
            Assert.Equal(shape, tensor.Shape);
            Assert.Equal(0, tensor.Length);
            Assert.Empty(tensor.ToArray());
            Assert.True(tensor.AsSpan().IsEmpty);
        }

        var e = Assert.Throws<ArgumentException>(() => DynamicTensor<float>.FromArray(shape, [1f]));
        Assert.Equal(new ArgumentException("A tensor of shape (3, 0) needs 0 elements, but 1 were given.", "data").Message, e.Message);
    }

    [Fact]
    public void No_index_is_inside_an_empty_dimension()
    {
        var tensor = DynamicTensor<float>.Zeros(3, 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => tensor[1, 0]);
        Assert.Equal(new ArgumentOutOfRangeException("index", 0, "Index 0 is out of range for axis 1 of size 0 in shape (3, 0).").Message, e.Message);
    }

    [Fact]
    public void Empty_destinations_never_share_memory_with_their_operands()
    {
        // Copies of empty spans are all the same empty array; an empty destination has no memory to share.
        var x = DynamicTensor<float>.FromSpan(new Shape(0, 3), []);
        var y = DynamicTensor<float>.FromSpan(new Shape(3, 4), new float[12]);
        var destination = DynamicTensor<float>.FromSpan(new Shape(0, 4), []);
        x.MatMul(y, destination);
        x.Dot(y, destination);
        Assert.Equal(new Shape(0, 4), x.MatMul(y).Shape);

        var k = DynamicTensor<float>.FromSpan(new Shape(2, 0), []);
        var m = DynamicTensor<float>.FromSpan(new Shape(0, 5), []);
        var zeros = DynamicTensor<float>.FromFunction(new Shape(2, 5), _ => float.NaN);
        k.MatMul(m, zeros);
        Assert.All(zeros.ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Empty_tensors_convert_to_and_from_tensor_spans_and_multidimensional_arrays()
    {
        var tensor = DynamicTensor<float>.Zeros(0, 4);
        Assert.Equal(new nint[] { 0, 4 }, tensor.AsTensorSpan().Lengths.ToArray());
        Assert.Equal(new nint[] { 0, 4 }, tensor.ToTensor().Lengths.ToArray());
        Assert.Equal(new Shape(0, 4), DynamicTensor<float>.FromTensorSpan(tensor.AsReadOnlyTensorSpan()).Shape);
        Assert.Equal(new Shape(2, 0, 3), DynamicTensor<float>.FromTensor(Tensor.Create<float>([], new nint[] { 2, 0, 3 })).Shape);

        var array = (float[,])tensor.ToMultidimensionalArray();
        Assert.Equal(0, array.GetLength(0));
        Assert.Equal(4, array.GetLength(1));
        Assert.Equal(new Shape(3, 0), DynamicTensor<double>.FromMultidimensionalArray(new double[3, 0]).Shape);
    }
}
