using System;
using System.Linq;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// The option markers (<c>Axis.At1</c>, <c>Transpose.A</c>): the runtime's types stand for the values the generator and
/// the analyzers read them as (<see cref="OptionMarkers"/>), and <c>DynamicTensor&lt;T&gt;</c> computes with them
/// exactly what it computes with the plain values.
/// </summary>
public class OptionMarkerTests
{
    private static readonly Type[] MarkerTypes = typeof(Axis).Assembly.GetTypes()
        .Where(type => type.IsValueType && type.IsPublic && (typeof(IAxisMarker).IsAssignableFrom(type) || typeof(ITransposeMarker).IsAssignableFrom(type)))
        .ToArray();

    [Fact]
    public void Every_axis_marker_type_is_the_value_the_shared_table_reads()
    {
        var axes = MarkerTypes.Where(type => typeof(IAxisMarker).IsAssignableFrom(type)).ToList();
        Assert.Equal(OptionMarkers.LargestAxis + 2, axes.Count); // At0..At7 and Last
        foreach (var type in axes)
        {
            var value = (int)type.GetProperty(nameof(IAxisMarker.Value))!.GetValue(null)!;
            Assert.Equal(value, OptionMarkers.Axis(type.Name));
            Assert.Equal(type.Name, OptionMarkers.AxisType(value));
            var spelled = OptionMarkers.AxisValue(value)!.Split('.');
            Assert.Equal(type, typeof(Axis).GetProperty(spelled[1])!.PropertyType);
            Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Activator.CreateInstance(type)!.ToString());
        }

        Assert.Null(OptionMarkers.Axis("Axis8"));
        Assert.Null(OptionMarkers.AxisValue(-2));
    }

    [Fact]
    public void Every_transpose_marker_type_is_the_flags_the_shared_table_reads()
    {
        var transposes = MarkerTypes.Where(type => typeof(ITransposeMarker).IsAssignableFrom(type)).ToList();
        Assert.Equal(3, transposes.Count);
        foreach (var type in transposes)
        {
            var a = (bool)type.GetProperty(nameof(ITransposeMarker.A))!.GetValue(null)!;
            var b = (bool)type.GetProperty(nameof(ITransposeMarker.B))!.GetValue(null)!;
            Assert.Equal((a, b), OptionMarkers.Transpose(type.Name));
            Assert.Equal(type.Name, OptionMarkers.TransposeType(a, b));
            Assert.Equal(type, typeof(Transpose).GetProperty(OptionMarkers.TransposeValue(a, b)!.Split('.')[1])!.PropertyType);
        }

        Assert.Null(OptionMarkers.TransposeType(false, false));
    }

    [Fact]
    public void DynamicTensor_computes_with_a_marker_what_it_computes_with_the_value()
    {
        var x = DynamicTensor<float>.Random(new Shape(4, 5), seed: 1);

        Same(x.MatMul(x, transposeA: true), x.MatMul(x, Transpose.A));
        Same(x.MatMul(x, transposeB: true), x.MatMul(x, Transpose.B));
        Same(x.Sum(0), x.Sum(Axis.At0));
        Same(x.Mean(-1, keepdims: true), x.Mean(Axis.Last, keepdims: true));
        Same(x.Max(1), x.Max(Axis.At1));
        Same(x.Min(0), x.Min(Axis.At0));
        Same(x.Softmax(0), x.Softmax(Axis.At0));
        Same(x.ExpandDims(1), x.ExpandDims(Axis.At1));
        Same(x.ExpandDims(1).Squeeze(1), x.ExpandDims(1).Squeeze(Axis.At1));
        Same(DynamicTensor<float>.Concatenate(0, x, x), DynamicTensor<float>.Concatenate(Axis.At0, x, x));

        var (marked, flagged) = (DynamicTensor<float>.Zeros(new Shape(5, 5)), DynamicTensor<float>.Zeros(new Shape(5, 5)));
        x.MatMul(x, marked, Transpose.A);
        x.MatMul(x, flagged, transposeA: true);
        Same(flagged, marked);
    }

    [Fact]
    public void A_marker_is_checked_as_the_value_it_stands_for()
    {
        var x = DynamicTensor<float>.Zeros(new Shape(4, 5));

        Assert.Equal(
            Assert.Throws<ShapeMismatchException>(() => x.Sum(2)).Message,
            Assert.Throws<ShapeMismatchException>(() => x.Sum(Axis.At2)).Message);
        Assert.Equal(
            "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [4,5], [4,5].",
            Assert.Throws<ShapeMismatchException>(() => x.MatMul(x, Transpose.Both)).Message);
    }

    // DynamicTensor<T> compares by reference: the same shape and the same values, bit for bit (the same kernel runs).
    private static void Same(DynamicTensor<float> expected, DynamicTensor<float> actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.AsReadOnlySpan().ToArray(), actual.AsReadOnlySpan().ToArray());
    }
}
