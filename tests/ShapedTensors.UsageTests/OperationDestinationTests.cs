using System;
using ShapedTensors;
using ShapedTensors.Generated.ShapedTensors.UsageTests;
using Xunit;

namespace ShapedTensors.UsageTests;

/// <summary>
/// The destination forms of the generated operation overloads, through a real build: the same kernels as the
/// allocating forms, written into an existing tensor (in place for element-by-element operations), with the shapes of
/// partially known types checked at run time; the values match <c>DynamicTensor</c>'s.
/// </summary>
public class OperationDestinationTests
{
    [Fact]
    public void A_dense_layer_runs_into_destinations_and_in_place()
    {
        var x = DenseInput.Random(seed: 1);
        var w1 = DenseW1.Random(seed: 2);
        var b1 = DenseB1.Random(seed: 3);

        // Allocated once (the generator traces each local to its shape); a training loop would repeat the rest.
        var h = x.MatMul(w1);
        var p = h.Softmax();
        var columns = p.Sum(0);
        x.MatMul(w1, h);
        h.Add(b1, h);             // in place
        h.Relu(h);                // in place
        h.Softmax(-1, p);
        p.Sum(0, columns);

        var dh = (x.ToDynamic().MatMul(w1.ToDynamic()) + b1.ToDynamic()).Relu();
        Approx.Equal(dh.AsReadOnlySpan(), h.AsReadOnlySpan());
        Approx.Equal(dh.Softmax().AsReadOnlySpan(), p.AsReadOnlySpan());
        Approx.Equal(dh.Softmax().Sum(0).AsReadOnlySpan(), columns.AsReadOnlySpan());
    }

    [Fact]
    public void Markers_keepdims_and_copies_have_destination_forms()
    {
        var c = OpCube.Random(seed: 4);
        var kept = c.Mean(Axis.At1, keepdims: true);
        var flat = c.Reshape(4, -1);

        c.Mean(Axis.At1, kept, keepdims: true);
        c.Reshape([4, -1], flat);

        Approx.Equal(c.ToDynamic().Mean(1, keepdims: true).AsReadOnlySpan(), kept.AsReadOnlySpan());
        Approx.Equal(c.ToDynamic().AsReadOnlySpan(), flat.AsReadOnlySpan());
    }

    [Fact]
    public void A_transpose_refuses_a_destination_that_is_its_operand()
    {
        var t = Square.Random(seed: 5).Transpose();

        var error = Assert.Throws<ArgumentException>(() => t.Transpose(t));
        Assert.StartsWith("The destination must not share memory with an operand.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_run_time_batch_the_destination_shape_is_checked()
    {
        var w1 = DigitsW1.Random(seed: 2);
        var b1 = DigitsB1.Random(seed: 3);
        var x = DigitsInput.Random(seed: 1, batch: 8);
        var h = x.MatMul(w1);

        x.MatMul(w1, h);
        h.Add(b1, h);
        h.Relu(h);
        var expected = (x.ToDynamic().MatMul(w1.ToDynamic()) + b1.ToDynamic()).Relu();
        Approx.Equal(expected.AsReadOnlySpan(), h.AsReadOnlySpan());

        var small = DigitsInput.Random(seed: 1, batch: 5).MatMul(w1);
        var error = Assert.Throws<ArgumentException>(() => h.Relu(small));
        Assert.StartsWith("The destination has shape (5, 128), but Relu of (8, 128) has shape (8, 128).", error.Message, StringComparison.Ordinal);
    }
}
