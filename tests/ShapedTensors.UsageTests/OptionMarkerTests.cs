using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

namespace ShapedTensors.UsageTests;

[Tensor(4, 5)] public partial struct Samples;
[Tensor("batch", 10)] public partial struct Scores;

/// <summary>
/// Calls whose result type depends on an option value, on one operand type (issue 11, item 7): with the option written
/// as a marker (<c>Transpose.A</c>, <c>Axis.At1</c>) each gets an overload and a static result type of its own, through a
/// real build; the values match <c>DynamicTensor</c>'s.
/// </summary>
public class OptionMarkerTests
{
    [Fact]
    public void A_Gram_matrix_and_its_twin_on_one_type_both_have_static_types()
    {
        var x = Samples.Random(seed: 1);

        var gram = x.MatMul(x, Transpose.A);    // xᵀx: (5, 5)
        var outer = x.MatMul(x, Transpose.B);   // xxᵀ: (4, 4)

        Assert.IsType<Float32_5x5>(gram);
        Assert.IsType<Float32_4x4>(outer);
        var dx = x.ToDynamic();
        Approx.Equal(dx.MatMul(dx, transposeA: true).AsReadOnlySpan(), gram.AsReadOnlySpan());
        Approx.Equal(dx.MatMul(dx, transposeB: true).AsReadOnlySpan(), outer.AsReadOnlySpan());
    }

    [Fact]
    public void Reductions_over_either_axis_of_one_type_both_have_static_types()
    {
        var x = Samples.Random(seed: 2);

        var columns = x.Sum(Axis.At0);                  // (5)
        var rows = x.Sum(Axis.At1);                     // (4)
        var kept = x.Mean(Axis.Last, keepdims: true);   // (4, 1)
        var down = x.Softmax(Axis.At0);                 // (4, 5), normalized down the columns
        var across = x.Softmax(Axis.At1);               // the same type: one overload would do, and two are fine

        Assert.IsType<Float32_5>(columns);
        Assert.IsType<Float32_4>(rows);
        Assert.IsType<Float32_4x1>(kept);
        Assert.IsType<Float32_4x5>(down);
        Assert.IsType<Float32_4x5>(across);
        var dx = x.ToDynamic();
        Approx.Equal(dx.Sum(0).AsReadOnlySpan(), columns.AsReadOnlySpan());
        Approx.Equal(dx.Sum(1).AsReadOnlySpan(), rows.AsReadOnlySpan());
        Approx.Equal(dx.Mean(-1, keepdims: true).AsReadOnlySpan(), kept.AsReadOnlySpan());
        Approx.Equal(dx.Softmax(0).AsReadOnlySpan(), down.AsReadOnlySpan());
        Approx.Equal(dx.Softmax(1).AsReadOnlySpan(), across.AsReadOnlySpan());
    }

    [Fact]
    public void Markers_work_on_sizes_known_at_run_time_and_on_DynamicTensor()
    {
        var scores = Scores.Random(seed: 3, batch: 3);

        var perClass = scores.Sum(Axis.At0);   // (10): the batch summed away
        var perSample = scores.Sum(Axis.At1);  // (batch)
        var gram = scores.MatMul(scores, Transpose.A);  // (10, 10)

        Assert.IsType<Float32_10>(perClass);
        Assert.Equal(new Shape(3), perSample.Shape);
        Assert.IsType<Float32_10x10>(gram);
        var d = scores.ToDynamic();
        Approx.Equal(d.Sum(0).AsReadOnlySpan(), perClass.AsReadOnlySpan());
        Approx.Equal(d.Sum(1).AsReadOnlySpan(), perSample.AsReadOnlySpan());
        Approx.Equal(d.MatMul(d, Transpose.A).AsReadOnlySpan(), gram.AsReadOnlySpan());
        Assert.Equal(d.Sum(Axis.At1).Shape, d.Sum(1).Shape);
    }
}
