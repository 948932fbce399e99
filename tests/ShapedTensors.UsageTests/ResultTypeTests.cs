using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

namespace ShapedTensors.UsageTests;

[Tensor(2, 3, 4)] public partial struct Cube;
[Tensor(24)] public partial struct Flat;
[Tensor(6, 4)] public partial struct SixByFour;
[Tensor(4, 5)] public partial struct Grid;
[Tensor(4, 1)] public partial struct T41;
[Tensor(4, 3, 2)] public partial class Reversed;
[Tensor(8, 6)] public partial struct Rows;
[Tensor(8, 1)] public partial struct RowDots;

/// <summary>
/// Calls whose options are open-ended (issue 11, item 7: keepdims, Reshape's shape, PermuteDimensions' pattern,
/// BatchDot's axes) name their result type, and get it statically beside the plain calls on the same operand type,
/// through a real build (warnings are errors here, so none of these calls is left to the fallback with ST0003).
/// </summary>
public class ResultTypeTests
{
    [Fact]
    public void Reshape_into_a_declared_type_returns_that_type()
    {
        var x = Cube.Random(seed: 1);

        var r = x.Reshape<Flat>();
        var plain = x.Reshape(4, -1);           // (4, 6), as before
        var other = x.Reshape<SixByFour>();     // (6, 4) on the same operand type
        var sums = x.Reshape<SixByFour>().Sum(1);   // a chain: the generator traces the type the call names

        Flat typed = r;
        Assert.IsType<Flat>(typed);
        Assert.IsType<Float32_4x6>(plain);
        Assert.IsType<SixByFour>(other);
        Assert.IsType<Float32_6>(sums);
        Assert.Equal(x.AsReadOnlySpan().ToArray(), r.AsReadOnlySpan().ToArray());
        Assert.Equal(x.AsReadOnlySpan().ToArray(), other.AsReadOnlySpan().ToArray());
        Approx.Equal(x.ToDynamic().Reshape(6, 4).Sum(1).AsReadOnlySpan(), sums.AsReadOnlySpan());
    }

    [Fact]
    public void A_reduction_with_and_without_keepdims_on_one_type_both_have_static_types()
    {
        var x = Grid.Random(seed: 2);

        var rows = x.Sum(1);                        // (4,)
        var kept = x.Sum<T41>(1, keepdims: true);   // (4, 1)
        var means = x.Mean<T41>(-1, keepdims: true);
        var peaks = x.Max<T41>([1], keepdims: true);
        var products = x.Prod<T41>(1, keepdims: true);  // written from Prod's catalogue entry, as Sum's is

        Assert.IsType<Float32_4>(rows);
        Assert.IsType<T41>(kept);
        var dx = x.ToDynamic();
        Approx.Equal(dx.Sum(1).AsReadOnlySpan(), rows.AsReadOnlySpan());
        Approx.Equal(dx.Sum(1, keepdims: true).AsReadOnlySpan(), kept.AsReadOnlySpan());
        Approx.Equal(dx.Mean(1, keepdims: true).AsReadOnlySpan(), means.AsReadOnlySpan());
        Approx.Equal(dx.Max(1, keepdims: true).AsReadOnlySpan(), peaks.AsReadOnlySpan());
        Approx.Equal(dx.Prod(1, keepdims: true).AsReadOnlySpan(), products.AsReadOnlySpan());
    }

    [Fact]
    public void PermuteDimensions_and_BatchDot_name_their_result_types()
    {
        var x = Cube.Random(seed: 3);
        var p = Rows.Random(seed: 4);

        var reversed = x.PermuteDimensions<Reversed>(2, 1, 0);
        var dots = p.BatchDot<RowDots>(p, 1);
        var paired = p.BatchDot<RowDots>(p, (1, 1));

        Assert.IsType<Reversed>(reversed);
        Assert.IsType<RowDots>(dots);
        Assert.IsType<RowDots>(paired);
        var dx = x.ToDynamic();
        var dp = p.ToDynamic();
        Approx.Equal(dx.PermuteDimensions(2, 1, 0).AsReadOnlySpan(), reversed.AsReadOnlySpan());
        Approx.Equal(dp.BatchDot(dp, 1).AsReadOnlySpan(), dots.AsReadOnlySpan());
        Approx.Equal(dp.BatchDot(dp, (1, 1)).AsReadOnlySpan(), paired.AsReadOnlySpan());
    }

    [Fact]
    public void A_receiver_of_unknown_shape_is_checked_at_run_time_with_the_analyzers_text()
    {
        IShapedTensor<float> any = Grid.Ones();

        var kept = any.Sum<T41>(1, keepdims: true);
        var error = Assert.Throws<ShapeMismatchException>(() => any.Sum<T41>(1));
        var reshape = Assert.Throws<ShapeMismatchException>(() => any.Reshape<Flat>());

        Assert.Equal([5f, 5f, 5f, 5f], kept.AsReadOnlySpan().ToArray());
        Assert.Equal("Sum(axis: 1) of (4, 5) has shape (4,), not T41's (4, 1).", error.Message);
        Assert.Equal("Sum", error.Operation);
        Assert.StartsWith("Cannot reshape a tensor with 20 elements to shape [24] (24 elements)", reshape.Message, System.StringComparison.Ordinal);
    }
}
