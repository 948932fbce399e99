using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>
/// Calls in this assembly bind to the overloads generated for this namespace, never to the run-time
/// fallbacks (which return <see cref="DynamicTensor{T}"/>): each test checks the result's type at run time.
/// </summary>
public class SameAssemblyTests
{
    [Fact]
    public void Dot_binds_to_the_specialized_overload_and_matches_the_runtime()
    {
        var a = Left.Random(seed: 1);
        var b = Right.Random(seed: 2);
        var result = a.Dot(b);
        Assert.IsType<Float32_3x5>(result);
        Assert.Equal(new Shape(3, 5), Float32_3x5.Shape);
        Approx.Equal(a.ToDynamic().Dot(b.ToDynamic()).AsReadOnlySpan(), result.AsReadOnlySpan());
    }

    [Fact]
    public void BatchDot_and_MatMul_of_the_seed_shapes()
    {
        var w = W.Random(seed: 1);
        var k = K.Random(seed: 2);
        var batchDot = w.BatchDot(k);
        var matMul = w.MatMul(k);
        Assert.IsType<Float32_10x12x4x8>(batchDot);
        Assert.IsType<Float32_10x12x4x8>(matMul);
        Approx.Equal(w.ToDynamic().BatchDot(k.ToDynamic()).AsReadOnlySpan(), batchDot.AsReadOnlySpan());
        Approx.Equal(w.ToDynamic().MatMul(k.ToDynamic()).AsReadOnlySpan(), matMul.AsReadOnlySpan());
    }

    [Fact]
    public void Constant_options_pick_their_kernels()
    {
        var p = Pair.Random(seed: 3);
        var axis0 = p.BatchDot(p, 0);
        var axes11 = p.BatchDot(p, (1, 1));
        Assert.IsType<Float32_20x1>(axis0);
        Assert.IsType<Float32_32x1>(axes11);
        Approx.Equal(p.ToDynamic().BatchDot(p.ToDynamic(), 0).AsReadOnlySpan(), axis0.AsReadOnlySpan());
        Approx.Equal(p.ToDynamic().BatchDot(p.ToDynamic(), (1, 1)).AsReadOnlySpan(), axes11.AsReadOnlySpan());

        var tall = Tall.Random(seed: 4);
        var wide = Wide.Random(seed: 5);
        var transposed = tall.MatMul(wide, transposeA: true);
        Assert.IsType<Float32_2x4>(transposed);
        Approx.Equal(tall.ToDynamic().MatMul(wide.ToDynamic(), transposeA: true).AsReadOnlySpan(), transposed.AsReadOnlySpan());
    }

    [Fact]
    public void Chains_resolve_through_locals_and_nested_calls()
    {
        var a = Left.Random(seed: 1);
        var b = Right.Random(seed: 2);
        var c = Third.Random(seed: 3);
        var z = a.Dot(b);
        var y = z.MatMul(c);
        var nested = a.Dot(b).Dot(c);
        Assert.IsType<Float32_3x6>(y);
        Assert.IsType<Float32_3x6>(nested);
        var expected = a.ToDynamic().Dot(b.ToDynamic()).Dot(c.ToDynamic());
        Approx.Equal(expected.AsReadOnlySpan(), y.AsReadOnlySpan());
        Approx.Equal(expected.AsReadOnlySpan(), nested.AsReadOnlySpan());
    }

    [Fact]
    public void Double_tensors_get_double_kernels()
    {
        var x = DoubleLeft.Random(seed: 1);
        var y = DoubleRight.Random(seed: 2);
        var result = x.MatMul(y, transposeA: true, transposeB: true);
        Assert.IsType<Float64_5x2x4>(result);
        Approx.Equal(x.ToDynamic().MatMul(y.ToDynamic(), transposeA: true, transposeB: true).AsReadOnlySpan(), result.AsReadOnlySpan());
    }

    [Fact]
    public void Same_shape_types_convert_without_copying()
    {
        var a = Left.Random(seed: 1);
        var b = Right.Random(seed: 2);
        var result = a.Dot(b);
        Product product = result;
        product[0, 0] = 42;
        Assert.Equal(42, result[0, 0]);

        var declared = result.As<Product>();
        declared[1, 1] = 7;
        Assert.Equal(7, result[1, 1]);
    }

    [Fact]
    public void Destination_form_writes_into_a_same_shape_declared_type()
    {
        var a = Left.Random(seed: 1);
        var b = Right.Random(seed: 2);
        var destination = new Product();
        a.Dot(b, destination);
        Approx.Equal(a.ToDynamic().Dot(b.ToDynamic()).AsReadOnlySpan(), destination.AsReadOnlySpan());
    }

    [Fact]
    public void Destination_that_shares_an_operand_storage_is_rejected()
    {
        var square = Square.Random(seed: 1);
        var other = Square.Random(seed: 2);
        var error = Assert.Throws<System.ArgumentException>(() => square.MatMul(other, square));
        Assert.Equal("destination", error.ParamName);
        Assert.StartsWith("The destination must not share memory with an operand.", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_types_work()
    {
        var nested = Outer.Nested.Ones();
        Assert.Equal(new Shape(2, 3), Outer.Nested.Shape);
        Assert.Equal(6, nested.AsReadOnlySpan().Length);
    }
}
