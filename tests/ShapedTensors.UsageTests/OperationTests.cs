using System;
using System.Linq;
using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

namespace ShapedTensors.UsageTests;

[Tensor(4, 8)] public partial struct DenseInput;
[Tensor(8, 6)] public partial struct DenseW1;
[Tensor(6)] public partial struct DenseB1;
[Tensor(6, 3)] public partial struct DenseW2;
[Tensor(3)] public partial struct DenseB2;
[Tensor(4, 6)] public partial struct DenseHidden;
[Tensor(4, 3)] public partial struct DenseOutput;
[Tensor(2, 3, 4)] public partial struct OpCube;
[Tensor(2, 1, 4)] public partial struct OpThin;

/// <summary>
/// The operations of OPS.md §1–§7 through a real build (the SDK's compiler, so C# 14 extension operators too): every
/// <c>var</c> gets the canonical type of its shape at compile time, and the values match <c>DynamicTensor</c>'s.
/// </summary>
public class OperationTests
{
    [Fact]
    public void A_dense_layer_chain_has_every_intermediate_type()
    {
        var x = DenseInput.Random(seed: 1);
        var w1 = DenseW1.Random(seed: 2);
        var b1 = DenseB1.Random(seed: 3);
        var w2 = DenseW2.Random(seed: 4);
        var b2 = DenseB2.Random(seed: 5);

        var h = (x.MatMul(w1) + b1).Relu();
        var p = h.MatMul(w2).BiasAdd(b2).Softmax();
        var loss = p.Mean();

        Assert.IsType<Float32_4x6>(h);
        Assert.IsType<Float32_4x3>(p);
        Assert.IsType<Float32_Scalar>(loss);
        DenseHidden declared = h; // implicit conversion to a declared type of the same shape
        DenseOutput output = p;
        Assert.Equal(DenseHidden.Shape, declared.ToDynamic().Shape);
        Assert.Equal(DenseOutput.Shape, output.ToDynamic().Shape);

        var dh = (x.ToDynamic().MatMul(w1.ToDynamic()) + b1.ToDynamic()).Relu();
        var dp = dh.MatMul(w2.ToDynamic()).BiasAdd(b2.ToDynamic()).Softmax();
        Approx.Equal(dh.AsReadOnlySpan(), h.AsReadOnlySpan());
        Approx.Equal(dp.AsReadOnlySpan(), p.AsReadOnlySpan());
        Approx.Equal(dp.Mean().AsReadOnlySpan(), loss.AsReadOnlySpan());
    }

    [Fact]
    public void Operators_broadcast_and_take_scalars()
    {
        var c = OpCube.Random(seed: 1);
        var t = OpThin.Random(seed: 2);
        var (dc, dt) = (c.ToDynamic(), t.ToDynamic());

        var sum = c + t;
        var difference = t - c;
        var product = c * 2f;
        var quotient = 1f / (c + 1f);
        var negated = -c;
        Assert.IsType<Float32_2x3x4>(sum);
        Assert.IsType<Float32_2x3x4>(difference);
        Assert.IsType<Float32_2x3x4>(negated);
        Approx.Equal((dc + dt).AsReadOnlySpan(), sum.AsReadOnlySpan());
        Approx.Equal((dt - dc).AsReadOnlySpan(), difference.AsReadOnlySpan());
        Approx.Equal((dc * 2f).AsReadOnlySpan(), product.AsReadOnlySpan());
        Approx.Equal((1f / (dc + 1f)).AsReadOnlySpan(), quotient.AsReadOnlySpan());
        Approx.Equal((-dc).AsReadOnlySpan(), negated.AsReadOnlySpan());
    }

    [Fact]
    public void Methods_with_options_match_the_runtime()
    {
        var c = OpCube.Random(seed: 3);
        var dc = c.ToDynamic();

        var softmax = c.Softmax(1);
        var mean = c.Mean(1);
        var max = c.Max(1, keepdims: true);
        var min = c.Min(new[] { 0, -1 });
        var permuted = c.PermuteDimensions(0, 2, 1);
        var reshaped = c.Reshape(4, -1);
        var expanded = c.ExpandDims(0);
        var squeezed = OpThin.Ones().Squeeze(1);
        var joined = c.Concatenate(c, c, axis: 0);
        var transposed = c.Transpose();

        Assert.IsType<Float32_2x4>(mean);
        Assert.IsType<Float32_2x1x4>(max);
        Assert.IsType<Float32_3>(min);
        Assert.IsType<Float32_2x4x3>(permuted);
        Assert.IsType<Float32_4x6>(reshaped);
        Assert.IsType<Float32_1x2x3x4>(expanded);
        Assert.IsType<Float32_2x4>(squeezed);
        Assert.IsType<Float32_6x3x4>(joined);
        Assert.IsType<Float32_4x3x2>(transposed);
        Approx.Equal(dc.Softmax(1).AsReadOnlySpan(), softmax.AsReadOnlySpan());
        Approx.Equal(dc.Mean(1).AsReadOnlySpan(), mean.AsReadOnlySpan());
        Approx.Equal(dc.Max(1, keepdims: true).AsReadOnlySpan(), max.AsReadOnlySpan());
        Approx.Equal(dc.Min(new[] { 0, -1 }).AsReadOnlySpan(), min.AsReadOnlySpan());
        Approx.Equal(dc.PermuteDimensions(0, 2, 1).AsReadOnlySpan(), permuted.AsReadOnlySpan());
        Approx.Equal(dc.Reshape(4, -1).AsReadOnlySpan(), reshaped.AsReadOnlySpan());
        Approx.Equal(dc.AsReadOnlySpan(), expanded.AsReadOnlySpan());
        Approx.Equal(DynamicTensor<float>.Concatenate(0, dc, dc, dc).AsReadOnlySpan(), joined.AsReadOnlySpan());
        Approx.Equal(dc.Transpose().AsReadOnlySpan(), transposed.AsReadOnlySpan());
    }

    [Fact]
    public void Operations_added_through_the_catalogue_alone_get_their_types_and_every_form()
    {
        // Softplus and Prod: a catalogue entry and a kernel case each; the generator, the analyzers and the run-time
        // surface (DynamicTensor<T>, the fallbacks, the destination and marker forms) follow.
        var c = OpCube.Random(seed: 4);
        var dc = c.ToDynamic();

        var softplus = c.Softplus();
        var prod = c.Prod(Axis.At1);
        var all = c.Prod(keepdims: true);
        Assert.IsType<Float32_2x3x4>(softplus);
        Assert.IsType<Float32_2x4>(prod);
        Assert.IsType<Float32_1x1x1>(all);

        var values = dc.AsReadOnlySpan().ToArray();
        Approx.Equal<float>(values.Select(v => MathF.Log(1 + MathF.Exp(v))).ToArray(), softplus.AsReadOnlySpan());
        var products = new float[8];
        for (var i = 0; i < 2; i++)
        {
            for (var k = 0; k < 4; k++)
            {
                products[(i * 4) + k] = values[(i * 12) + k] * values[(i * 12) + 4 + k] * values[(i * 12) + 8 + k];
            }
        }

        Approx.Equal<float>(products, prod.AsReadOnlySpan());
        Approx.Equal(dc.Prod(1).AsReadOnlySpan(), prod.AsReadOnlySpan());
        Approx.Equal(dc.Softplus().AsReadOnlySpan(), softplus.AsReadOnlySpan());

        var into = Float32_2x4.Zeros();
        c.Prod(1, into);
        Approx.Equal<float>(products, into.AsReadOnlySpan());
        var inPlace = dc.Reshape(2, 3, 4); // a copy: dc is c's storage
        inPlace.Softplus(inPlace);
        Approx.Equal(softplus.AsReadOnlySpan(), inPlace.AsReadOnlySpan());

        IShapedTensor<float> unknown = c;
        Approx.Equal(softplus.AsReadOnlySpan(), unknown.Softplus().AsReadOnlySpan());
        Approx.Equal<float>(products, unknown.Prod(Axis.At1).AsReadOnlySpan());
    }
}
