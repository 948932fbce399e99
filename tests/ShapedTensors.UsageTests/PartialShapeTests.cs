using System;
using System.Linq;
using System.Numerics.Tensors;
using ShapedTensors;
using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>
/// Types whose sizes are known only at run time (<c>[Tensor("batch", 784)]</c>): each value carries its run-time shape,
/// every factory takes the sizes (or infers the one there is from the element count), and every way in checks them.
/// </summary>
public class PartialShapeTests
{
    private static float[] Counting(int length) => Enumerable.Range(0, length).Select(i => (float)i).ToArray();

    [Fact]
    public void The_static_shape_prints_Keras_way_and_the_constants_are_the_known_dimensions()
    {
        Assert.Equal("(batch, 784)", MnistBatch.StaticShape.ToString());
        Assert.Equal("(None, t, 4)", Seq.StaticShape.ToString());
        Assert.Equal("(n, n)", AnySquare.StaticShape.ToString());
        Assert.Equal("(None, 784)", StaticShape.Parse("?", 784).ToString());
        Assert.Equal(2, MnistBatch.Rank);
        Assert.Equal(784, MnistBatch.Dim1);
        Assert.Equal(3, Seq.Rank);
        Assert.Equal(4, Seq.Dim2);
    }

    [Fact]
    public void Zeros_ones_and_random_take_the_sizes()
    {
        var zeros = MnistBatch.Zeros(3);
        Assert.Equal(new Shape(3, 784), zeros.Shape);
        Assert.Equal("(3, 784)", zeros.Shape.ToString());
        Assert.Equal(3, zeros.Batch);
        Assert.Equal(3 * 784, zeros.Length);
        Assert.All(zeros.ToArray(), value => Assert.Equal(0f, value));

        var ones = MnistBatch.Ones(batch: 2);
        Assert.All(ones.ToArray(), value => Assert.Equal(1f, value));

        var random = MnistBatch.Random(seed: 7, batch: 2);
        Assert.Equal(random, MnistBatch.Random(7, 2));
        Assert.NotEqual(random, MnistBatch.Random(8, 2));
        Assert.All(random.ToArray(), value => Assert.InRange(value, 0f, 0.99999994f));
        Assert.Equal(DynamicTensor<float>.Random(new Shape(2, 784), 7).ToArray(), random.ToArray());
    }

    [Fact]
    public void Copies_and_wraps_take_the_sizes_or_infer_the_one_there_is()
    {
        var elements = Counting(2 * 784);

        var copy = MnistBatch.FromArray(elements, 2);
        var inferred = MnistBatch.FromArray(elements);
        var fromSpan = MnistBatch.FromSpan(elements.AsSpan(), 2);
        var inferredFromSpan = MnistBatch.FromSpan(elements.AsSpan());
        foreach (var tensor in new[] { copy, inferred, fromSpan, inferredFromSpan })
        {
            Assert.Equal(new Shape(2, 784), tensor.Shape);
            Assert.Equal(elements, tensor.ToArray());
        }

        elements[0] = -1;
        Assert.Equal(0, copy[0, 0]);
        Assert.Equal(0, inferred[0, 0]);

        var wrapped = MnistBatch.Wrap(elements, 2);
        var wrappedInferred = MnistBatch.Wrap(elements);
        var wrappedShape = MnistBatch.Wrap(elements, new Shape(2, 784));
        elements[1] = -2;
        Assert.Equal(-2, wrapped[0, 1]);
        Assert.Equal(-2, wrappedInferred[0, 1]);
        Assert.Equal(-2, wrappedShape[0, 1]);
        Assert.Equal(2, wrappedInferred.Batch);
    }

    [Fact]
    public void FromFunction_and_the_indexer_follow_row_major_order_with_the_run_time_sizes()
    {
        var seq = Seq.FromFunction((i0, i1, i2) => (i0 * 5 + i1) * 4 + i2, dim0: 2, t: 5);
        Assert.Equal(new Shape(2, 5, 4), seq.Shape);
        Assert.Equal(5, seq.T);
        Assert.Equal(40, seq.Length);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (double)i), seq.ToArray());
        Assert.Equal(27, seq[1, 1, 3]);
        seq[1, 4, 3] = -1;
        Assert.Equal(-1, seq.AsReadOnlySpan()[^1]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => seq[2, 0, 0]);
        Assert.Equal("i0", error.ParamName);
        Assert.Contains("Index 2 is out of range for axis 0 of size 2.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => seq[0, 5, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => seq[0, 0, 4]);
        Assert.Throws<ArgumentNullException>(() => Seq.FromFunction(null!, 1, 1));
    }

    [Fact]
    public void A_double_class_type_has_every_factory()
    {
        var elements = Enumerable.Range(0, 24).Select(i => (double)i).ToArray();
        Assert.Equal(elements, Seq.FromArray(elements, 2, 3).ToArray());
        Assert.Equal(elements, Seq.FromSpan(elements, 3, 2).ToArray());
        Assert.Same(elements, GeneratedCodeSupport.ArrayOf(Seq.Wrap(elements, 1, 6).ToDynamic()));
        Assert.Equal(new Shape(6, 1, 4), Seq.Wrap(elements, 6, 1).Shape);
        Assert.Equal(new Shape(0, 3, 4), Seq.Zeros(0, 3).Shape);
        Assert.All(Seq.Ones(1, 2).ToArray(), value => Assert.Equal(1d, value));
        Assert.Equal(Seq.Random(3, 1, 2), Seq.Random(3, 1, 2));
        Assert.Equal("[[[1. 1. 1. 1.]]]", Seq.Ones(1, 1).ToString());
    }

    [Fact]
    public void Dynamic_tensors_tensor_spans_and_known_types_convert_both_ways_without_copying()
    {
        var dynamic = DynamicTensor<float>.FromArray(new Shape(2, 784), Counting(2 * 784));
        var input = MnistBatch.FromDynamic(dynamic);
        var converted = (MnistBatch)dynamic;
        DynamicTensor<float> back = input;
        dynamic.AsSpan()[3] = -3;
        Assert.Equal(-3, input[0, 3]);
        Assert.Equal(-3, converted[0, 3]);
        Assert.Equal(-3, back[0, 3]);
        Assert.Equal(input.Shape, input.ToDynamic().Shape);

        var known = input.As<MnistPair>();
        Assert.Equal(-3, known[0, 3]);
        Assert.Equal(input, MnistBatch.FromDynamic(known.ToDynamic()));

        var fromSpan = MnistBatch.FromTensorSpan(input.AsReadOnlyTensorSpan());
        Assert.Equal(input, fromSpan);
        input.AsTensorSpan()[0, 4] = -4;
        Assert.Equal(-4, input.ToTensor()[0, 4]);
        Assert.Equal(4, fromSpan[0, 4]); // a copy

        var error = Assert.Throws<ArgumentException>(() => MnistBatch.Zeros(3).As<MnistPair>());
        Assert.Equal("A tensor of shape (3, 784) cannot become a MnistPair, whose shape is (2, 784). (Parameter 'TOther')", error.Message);
    }

    [Fact]
    public void FromDynamic_and_Wrap_reject_shapes_that_are_not_of_the_type()
    {
        var wrongSize = Assert.Throws<ArgumentException>(() => MnistBatch.FromDynamic(DynamicTensor<float>.Zeros(3, 5)));
        Assert.Equal("A tensor of shape (3, 5) cannot become a MnistBatch, whose shape is (batch, 784). (Parameter 'tensor')", wrongSize.Message);
        var wrongRank = Assert.Throws<ArgumentException>(() => (MnistBatch)DynamicTensor<float>.Zeros(784));
        Assert.Equal("A tensor of shape (784,) cannot become a MnistBatch, whose shape is (batch, 784). (Parameter 'tensor')", wrongRank.Message);
        var twoSizes = Assert.Throws<ArgumentException>(() => AnySquare.FromDynamic(DynamicTensor<float>.Zeros(3, 4)));
        Assert.Equal("A tensor of shape (3, 4) cannot become a AnySquare, whose shape is (n, n): dimension 'n' is 3 at axis 0 but 4 at axis 1. (Parameter 'tensor')", twoSizes.Message);
        Assert.Equal(3, AnySquare.FromDynamic(DynamicTensor<float>.Zeros(3, 3)).N);

        var wrap = Assert.Throws<ArgumentException>(() => MnistBatch.Wrap(new float[15], new Shape(3, 5)));
        Assert.Equal("shape", wrap.ParamName);
        var length = Assert.Throws<ArgumentException>(() => MnistBatch.Wrap(new float[10], new Shape(2, 784)));
        Assert.Equal("A tensor of shape (2, 784) needs 1568 elements, but 10 were given. (Parameter 'elements')", length.Message);
        var tensorSpan = Assert.Throws<ArgumentException>(() => MnistBatch.FromTensorSpan(new ReadOnlyTensorSpan<float>(new float[6], [2, 3], [3, 1])));
        Assert.Equal("A tensor of shape (2, 3) cannot become a MnistBatch, whose shape is (batch, 784). (Parameter 'source')", tensorSpan.Message);
        Assert.Throws<ArgumentNullException>(() => MnistBatch.Wrap(null!, new Shape(1, 784)));
        Assert.Throws<ArgumentNullException>(() => MnistBatch.Wrap(new float[784], null!));
        Assert.Throws<ArgumentNullException>(() => MnistBatch.FromDynamic(null!));
    }

    [Fact]
    public void Sizes_that_are_negative_or_too_large_are_rejected()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => MnistBatch.Zeros(-3));
        Assert.Equal("batch", negative.ParamName);
        Assert.Equal(-3, negative.ActualValue);
        Assert.StartsWith("Dimension 'batch' of MnistBatch must not be negative, but is -3. (Parameter 'batch')", negative.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentOutOfRangeException>(() => Seq.Ones(-1, 2));
        Assert.Equal("dim0", unknown.ParamName);
        Assert.StartsWith("Dimension 0 of Seq must not be negative, but is -1. (Parameter 'dim0')", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Seq.FromFunction((_, _, _) => 0, 1, -1));

        var tooLarge = Assert.Throws<ArgumentException>(() => MnistBatch.Zeros(3_000_000));
        Assert.Equal("MnistBatch with batch = 3000000 has shape (3000000, 784): 2352000000 elements, more than the 2147483591 an array can hold.", tooLarge.Message);
        var overflowing = Assert.Throws<ArgumentException>(() => Seq.Zeros(int.MaxValue, int.MaxValue));
        Assert.Equal("Seq with dim0 = 2147483647, t = 2147483647 has shape (2147483647, 2147483647, 4): 18446744056529682436 elements, more than the 2147483591 an array can hold.", overflowing.Message);
        Assert.Equal(0, Seq.Zeros(int.MaxValue, 0).Length);

        var count = Assert.Throws<ArgumentException>(() => MnistBatch.FromArray(new float[10], 2));
        Assert.Equal("A tensor of shape (2, 784) needs 1568 elements, but 10 were given. (Parameter 'elements')", count.Message);
    }

    [Fact]
    public void Inferring_the_size_fails_when_the_element_count_does_not_give_it()
    {
        var notMultiple = Assert.Throws<ArgumentException>(() => MnistBatch.FromArray(new float[1000]));
        Assert.Equal("MnistBatch of shape (batch, 784) cannot hold 1000 elements: 1000 is not a multiple of 784, the product of its known dimensions. (Parameter 'elements')", notMultiple.Message);
        Assert.Throws<ArgumentException>(() => MnistBatch.Wrap(new float[1000]));
        Assert.Throws<ArgumentException>(() => MnistBatch.FromSpan(new float[1000]));
        Assert.Equal(0, MnistBatch.FromArray([]).Batch);

        var noElement = Assert.Throws<ArgumentException>(() => NoColumns.FromArray([]));
        Assert.Equal("NoColumns of shape (None, 0) holds no element whatever dim0 is, so the elements cannot give dim0: pass it. (Parameter 'elements')", noElement.Message);
        Assert.Equal(new Shape(5, 0), NoColumns.FromArray([], 5).Shape);
        var none = Assert.Throws<ArgumentException>(() => NoColumns.Wrap([1f]));
        Assert.Equal("NoColumns of shape (None, 0) cannot hold 1 elements: 1 is not a multiple of 0, the product of its known dimensions. (Parameter 'elements')", none.Message);
    }

    [Fact]
    public void A_default_value_has_no_storage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => default(MnistBatch).Shape);
        Assert.Equal("This MnistBatch is a default value with no storage; create one with MnistBatch.Zeros(batch) or another factory.", error.Message);
        Assert.Throws<InvalidOperationException>(() => default(MnistBatch).Length);
        Assert.Throws<InvalidOperationException>(() => default(AnySquare).AsSpan().Length);
        Assert.Equal(error.Message, Assert.Throws<InvalidOperationException>(() => new MnistBatch().Batch).Message);
    }

    [Fact]
    public void Equal_values_have_the_same_shape_and_elements()
    {
        Assert.Equal(MnistBatch.Ones(2), MnistBatch.Ones(2));
        Assert.True(MnistBatch.Ones(2) == MnistBatch.Ones(2));
        Assert.False(MnistBatch.Ones(2) != MnistBatch.Ones(2));
        Assert.NotEqual(MnistBatch.Ones(2), MnistBatch.Ones(3));
        Assert.Equal(MnistBatch.Ones(2).GetHashCode(), MnistBatch.Ones(2).GetHashCode());

        // The same 8 zeros in two run-time shapes: different tensors.
        Assert.NotEqual(Seq.Zeros(1, 2), Seq.Zeros(2, 1));
        Assert.True(Seq.Zeros(1, 2) == Seq.Zeros(1, 2));
        Assert.False(Seq.Zeros(1, 2) == null);
        Assert.True((Seq?)null == null);
        Assert.False(Seq.Zeros(1, 2).Equals((object?)MnistBatch.Zeros(1)));

        Assert.Equal("[[0. 0.]\n [0. 0.]]", AnySquare.Zeros(2).ToString());
        Assert.Equal("[]", MnistBatch.Zeros(0).ToString());
    }
}
