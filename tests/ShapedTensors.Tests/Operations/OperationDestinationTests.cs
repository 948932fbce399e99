using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static ShapedTensors.Tests.Operations.NaiveOperations;
using static ShapedTensors.Tests.Operations.OperationData;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// The DynamicTensor operations written into a destination: the values of the allocating forms (and of the naive
/// reference), Dot's destination texts, in-place computation for the element-by-element operations, and aliasing
/// rejected for transposes, reductions and concatenations.
/// </summary>
public sealed class OperationDestinationTests
{
    private static DynamicTensor<float> Tensor(int seed, params int[] dims) => DynamicTensor<float>.Random(new Shape(dims), seed);

    private static DynamicTensor<float> Empty(params int[] dims) => DynamicTensor<float>.Zeros(dims);

    // Each destination form beside its allocating form, on operands that broadcast (and reduce, permute, ...).
    public static IEnumerable<object[]> Forms()
    {
        var (x, y, bias, column) = (Tensor(1, 3, 5), Tensor(2, 3, 5), Tensor(3, 5), Tensor(4, 3, 1));
        var cases = new (string Name, Func<DynamicTensor<float>> Allocating, Func<DynamicTensor<float>, DynamicTensor<float>> Into, int[] Dims)[]
        {
            ("Add", () => x.Add(y), d => { x.Add(y, d); return d; }, [3, 5]),
            ("Subtract bias", () => x.Subtract(bias), d => { x.Subtract(bias, d); return d; }, [3, 5]),
            ("Multiply column", () => x.Multiply(column), d => { x.Multiply(column, d); return d; }, [3, 5]),
            ("Divide", () => bias.Divide(x), d => { bias.Divide(x, d); return d; }, [3, 5]),
            ("Maximum", () => x.Maximum(column), d => { x.Maximum(column, d); return d; }, [3, 5]),
            ("Minimum", () => x.Minimum(y), d => { x.Minimum(y, d); return d; }, [3, 5]),
            ("BiasAdd", () => x.BiasAdd(bias), d => { x.BiasAdd(bias, d); return d; }, [3, 5]),
            ("Relu", () => x.Relu(), d => { x.Relu(d); return d; }, [3, 5]),
            ("Sigmoid", () => x.Sigmoid(), d => { x.Sigmoid(d); return d; }, [3, 5]),
            ("Tanh", () => x.Tanh(), d => { x.Tanh(d); return d; }, [3, 5]),
            ("Exp", () => x.Exp(), d => { x.Exp(d); return d; }, [3, 5]),
            ("Log", () => x.Log(), d => { x.Log(d); return d; }, [3, 5]),
            ("Sqrt", () => x.Sqrt(), d => { x.Sqrt(d); return d; }, [3, 5]),
            ("Abs", () => x.Abs(), d => { x.Abs(d); return d; }, [3, 5]),
            ("Negate", () => x.Negate(), d => { x.Negate(d); return d; }, [3, 5]),
            ("Softmax", () => x.Softmax(), d => { x.Softmax(d); return d; }, [3, 5]),
            ("Softmax 0", () => x.Softmax(0), d => { x.Softmax(0, d); return d; }, [3, 5]),
            ("Sum", () => x.Sum(), d => { x.Sum(d); return d; }, []),
            ("Sum 1", () => x.Sum(1), d => { x.Sum(1, d); return d; }, [3]),
            ("Mean 0 keepdims", () => x.Mean(0, true), d => { x.Mean(0, d, true); return d; }, [1, 5]),
            ("Max axes", () => x.Max([0, 1]), d => { x.Max([0, 1], d); return d; }, []),
            ("Min keepdims", () => x.Min(true), d => { x.Min(d, true); return d; }, [1, 1]),
            ("Transpose", () => x.Transpose(), d => { x.Transpose(d); return d; }, [5, 3]),
            ("PermuteDimensions", () => x.PermuteDimensions(1, 0), d => { x.PermuteDimensions([1, 0], d); return d; }, [5, 3]),
            ("Reshape", () => x.Reshape(5, -1), d => { x.Reshape([5, -1], d); return d; }, [5, 3]),
            ("ExpandDims", () => x.ExpandDims(1), d => { x.ExpandDims(1, d); return d; }, [3, 1, 5]),
            ("Squeeze", () => column.Squeeze(1), d => { column.Squeeze(1, d); return d; }, [3]),
            ("Concatenate", () => x.Concatenate(y, 0), d => { x.Concatenate(y, d, 0); return d; }, [6, 5]),
            ("Concatenate many", () => DynamicTensor<float>.Concatenate(1, x, y, x), d => { DynamicTensor<float>.Concatenate(1, [x, y, x], d); return d; }, [3, 15]),
        };
        return cases.Select(c => new object[] { c.Name, c.Allocating, c.Into, c.Dims });
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_destination_form_writes_the_allocating_forms_values(string name, Func<DynamicTensor<float>> allocating, Func<DynamicTensor<float>, DynamicTensor<float>> into, int[] dims)
    {
        var expected = allocating();
        var destination = Empty(dims);
        destination.AsSpan().Fill(float.NaN); // every element must be written
        Assert.Same(destination, into(destination));
        Assert.True(expected.AsReadOnlySpan().SequenceEqual(destination.AsReadOnlySpan()), name);

        var wrong = Empty([.. dims, 2]);
        var error = Assert.Throws<ArgumentException>(() => into(wrong));
        Assert.Equal("destination", error.ParamName);
        Assert.StartsWith($"The destination has shape {wrong.Shape}, but ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Destination_values_match_the_naive_reference()
    {
        var (x, bias) = (Tensor(5, 4, 33), Tensor(6, 33));
        var (xd, bd) = (x.ToArray().Select(v => (double)v).ToArray(), bias.ToArray().Select(v => (double)v).ToArray());
        var destination = Empty(4, 33);
        x.Add(bias, destination);
        AssertClose(Broadcast(ElementwiseOperation.Add, xd, [4, 33], bd, [33]), destination.AsReadOnlySpan(), "add");
        x.Softmax(destination);
        AssertClose(Softmax(xd, [4, 33], 1), destination.AsReadOnlySpan(), "softmax");
        var sums = Empty(4);
        x.Sum(1, sums);
        AssertClose(Reduce(ReductionOperation.Sum, xd, [4, 33], [1]), sums.AsReadOnlySpan(), "sum");
        var transposed = Empty(33, 4);
        x.Transpose(transposed);
        AssertClose(Transpose(xd, [4, 33], [1, 0]), transposed.AsReadOnlySpan(), "transpose");
    }

    [Fact]
    public void The_wrong_shape_text_names_the_operation_and_its_operands()
    {
        var (x, y) = (Tensor(1, 2, 3), Tensor(2, 3));
        Assert.Equal(
            "The destination has shape (3, 2), but Add of (2, 3) and (3,) has shape (2, 3). (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => x.Add(y, Empty(3, 2))).Message);
        Assert.Equal(
            "The destination has shape (2, 3), but Sum of (2, 3) has shape (2,). (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => x.Sum(1, Empty(2, 3))).Message);
        Assert.Equal(
            "The destination has shape (2,), but Relu of (2, 3) has shape (2, 3). (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => x.Relu(Empty(2))).Message);
        Assert.Equal(
            "The destination has shape (2, 3), but Concatenate of (2, 3) and (2, 3) has shape (2, 6). (Parameter 'destination')",
            Assert.Throws<ArgumentException>(() => x.Concatenate(x, Empty(2, 3))).Message);
        Assert.Throws<ArgumentNullException>(() => x.Relu(null!));
    }

    [Fact]
    public void Element_by_element_operations_compute_in_place()
    {
        var (bias, column) = (Tensor(3, 33), Tensor(4, 4, 1));
        var cases = new (Func<DynamicTensor<float>, DynamicTensor<float>> Allocating, Action<DynamicTensor<float>> InPlace)[]
        {
            (x => x.Relu(), x => x.Relu(x)),
            (x => x.Sqrt(), x => x.Sqrt(x)),
            (x => x.Softmax(), x => x.Softmax(x)),
            (x => x.Softmax(0), x => x.Softmax(0, x)),
            (x => x.Add(bias), x => x.Add(bias, x)),
            (x => x.Divide(column), x => x.Divide(column, x)),
            (x => bias.Subtract(x), x => bias.Subtract(x, x)),
            (x => column.Maximum(x), x => column.Maximum(x, x)),
            (x => x.Multiply(x), x => x.Multiply(x, x)),
            (x => x.BiasAdd(bias), x => x.BiasAdd(bias, x)),
            (x => x.Reshape(4, 33), x => x.Reshape([4, 33], x)),
        };
        foreach (var (allocating, inPlace) in cases)
        {
            var x = Tensor(7, 4, 33);
            var expected = allocating(x);
            inPlace(x);
            Assert.True(expected.AsReadOnlySpan().SequenceEqual(x.AsReadOnlySpan()));
        }
    }

    [Fact]
    public void Transposes_reductions_and_concatenations_reject_a_destination_sharing_an_operand()
    {
        var (square, other) = (Tensor(8, 4, 4), Tensor(9, 4, 4));
        var calls = new Action[]
        {
            () => square.Transpose(square),
            () => square.PermuteDimensions([1, 0], square),
            () => square.Sum(Array.Empty<int>(), square),
            () => square.Max(Array.Empty<int>(), square, keepdims: true),
            () => DynamicTensor<float>.Concatenate(0, [square], square),
            () => DynamicTensor<float>.Concatenate(0, [other, square], Empty(8, 4)) /* no alias: passes */,
        };
        foreach (var call in calls[..^1])
        {
            var error = Assert.Throws<ArgumentException>(call);
            Assert.Equal("The destination must not share memory with an operand. (Parameter 'destination')", error.Message);
        }

        calls[^1]();
    }
}
