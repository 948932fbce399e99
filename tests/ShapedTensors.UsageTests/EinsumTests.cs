using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;
using static ShapedTensors.TensorMath;

namespace ShapedTensors.UsageTests;

[Tensor(120, 4, 5)] public partial struct EinsumW;
[Tensor(120, 5, 8)] public partial struct EinsumK;
[Tensor(6, 4, 5)] public partial struct EinsumA;
[Tensor(6, 5, 8)] public partial struct EinsumB;
[Tensor(4, 5)] public partial class EinsumX;
[Tensor(8, 5)] public partial class EinsumY;
[Tensor(4, 4)] public partial struct EinsumSquare;
[Tensor(4, 4)] public partial class EinsumSquareClass;
[Tensor("batch", 4, 5)] public partial struct EinsumBatchW;
[Tensor("batch", 5, 8)] public partial struct EinsumBatchK;
[Tensor("batch", 5, 8)] public partial struct EinsumOtherK;

/// <summary>
/// Einsum and TensorDot through a real build: <c>using static ShapedTensors.TensorMath</c> makes the call read as
/// <c>tf.einsum</c>; with a constant equation (or axes) on known shapes the generator's overload returns the result
/// shape's type and runs the kernel BatchDot runs, and the values are the runtime's.
/// </summary>
public class EinsumTests
{
    [Fact]
    public void A_batched_product_as_an_equation_has_the_result_type_and_is_BatchDot()
    {
        var w = EinsumW.Random(seed: 1);
        var k = EinsumK.Random(seed: 2);
        var z = Einsum("bij,bjk->bik", w, k);
        Assert.IsType<Float32_120x4x8>(z);
        Assert.Equal(new Shape(120, 4, 8), Float32_120x4x8.Shape);
        Approx.Equal(w.BatchDot(k).AsReadOnlySpan(), z.AsReadOnlySpan());
        Approx.Equal(DynamicTensor<float>.Einsum("bij,bjk->bik", w.ToDynamic(), k.ToDynamic()).AsReadOnlySpan(), z.AsReadOnlySpan());

        // A var local chains: z's type is known to the generator too.
        var r = z.Relu();
        Assert.IsType<Float32_120x4x8>(r);
    }

    [Fact]
    public void On_partially_known_shapes_the_result_has_the_canonical_partial_type_and_its_named_size()
    {
        foreach (var batch in new[] { 3, 7 })
        {
            var w = EinsumBatchW.Random(seed: 1, batch: batch);
            var k = EinsumBatchK.Random(seed: 2, batch: batch);
            var z = Einsum("bij,bjk->bik", w, k);
            Float32_batchx4x8 typed = z; // the static type: no DynamicTensor<float>, no conversion
            Assert.Equal(batch, z.Batch);
            Assert.Equal(new Shape(batch, 4, 8), typed.Shape);
            Approx.Equal(w.BatchDot(k).AsReadOnlySpan(), z.AsReadOnlySpan());

            // One operand and TensorDot too, and the destination form.
            Float32_batchx5x4 transposed = Einsum("bij->bji", w);
            Assert.Equal(batch, transposed.Batch);
            Float32_4x8 summed = w.TensorDot(k, ([0, 2], [0, 1]));
            Approx.Equal(DynamicTensor<float>.Einsum("bij,bjk->ik", w.ToDynamic(), k.ToDynamic()).AsReadOnlySpan(), summed.AsReadOnlySpan());
            var destination = Float32_batchx4x8.Zeros(batch: batch);
            Einsum("bij,bjk->bik", w, k, destination);
            Approx.Equal(z.AsReadOnlySpan(), destination.AsReadOnlySpan());
        }

        // One name, two run-time sizes: the binding rule's text, as for BatchDot.
        var error = Assert.Throws<ShapeMismatchException>(() => Einsum("bij,cjk->bik", EinsumBatchW.Zeros(batch: 2), EinsumOtherK.Zeros(batch: 3)));
        Assert.Contains("Dimension 'batch' must have the same size wherever it appears in one call, but is 2 at x[0] and 3 at y[0].", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Equations_on_the_same_types_switch_to_their_kernels_and_other_ones_compute_through_the_runtime()
    {
        var a = EinsumA.Random(seed: 5);
        var b = EinsumB.Random(seed: 6);
        Float32_6x4x8 product = Einsum("bij,bjk->bik", a, b);
        Float32_6x4x8 renamed = Einsum("xmn,xnp->xmp", a, b);
        Approx.Equal(a.BatchDot(b).AsReadOnlySpan(), product.AsReadOnlySpan());
        Approx.Equal(product.AsReadOnlySpan(), renamed.AsReadOnlySpan());

        // A non-constant equation with the same result shape takes the same overload, through the runtime.
        var equation = string.Concat("bij,bjk", "->bik");
#pragma warning disable ST0004 // on purpose: the equation is checked at run time
        Float32_6x4x8 computed = Einsum(equation, a, b);
#pragma warning restore ST0004
        Approx.Equal(product.AsReadOnlySpan(), computed.AsReadOnlySpan());

        var destination = new Float32_6x4x8();
        Einsum("bij,bjk->bik", a, b, destination);
        Approx.Equal(product.AsReadOnlySpan(), destination.AsReadOnlySpan());
    }

    [Fact]
    public void Swapped_operands_and_tensordot_have_the_result_type()
    {
        var x = EinsumX.Random(seed: 7);
        var y = EinsumY.Random(seed: 8);

        // ik: the innermost output label is the first operand's, so the lowering swaps the operands.
        var swapped = Einsum("ij,kj->ki", x, y);
        Assert.IsType<Float32_8x4>(swapped);
        Approx.Equal(DynamicTensor<float>.Einsum("ij,kj->ki", x.ToDynamic(), y.ToDynamic()).AsReadOnlySpan(), swapped.AsReadOnlySpan());

        var t = x.TensorDot(y, (1, 1));
        Assert.IsType<Float32_4x8>(t);
        Approx.Equal(x.ToDynamic().TensorDot(y.ToDynamic(), (1, 1)).AsReadOnlySpan(), t.AsReadOnlySpan());
        Approx.Equal(x.MatMul(y, transposeB: true).AsReadOnlySpan(), t.AsReadOnlySpan());
    }

    [Fact]
    public void Tensordot_with_lists_and_one_operand_permutations_on_declared_types()
    {
        var w = EinsumW.Random(seed: 3);
        var k = EinsumK.Random(seed: 4);
        var permuted = Einsum("bij->jib", w);
        Assert.IsType<Float32_5x4x120>(permuted);
        Approx.Equal(w.Transpose().AsReadOnlySpan(), permuted.AsReadOnlySpan());

        var inner = Einsum("...ij->...ji", k);
        Assert.IsType<Float32_120x8x5>(inner);
        Approx.Equal(DynamicTensor<float>.Einsum("...ij->...ji", k.ToDynamic()).AsReadOnlySpan(), inner.AsReadOnlySpan());

        var t = w.TensorDot(k, ([0, 2], [0, 1]));
        Assert.IsType<Float32_4x8>(t);
        Approx.Equal(DynamicTensor<float>.Einsum("bij,bjk->ik", w.ToDynamic(), k.ToDynamic()).AsReadOnlySpan(), t.AsReadOnlySpan());
    }

    [Fact]
    public void One_operand_diagonals_traces_and_sums_have_static_result_types()
    {
        var a = EinsumSquare.Random(seed: 9);
        var d = Einsum("ii->i", a);
        Float32_4 diagonal = d; // the static type: no conversion from DynamicTensor<float> would compile
        Assert.Equal([a[0, 0], a[1, 1], a[2, 2], a[3, 3]], diagonal.AsReadOnlySpan().ToArray());

        // Another equation of the same result shape on the same type: one overload, a case each.
        var rows = Einsum("ij->i", a);
        Approx.Equal(a.Sum(1).AsReadOnlySpan(), rows.AsReadOnlySpan());

        // A chain on the canonical result, and a trace.
        var total = Einsum("i->", d);
        Assert.IsType<Float32_Scalar>(total);
        var trace = Einsum("ii", EinsumSquareClass.FromArray(a.AsReadOnlySpan().ToArray()));
        Assert.IsType<Float32_Scalar>(trace);
        Assert.Equal(total.Value, trace.Value, 4);
    }

    [Fact]
    public void One_operand_equations_of_different_result_shapes_on_one_type_run_through_the_runtime()
    {
        var x = EinsumX.Random(seed: 10);
        // One overload has one return type, and the equation is a string: ST0003 names the other call.
#pragma warning disable ST0003
        var sum = Einsum("ij->", x);
        var columns = Einsum("ij->j", x);
#pragma warning restore ST0003
        Assert.IsType<DynamicTensor<float>>(sum);
        Assert.Equal(new Shape(5), columns.Shape);
        Approx.Equal(x.Sum(0).AsReadOnlySpan(), columns.AsReadOnlySpan());
    }
}
