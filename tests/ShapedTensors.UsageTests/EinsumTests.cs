using ShapedTensors;
using Xunit;
using static ShapedTensors.TensorMath;

namespace ShapedTensors.UsageTests;

[Tensor(120, 4, 5)] public partial struct EinsumW;
[Tensor(120, 5, 8)] public partial struct EinsumK;

/// <summary>
/// Einsum and TensorDot through a real build: <c>using static ShapedTensors.TensorMath</c> makes the call read as
/// <c>tf.einsum</c>, valid calls compile without a diagnostic, and the values are BatchDot's and Dot's.
/// </summary>
public class EinsumTests
{
    [Fact]
    public void A_batched_product_as_an_equation_is_BatchDot()
    {
        var w = EinsumW.Random(seed: 1);
        var k = EinsumK.Random(seed: 2);
        var z = Einsum("bij,bjk->bik", w, k);
        Assert.Equal(new Shape(120, 4, 8), z.Shape);
        Approx.Equal(w.BatchDot(k).AsReadOnlySpan(), z.AsReadOnlySpan());
    }

    [Fact]
    public void One_operand_equations_and_tensordot_on_declared_types()
    {
        var w = EinsumW.Random(seed: 3);
        var k = EinsumK.Random(seed: 4);
        Assert.Equal(new Shape(4), Einsum("bij->i", w).Shape);
        Assert.Equal(new Shape(5, 4, 120), Einsum("bij->jib", w).Shape);
        var t = w.TensorDot(k, ([0, 2], [0, 1]));
        Assert.Equal(new Shape(4, 8), t.Shape);
        Approx.Equal(Einsum("bij,bjk->ik", w, k).AsReadOnlySpan(), t.AsReadOnlySpan());
    }
}
