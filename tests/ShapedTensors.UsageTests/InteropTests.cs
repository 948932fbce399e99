using System;
using System.Numerics.Tensors;
using ShapedTensors;
using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>Shaped and dynamic tensors convert to and from System.Numerics.Tensors, spans and multi-dimensional arrays.</summary>
public class InteropTests
{
    [Fact]
    public void Tensor_spans_and_tensors_share_storage()
    {
        var left = Left.FromFunction((i, j) => (i * 4) + j);
        var span = left.AsTensorSpan();
        Assert.Equal([3, 4], span.Lengths.ToArray());
        Assert.Equal(6, span[1, 2]);
        span[2, 3] = -1;
        Assert.Equal(-1, left[2, 3]);

        var tensor = left.ToTensor();
        Assert.Equal(6, tensor[1, 2]);
        tensor[0, 0] = 42;
        Assert.Equal(42, left[0, 0]);
        Assert.Equal(9, left.AsReadOnlyTensorSpan()[2, 1]);
    }

    [Fact]
    public void From_a_tensor_span_copies_in_row_major_order_and_checks_the_shape()
    {
        // A transposed (strided) view of a (4, 3) tensor has shape (3, 4).
        var source = Tensor.Create(new float[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, [4, 3]);
        var transposed = Tensor.PermuteDimensions(source, [1, 0]);
        var left = Left.FromTensorSpan(transposed.AsReadOnlyTensorSpan());
        Assert.Equal(3, left[0, 1]);
        Assert.Equal(11, left[2, 3]);

        var error = Assert.Throws<ArgumentException>(() => Left.FromTensorSpan(source.AsReadOnlyTensorSpan()));
        Assert.Contains("shape (4, 3) cannot become a Left, whose shape is (3, 4)", error.Message, StringComparison.Ordinal);

        var dynamic = DynamicTensor<float>.FromTensor(transposed);
        Assert.Equal(new Shape(3, 4), dynamic.Shape);
        Assert.Equal(left.ToArray(), dynamic.ToArray());
    }

    [Fact]
    public void Multidimensional_arrays_round_trip()
    {
        var array = new float[,] { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } };
        var left = Left.FromMultidimensionalArray(array);
        Assert.Equal(7, left[1, 2]);
        Assert.Equal(array, left.ToMultidimensionalArray());

        var dynamic = DynamicTensor<float>.FromMultidimensionalArray(new float[2, 2, 2] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } });
        Assert.Equal(new Shape(2, 2, 2), dynamic.Shape);
        Assert.Equal(6, dynamic[1, 0, 1]);
        Assert.Equal(dynamic.ToArray(), DynamicTensor<float>.FromMultidimensionalArray(dynamic.ToMultidimensionalArray()).ToArray());

        Assert.Throws<ArgumentException>(() => Left.FromMultidimensionalArray(new float[4, 3]));
        Assert.Throws<ArgumentException>(() => DynamicTensor<float>.FromMultidimensionalArray(new double[2, 2]));
        Assert.Equal(new Shape(0, 2), DynamicTensor<float>.FromMultidimensionalArray(new float[0, 2]).Shape); // an empty tensor
    }

    [Fact]
    public void Dynamic_tensor_spans_share_storage()
    {
        var dynamic = DynamicTensor<double>.Zeros(2, 3);
        dynamic.AsTensorSpan()[1, 1] = 5;
        Assert.Equal(5, dynamic[1, 1]);
        Assert.Equal(5, dynamic.ToTensor()[1, 1]);
        Assert.Equal(5, dynamic.AsReadOnlyTensorSpan()[1, 1]);
    }
}
