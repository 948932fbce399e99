using System;
using System.Numerics;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// The result-type forms (<c>x.Sum&lt;T41&gt;(1, keepdims: true)</c>) through the runtime, on hand-written tensor types
/// of both element types: the values are <c>DynamicTensor&lt;T&gt;</c>'s, the result shares them, and a named type of
/// another shape throws the analyzer's ST0011 text after the operation's own checks.
/// </summary>
public class ResultTypeFormTests
{
    [Fact]
    public void Every_form_computes_what_the_dynamic_tensor_computes_in_double()
    {
        var dynamic = DynamicTensor<double>.Random(new Shape(2, 3), seed: 5);
        IShapedTensor<double> x = new Fixed<D23>(dynamic.ToArray());

        Assert.Equal(dynamic.ToArray(), x.Reshape<D6>().AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.PermuteDimensions(1, 0).ToArray(), x.PermuteDimensions<D32>(1, 0).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.Sum(1, keepdims: true).ToArray(), x.Sum<D21>(1, keepdims: true).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.Mean([1], keepdims: true).ToArray(), x.Mean<D21>([1], keepdims: true).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.Max(keepdims: true).ToArray(), x.Max<D11>(keepdims: true).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.Min(0).ToArray(), x.Min<D3>(0).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.Prod(1, keepdims: true).ToArray(), x.Prod<D21>(1, keepdims: true).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.Prod([0, 1], keepdims: true).ToArray(), x.Prod<D11>([0, 1], keepdims: true).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.BatchDot(dynamic, 1).ToArray(), x.BatchDot<D21>(x, 1).AsReadOnlySpan().ToArray());
        Assert.Equal(dynamic.BatchDot(dynamic, (1, 1)).ToArray(), x.BatchDot<D21>(x, (1, 1)).AsReadOnlySpan().ToArray());
    }

    [Fact]
    public void A_named_type_of_another_shape_throws_after_the_operations_own_checks()
    {
        IShapedTensor<double> x = new Fixed<D23>(new double[6]);

        var wrongType = Assert.Throws<ShapeMismatchException>(() => x.PermuteDimensions<D23>(1, 0));
        var wrongAxis = Assert.Throws<ShapeMismatchException>(() => x.Sum<D23>(2));
        var wrongCount = Assert.Throws<ShapeMismatchException>(() => x.Reshape<D3>());
        var batchDot = Assert.Throws<ShapeMismatchException>(() => x.BatchDot<D3>(x, (1, 1)));

        Assert.Equal("PermuteDimensions(pattern: [1, 0]) of (2, 3) has shape (3, 2), not D23's (2, 3).", wrongType.Message);
        Assert.Equal("PermuteDimensions", wrongType.Operation);
        Assert.StartsWith("Invalid reduction dimension 2 for input with 2 dimensions.", wrongAxis.Message, StringComparison.Ordinal);
        Assert.StartsWith("Cannot reshape a tensor with 6 elements to shape [3] (3 elements)", wrongCount.Message, StringComparison.Ordinal);
        Assert.Equal("BatchDot(axes: (1, 1)) of (2, 3) and (2, 3) has shape (2, 1), not D3's (3,).", batchDot.Message);
        Assert.Equal(new Shape(2, 3), batchDot.Right);
    }

    [Fact]
    public void A_reduction_written_from_the_catalogue_has_its_forms_in_float_with_its_own_text()
    {
        // Prod's forms come from its catalogue entry alone (runtime/Surface), as Sum's do.
        IShapedTensor<float> x = new F23([1, 2, 3, 4, 5, 6]);

        Assert.Equal([6f, 120f], x.Prod<F21>(1, keepdims: true).AsReadOnlySpan().ToArray());
        Assert.Equal([720f], x.Prod<F11>(keepdims: true).AsReadOnlySpan().ToArray());
        var wrong = Assert.Throws<ShapeMismatchException>(() => x.Prod<F21>(0, keepdims: true));
        Assert.Equal("Prod(axis: 0, keepdims: true) of (2, 3) has shape (1, 3), not F21's (2, 1).", wrong.Message);
        Assert.Equal("Prod", wrong.Operation);
        var list = Assert.Throws<ShapeMismatchException>(() => x.Prod<F21>([0, 1]));
        Assert.Equal("Prod(axis: [0, 1]) of (2, 3) has shape (), not F21's (2, 1).", list.Message);
    }

    [Fact]
    public void The_result_shares_the_computed_elements()
    {
        IShapedTensor<double> x = new Fixed<D23>([1, 2, 3, 4, 5, 6]);

        var sums = x.Sum<D21>(1, keepdims: true);

        Assert.Equal([6.0, 15.0], sums.AsReadOnlySpan().ToArray());
        Assert.Equal(D21.TensorShape, sums.Shape);
    }

    // A tensor type of fixed shape, as generated types are: TSelf gives the shape (Fixed<TSelf>: of doubles).
    private class Fixed<TSelf>(double[] elements) : Fixed<TSelf, double>(elements)
        where TSelf : IShapedTensor<TSelf, double>;

    private class Fixed<TSelf, T>(T[] elements) : IShapedTensor<T>
        where TSelf : IShapedTensor<TSelf, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public Shape Shape => TSelf.TensorShape;

        public ReadOnlySpan<T> AsReadOnlySpan() => elements;

        public Span<T> AsSpan() => elements;

        public DynamicTensor<T> ToDynamic() => DynamicTensor<T>.FromArray(TSelf.TensorShape, elements);
    }

    private sealed class F23(float[] e) : Fixed<F23, float>(e), IShapedTensor<F23, float>
    {
        public static Shape TensorShape { get; } = new(2, 3);

        public static F23 Wrap(float[] data) => new(data);
    }

    private sealed class F21(float[] e) : Fixed<F21, float>(e), IShapedTensor<F21, float>
    {
        public static Shape TensorShape { get; } = new(2, 1);

        public static F21 Wrap(float[] data) => new(data);
    }

    private sealed class F11(float[] e) : Fixed<F11, float>(e), IShapedTensor<F11, float>
    {
        public static Shape TensorShape { get; } = new(1, 1);

        public static F11 Wrap(float[] data) => new(data);
    }

    private sealed class D23(double[] e) : Fixed<D23>(e), IShapedTensor<D23, double>
    {
        public static Shape TensorShape { get; } = new(2, 3);

        public static D23 Wrap(double[] data) => new(data);
    }

    private sealed class D32(double[] e) : Fixed<D32>(e), IShapedTensor<D32, double>
    {
        public static Shape TensorShape { get; } = new(3, 2);

        public static D32 Wrap(double[] data) => new(data);
    }

    private sealed class D21(double[] e) : Fixed<D21>(e), IShapedTensor<D21, double>
    {
        public static Shape TensorShape { get; } = new(2, 1);

        public static D21 Wrap(double[] data) => new(data);
    }

    private sealed class D11(double[] e) : Fixed<D11>(e), IShapedTensor<D11, double>
    {
        public static Shape TensorShape { get; } = new(1, 1);

        public static D11 Wrap(double[] data) => new(data);
    }

    private sealed class D6(double[] e) : Fixed<D6>(e), IShapedTensor<D6, double>
    {
        public static Shape TensorShape { get; } = new(6);

        public static D6 Wrap(double[] data) => new(data);
    }

    private sealed class D3(double[] e) : Fixed<D3>(e), IShapedTensor<D3, double>
    {
        public static Shape TensorShape { get; } = new(3);

        public static D3 Wrap(double[] data) => new(data);
    }
}
