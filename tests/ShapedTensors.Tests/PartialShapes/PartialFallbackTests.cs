using System;
using Xunit;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>
/// The run-time fallbacks (calls the generator did not specialize) on a type with sizes known only at run time make
/// the checks of PARTIAL_SHAPES.md as a specialized call does: TensorFlow's graph-time text with <c>?</c>, the kernel
/// texts, the name binding; then they compute on the run-time shapes.
/// </summary>
public sealed class PartialFallbackTests
{
    [Fact]
    public void A_graph_time_error_prints_the_unknown_dimension()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => new PartialTensor(StaticShape.Parse("?", 3, 4), 2, 3, 4).Dot(new PartialTensor(StaticShape.Parse(5, 6), 5, 6)));
        Assert.Equal("Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [?,4], [5,6].", error.Message);
    }

    [Fact]
    public void A_check_left_to_run_time_throws_the_kernel_text()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => new PartialTensor(StaticShape.Parse(2, 3, "k"), 2, 3, 7).Dot(new PartialTensor(StaticShape.Parse(4, 5), 4, 5), new PartialTensor(StaticShape.Parse(2, 3, 5), 2, 3, 5)));
        Assert.Equal("Matrix size-incompatible: In[0]: [6,7], In[1]: [4,5]", error.Message);
        error = Assert.Throws<ShapeMismatchException>(() => new PartialTensor(StaticShape.Parse("b", 4, 5), 1, 4, 5).MatMul(new PartialTensor(StaticShape.Parse("b", 5, 8), 9, 5, 8), transposeA: false));
        Assert.Equal("Dimension 'b' must have the same size wherever it appears in one call, but is 1 at x[0] and 9 at y[0].", error.Message);
        error = Assert.Throws<ShapeMismatchException>(() => new PartialTensor(StaticShape.Parse("?", 4, 5), 16, 4, 5).BatchDot(new PartialTensor(StaticShape.Parse(32, 5, 8), 32, 5, 8), (2, 1)));
        Assert.Equal("In[0].dim(0) and In[1].dim(0) must be the same: [16,4,5] vs [32,5,8]", error.Message);
    }

    [Fact]
    public void Sizes_that_pass_compute_on_the_run_time_shapes()
    {
        var result = new PartialTensor(StaticShape.Parse("b", 4, 5), 3, 4, 5).BatchDot(new PartialTensor(StaticShape.Parse("b", 5, 8), 3, 5, 8), (2, 1));
        Assert.Equal(new Shape(3, 4, 8), result.Shape);
    }

    [Fact]
    public void Under_tf_keras_batch_dot_the_run_time_shapes_decide()
    {
        // tf.keras' batch_dot is specified for fully known shapes: the fallback applies it to the run-time shapes.
        var error = Assert.Throws<ShapeMismatchException>(() => new PartialTensor(StaticShape.Parse("?", 4, 5), 16, 4, 5).BatchDot(new PartialTensor(StaticShape.Parse(32, 5, 8), 32, 5, 8), BatchDotSemantics.TfKeras));
        Assert.StartsWith("Cannot do batch_dot on inputs with different batch sizes.", error.Message, StringComparison.Ordinal);
    }
}
