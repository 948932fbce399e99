using System;
using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// The DynamicTensor operations: OPS.md's exact texts for a row of each family, and results equal to the kernels' (and
/// so to numpy's, see <see cref="KernelTests"/>).
/// </summary>
public sealed class DynamicTensorOperationTests
{
    private static DynamicTensor<float> Tensor(params int[] dims) => DynamicTensor<float>.Random(new Shape(dims), seed: dims.Sum() + dims.Length);

    [Theory]
    [InlineData("Add", "Dimensions must be equal, but are 3 and 4 for 'add' (op: 'Add') with input shapes: [2,3], [2,4].")]
    [InlineData("Divide", "Dimensions must be equal, but are 3 and 4 for 'truediv' (op: 'RealDiv') with input shapes: [2,3], [2,4].")]
    [InlineData("Maximum", "Dimensions must be equal, but are 3 and 4 for 'Maximum' (op: 'Maximum') with input shapes: [2,3], [2,4].")]
    public void A_broadcast_error_is_tensorflows_text(string operation, string expected)
    {
        var (x, y) = (Tensor(2, 3), Tensor(2, 4));
        Func<DynamicTensor<float>> call = operation switch
        {
            "Add" => () => x + y,
            "Divide" => () => x / y,
            _ => () => x.Maximum(y),
        };
        var error = Assert.Throws<ShapeMismatchException>(call);
        Assert.Equal(expected, error.Message);
        Assert.Equal(operation, error.Operation);
    }

    [Fact]
    public void Errors_of_each_family_are_the_texts_of_OPS_md()
    {
        Assert.Equal(
            "Dimensions must be equal, but are 10 and 5 for 'BiasAdd' (op: 'BiasAdd') with input shapes: [32,10], [5].",
            Assert.Throws<ShapeMismatchException>(() => Tensor(32, 10).BiasAdd(Tensor(5))).Message);
        Assert.Equal(
            "Unexpected bias dimensions 2, expect to be 1 or 2 dimensions",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).BiasAdd(Tensor(2, 3))).Message);
        Assert.Equal(
            "Shape must be at least rank 1 but is rank 0 for 'Softmax' (op: 'Softmax') with input shapes: [].",
            Assert.Throws<ShapeMismatchException>(() => Tensor().Softmax()).Message);
        Assert.Equal(
            "Dimension (3) must be in the range [-3, 3) where 3 is the number of dimensions in the input.",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3, 4).Softmax(3)).Message);
        Assert.Equal(
            "Invalid reduction dimension 2 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [2,3], [] and with computed input tensors: input[1] = <2>.",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).Sum(2)).Message);
        Assert.Equal(
            "Invalid reduction dimension -3 for input with 2 dimensions. for 'Mean' (op: 'Mean') with input shapes: [2,3], [2] and with computed input tensors: input[1] = <0 -3>.",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).Mean([0, -3], keepdims: true)).Message);
        Assert.Equal(
            "Dimension must be 2 but is 3 for 'transpose' (op: 'Transpose') with input shapes: [2,3], [3].",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).PermuteDimensions(1, 0, 2)).Message);
        Assert.Equal(
            "Cannot reshape a tensor with 6 elements to shape [5,5] (25 elements) for 'Reshape' (op: 'Reshape') with input shapes: [2,3], [2] and with input tensors computed as partial shapes: input[1] = [5,5].",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).Reshape(5, 5)).Message);
        Assert.Equal(
            "dim 3 not in the interval [-3, 2]. for 'ExpandDims' (op: 'ExpandDims') with input shapes: [2,3], [] and with computed input tensors: input[1] = <3>.",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).ExpandDims(3)).Message);
        Assert.Equal(
            "Can not squeeze dim[1], expected a dimension of 1, got 3 for 'Squeeze' (op: 'Squeeze') with input shapes: [2,3].",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).Squeeze(-1)).Message);
        Assert.Equal(
            "Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] and [3]. for 'concat' (op: 'ConcatV2') with input shapes: [2,3], [3,5], [] and with computed input tensors: input[2] = <1>.",
            Assert.Throws<ShapeMismatchException>(() => Tensor(2, 3).Concatenate(Tensor(3, 5), 1)).Message);
    }

    [Fact]
    public void Results_have_the_rules_shapes_and_the_kernels_values()
    {
        var (x, row, column) = (Tensor(4, 1, 3), Tensor(5, 1), Tensor(3));
        var sum = x + row;
        Assert.Equal(new Shape(4, 5, 3), sum.Shape);
        Assert.Equal(Kernel(ElementwiseOperation.Add, x, row, sum.Shape), sum.ToArray());
        Assert.Equal(Kernel(ElementwiseOperation.Subtract, x, column, x.Shape), (x - column).ToArray());

        // Scalars on either side are rank-0 operands.
        Assert.Equal(x.ToArray().Select(v => v * 2f).ToArray(), (x * 2f).ToArray());
        Assert.Equal(x.ToArray().Select(v => 1f - v).ToArray(), (1f - x).ToArray());
        Assert.Equal(x.ToArray().Select(v => -v).ToArray(), (-x).ToArray());

        // Keras' add path: the bias reshaped to (1,1,3) stretches x's 1.
        var biased = Tensor(8, 5, 1).BiasAdd(Tensor(3));
        Assert.Equal(new Shape(8, 5, 3), biased.Shape);
        var dense = Tensor(32, 10);
        Assert.Equal(Kernel(ElementwiseOperation.Add, dense, Tensor(10), dense.Shape), dense.BiasAdd(Tensor(10)).ToArray());

        var cube = Tensor(2, 3, 4);
        Assert.Equal(new Shape(1, 3, 1), cube.Mean([0, -1], keepdims: true).Shape);
        Assert.Equal(new Shape(3), cube.Mean([0, -1]).Shape);
        Assert.Equal(cube.ToArray().Sum(), cube.Sum().ToArray()[0], 3);
        Assert.Equal(new Shape(1, 1, 1), cube.Max(keepdims: true).Shape);
        Assert.Equal(new Shape(4, 3, 2), cube.Transpose().Shape);
        Assert.Equal(new Shape(4, 2, 3), cube.PermuteDimensions(2, 0, 1).Shape);
        Assert.Equal(cube.ToArray(), cube.Reshape(4, -1).ToArray());
        Assert.Equal(new Shape(4, 6), cube.Reshape(4, -1).Shape);
        Assert.Equal(new Shape(2, 3, 4, 1), cube.ExpandDims().Shape);
        Assert.Equal(new Shape(2, 4), Tensor(2, 1, 4).Squeeze(1).Shape);

        var softmax = cube.Softmax(1);
        var expected = new float[cube.Length];
        GeneratedCodeSupport.Softmax<float>(cube.AsReadOnlySpan(), cube.Shape, 1, expected);
        Assert.Equal(expected, softmax.ToArray());

        var joined = DynamicTensor<float>.Concatenate(0, Tensor(2, 3), Tensor(4, 3), Tensor(1, 3));
        Assert.Equal(new Shape(7, 3), joined.Shape);
        Assert.Equal(Tensor(2, 3).ToArray().Concat(Tensor(4, 3).ToArray()).Concat(Tensor(1, 3).ToArray()), joined.ToArray());
        Assert.Equal(new Shape(2, 6), Tensor(2, 3).Concatenate(Tensor(2, 3), -3).Shape); // Keras: -3 % 2 == 1
    }

    [Fact]
    public void Fallbacks_check_the_static_shapes_first()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => new Partial(StaticShape.Parse("?", 3), 2, 3).Add(new Partial(StaticShape.Parse(4), 4)));
        Assert.Equal("Dimensions must be equal, but are 3 and 4 for 'add' (op: 'Add') with input shapes: [?,3], [4].", error.Message);
        error = Assert.Throws<ShapeMismatchException>(() => new Partial(StaticShape.Parse("?", 3), 2, 3).Sum(2));
        Assert.StartsWith("Invalid reduction dimension 2 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [?,3], []", error.Message, StringComparison.Ordinal);

        var result = new Partial(StaticShape.Parse("?", 3), 2, 3).Concatenate(new Partial(StaticShape.Parse("?", 3), 5, 3), new Partial(StaticShape.Parse(1, 3), 1, 3), axis: 0);
        Assert.Equal(new Shape(8, 3), result.Shape);
        Assert.Equal(new Shape(2, 1), new Partial(StaticShape.Parse("?", 3), 2, 3).Softmax().Sum(-1, keepdims: true).Shape);
    }

    private static float[] Kernel(ElementwiseOperation operation, DynamicTensor<float> x, DynamicTensor<float> y, Shape result)
    {
        var output = new float[result.ElementCount];
        GeneratedCodeSupport.Broadcast<float>(operation, x.AsReadOnlySpan(), x.Shape, y.AsReadOnlySpan(), y.Shape, output, result);
        return output;
    }

    // A tensor whose type declares a partially known shape, as a generated partial type does.
    private sealed class Partial(StaticShape declared, params int[] sizes) : IShapedTensor<float>
    {
        private readonly DynamicTensor<float> _tensor = DynamicTensor<float>.Random(new Shape(sizes), seed: 3);

        public Shape Shape => _tensor.Shape;

        public StaticShape StaticShape => declared;

        public ReadOnlySpan<float> AsReadOnlySpan() => _tensor.AsReadOnlySpan();

        public Span<float> AsSpan() => _tensor.AsSpan();

        public DynamicTensor<float> ToDynamic() => _tensor;
    }
}
