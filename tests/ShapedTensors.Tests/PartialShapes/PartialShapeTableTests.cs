using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>
/// Every row of PARTIAL_SHAPES.md §10: the static result in the Keras form of §2 (or the exact graph-time error,
/// with <c>?</c> in its frame), the deferred checks (column "warn", §8.3), and the run-time outcome at the sizes the
/// row gives: the exact kernel text (§8.1), the name-binding text (§8.4), or the run-time result shape.
/// </summary>
public sealed class PartialShapeTableTests
{
    private const string NoWarning = "";

    /// <summary>id, op, x, y, options, result (Keras form) or exact graph-time error, deferred checks ("; "-joined).</summary>
    public static readonly TheoryData<string, string, string, string, string, string, string> Rows = new()
    {
        { "D1", "Dot", "(b,4,5)", "(5,8)", "", "(b, 4, 8)", NoWarning },
        { "D2", "Dot", "(?,3,4)", "(4,5)", "", "(None, 3, 5)", NoWarning },
        { "D3", "Dot", "(b,3,4)", "(4,5)", "", "(b, 3, 5)", NoWarning },
        { "D4", "Dot", "(?,3,4)", "(5,6)", "", "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [?,4], [5,6].", NoWarning },
        { "D5", "Dot", "(2,3,4)", "(b,5,6)", "", "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [6,4], [5,?].", NoWarning },
        { "D6", "Dot", "(b,3,4)", "(c,5,6)", "", "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [?,4], [5,?].", NoWarning },
        { "D7", "Dot", "(2,3,k)", "(4,5)", "", "(2, 3, 5)", "x[2] ('k') must equal y[0] (4)" },
        { "D8", "Dot", "(2,3)", "(b,3,5)", "", "(2, b, 5)", NoWarning },
        { "D9", "Dot", "(4,)", "(7,k,5)", "", "(7, 5)", "y[1] ('k') must equal x[0] (4)" },
        { "D10", "Dot", "(b,t,4)", "(4,5)", "", "(b, t, 5)", NoWarning },
        { "D11", "Dot", "(n,5)", "(6,3)", "", "Dimensions must be equal, but are 5 and 6 for 'MatMul' (op: 'MatMul') with input shapes: [?,5], [6,3].", NoWarning },
        { "D12", "Dot", "(3,k)", "(5,2)", "", "(3, 2)", "x[1] ('k') must equal y[0] (5)" },
        { "D13", "Dot", "(3,k)", "(m,2)", "", "(3, 2)", "x[1] ('k') must equal y[0] ('m')" },
        { "D14", "Dot", "(3,k)", "(k,2)", "", "(3, 2)", NoWarning },
        { "D15", "Dot", "(n,4)", "(4,n)", "", "(n, n)", NoWarning },
        { "D16", "Dot", "(n,n)", "(n,2)", "", "(n, 2)", NoWarning },
        { "D17", "Dot", "(b,3,k)", "(5,)", "", "(b, 3)", "x[2] ('k') must equal y[0] (5)" },
        { "B1", "BatchDot", "(b,4,5)", "(b,5,8)", "", "(b, 4, 8)", NoWarning },
        { "B2", "BatchDot", "(?,4,5)", "(32,5,8)", "", "(32, 4, 8)", "x[0] (?) must equal y[0] (32)" },
        { "B3", "BatchDot", "(b,4,5)", "(b,6,8)", "", "Dimensions must be equal, but are 5 and 6 for 'MatMul' (op: 'BatchMatMul') with input shapes: [?,4,5], [?,6,8].", NoWarning },
        { "B4", "BatchDot", "(b,8,2,3)", "(b,9,3,4)", "", "Dimension 1 in both shapes must be equal, but are 8 and 9. Shapes are [?,8] and [?,9]. for 'MatMul' (op: 'BatchMatMul') with input shapes: [?,8,2,3], [?,9,3,4].", NoWarning },
        { "B5", "BatchDot", "(b,20,1)", "(32,30,20)", "axes (1,2)", "(32, 1, 30)", "x[0] ('b') must equal y[0] (32)" },
        { "B6", "BatchDot", "(b,4,k)", "(b,m,6)", "", "(b, 4, 6)", "x[2] ('k') must equal y[1] ('m')" },
        { "B7", "BatchDot", "(a,4,5)", "(c,5,6)", "", "(a, 4, 6)", "x[0] ('a') must equal y[0] ('c')" },
        { "B8", "BatchDot", "(b,5)", "(b,4,6)", "", "Dimensions must be equal, but are 5 and 4 for 'MatMul' (op: 'BatchMatMul') with input shapes: [?,5,1], [?,4,6].", NoWarning },
        { "B9", "BatchDot", "(b,4,5)", "(b,5)", "", "(b, 4)", NoWarning },
        { "B10", "BatchDot", "(b,20)", "(b,20)", "axes 1", "(b, 1)", NoWarning },
        { "B11", "BatchDot", "(?,20)", "(32,20)", "axes 1", "(32, 1)", "x[0] (?) must be 1 or equal y[0] (32)" },
        { "B12", "BatchDot", "(b,20)", "(b,20)", "", "(20, 1)", "y[0] ('b') must be 1 or equal x[1] (20); x[0] ('b') must be 1 or equal y[1] (20)" },
        { "B13", "BatchDot", "(b,20)", "(32,16)", "", "Dimensions must be equal, but are 20 and 32 for 'Mul' (op: 'Mul') with input shapes: [20,?], [32,16].", NoWarning },
        { "B14", "BatchDot", "(3,)", "(3,m)", "", "()", "axis 0 of the product (y[1] ('m')) must be 1" },
        { "B15", "BatchDot", "(b,)", "(b,20)", "", "Can not squeeze dim[0], expected a dimension of 1, got 20 for 'Squeeze' (op: 'Squeeze') with input shapes: [20].", NoWarning },
        { "B16", "BatchDot", "(b,3)", "(b,3,u,5)", "", "Can not squeeze dim[1], expected a dimension of 1, got 3 for 'Squeeze' (op: 'Squeeze') with input shapes: [?,3,1,5].", NoWarning },
        { "B17", "BatchDot", "(2,t)", "(2,t,u,5)", "", "(2, 5)", "y[2] ('u') must equal 1; axis 1 of the product (x[1]/y[1] ('t')) must be 1" },
        { "M1", "MatMul", "(b,4,5)", "(b,5,8)", "", "(b, 4, 8)", NoWarning },
        { "M2", "MatMul", "(b,4,5)", "(5,8)", "", "(b, 4, 8)", NoWarning },
        { "M3", "MatMul", "(b,4,5)", "(7,5,8)", "", "(7, 4, 8)", "x[0] ('b') must be 1 or equal y[0] (7)" },
        { "M4", "MatMul", "(b,4,5)", "(1,5,8)", "", "(b, 4, 8)", NoWarning },
        { "M5", "MatMul", "(b,4,5)", "(c,5,8)", "", "(None, 4, 8)", "x[0] ('b') and y[0] ('c') must be equal or one of them 1" },
        { "M6", "MatMul", "(8,2,3)", "(b,4,5)", "", "Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [8,2,3], [?,4,5].", NoWarning },
        { "M7", "MatMul", "(8,2,k)", "(9,3,4)", "", "Dimensions must be equal, but are 8 and 9 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [8,2,?], [9,3,4].", NoWarning },
        { "M8", "MatMul", "(k,2)", "(5,4)", "transposeA", "(2, 4)", "x[0] ('k') must equal y[0] (5)" },
        { "M9", "MatMul", "(b,3,2)", "(b,4,3)", "transposeA, transposeB", "(b, 2, 4)", NoWarning },
        { "M10", "MatMul", "(b,4,k)", "(b,m,6)", "", "(b, 4, 6)", "x[2] ('k') must equal y[1] ('m')" },
        { "M11", "MatMul", "(b,k,2)", "(b,4,m)", "transposeA", "(b, 2, m)", "x[1] ('k') must equal y[1] (4)" },
        { "M12", "MatMul", "(b,2,3)", "(3,)", "", "Shape must be at least rank 2 but is rank 1 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [?,2,3], [3].", NoWarning },
    };

    /// <summary>
    /// The run-time column: id, op, x, y, options, the run-time shapes of x and y, and the exact text thrown
    /// or, when the call succeeds, its run-time result shape.
    /// </summary>
    public static readonly TheoryData<string, string, string, string, string, string, string, string> RunTimeRows = new()
    {
        { "D7", "Dot", "(2,3,k)", "(4,5)", "", "(2,3,7)", "(4,5)", "Matrix size-incompatible: In[0]: [6,7], In[1]: [4,5]" },
        { "D9", "Dot", "(4,)", "(7,k,5)", "", "(4,)", "(7,3,5)", "Matrix size-incompatible: In[0]: [1,4], In[1]: [3,35]" },
        { "D12", "Dot", "(3,k)", "(5,2)", "", "(3,4)", "(5,2)", "Matrix size-incompatible: In[0]: [3,4], In[1]: [5,2]" },
        { "D13", "Dot", "(3,k)", "(m,2)", "", "(3,4)", "(6,2)", "Matrix size-incompatible: In[0]: [3,4], In[1]: [6,2]" },
        { "D14", "Dot", "(3,k)", "(k,2)", "", "(3,4)", "(6,2)", "Matrix size-incompatible: In[0]: [3,4], In[1]: [6,2]" },
        { "D15", "Dot", "(n,4)", "(4,n)", "", "(2,4)", "(4,3)", "Dimension 'n' must have the same size wherever it appears in one call, but is 2 at x[0] and 3 at y[1]." },
        { "D16", "Dot", "(n,n)", "(n,2)", "", "(3,4)", "(4,2)", "Dimension 'n' must have the same size wherever it appears in one call, but is 3 at x[0] and 4 at x[1]." },
        { "D17", "Dot", "(b,3,k)", "(5,)", "", "(2,3,4)", "(5,)", "Matrix size-incompatible: In[0]: [6,4], In[1]: [5,1]" },
        { "B2", "BatchDot", "(?,4,5)", "(32,5,8)", "", "(16,4,5)", "(32,5,8)", "In[0].dim(0) and In[1].dim(0) must be the same: [16,4,5] vs [32,5,8]" },
        { "B5", "BatchDot", "(b,20,1)", "(32,30,20)", "axes (1,2)", "(16,20,1)", "(32,30,20)", "In[0].dim(0) and In[1].dim(0) must be the same: [16,20,1] vs [32,30,20]" },
        { "B6", "BatchDot", "(b,4,k)", "(b,m,6)", "", "(2,4,5)", "(2,3,6)", "In[0] mismatch In[1] shape: 5 vs. 3: [2,4,5] [2,3,6] 0 0" },
        { "B7", "BatchDot", "(a,4,5)", "(c,5,6)", "", "(2,4,5)", "(3,5,6)", "In[0].dim(0) and In[1].dim(0) must be the same: [2,4,5] vs [3,5,6]" },
        { "B10", "BatchDot", "(b,20)", "(b,20)", "axes 1", "(3,20)", "(4,20)", "Incompatible shapes: [3,20] vs. [4,20]" },
        { "B10", "BatchDot", "(b,20)", "(b,20)", "axes 1", "(1,20)", "(4,20)", "Dimension 'b' must have the same size wherever it appears in one call, but is 1 at x[0] and 4 at y[0]." },
        { "B11", "BatchDot", "(?,20)", "(32,20)", "axes 1", "(16,20)", "(32,20)", "Incompatible shapes: [16,20] vs. [32,20]" },
        { "B11", "BatchDot", "(?,20)", "(32,20)", "axes 1", "(1,20)", "(32,20)", "(32, 1)" },
        { "B12", "BatchDot", "(b,20)", "(b,20)", "", "(32,20)", "(32,20)", "Incompatible shapes: [20,32] vs. [32,20]" },
        { "B14", "BatchDot", "(3,)", "(3,m)", "", "(3,)", "(3,4)", "Can not squeeze dim[0], expected a dimension of 1, got 4" },
        { "B14", "BatchDot", "(3,)", "(3,m)", "", "(3,)", "(3,1)", "()" },
        { "B17", "BatchDot", "(2,t)", "(2,t,u,5)", "", "(2,3)", "(2,3,4,5)", "In[0] mismatch In[1] shape: 1 vs. 4: [2,3,1,1] [2,3,4,5] 1 0" },
        { "B17", "BatchDot", "(2,t)", "(2,t,u,5)", "", "(2,3)", "(2,3,1,5)", "Can not squeeze dim[1], expected a dimension of 1, got 3" },
        { "M1", "MatMul", "(b,4,5)", "(b,5,8)", "", "(2,4,5)", "(9,5,8)", "In[0] and In[1] must have compatible batch dimensions: [2,4,5] vs. [9,5,8]" },
        { "M1", "MatMul", "(b,4,5)", "(b,5,8)", "", "(1,4,5)", "(9,5,8)", "Dimension 'b' must have the same size wherever it appears in one call, but is 1 at x[0] and 9 at y[0]." },
        { "M3", "MatMul", "(b,4,5)", "(7,5,8)", "", "(3,4,5)", "(7,5,8)", "In[0] and In[1] must have compatible batch dimensions: [3,4,5] vs. [7,5,8]" },
        { "M3", "MatMul", "(b,4,5)", "(7,5,8)", "", "(1,4,5)", "(7,5,8)", "(7, 4, 8)" },
        { "M8", "MatMul", "(k,2)", "(5,4)", "transposeA", "(3,2)", "(5,4)", "Matrix size-incompatible: In[0]: [3,2], In[1]: [5,4]" },
        { "M9", "MatMul", "(b,3,2)", "(b,4,3)", "transposeA, transposeB", "(2,3,2)", "(5,4,3)", "In[0] and In[1] must have compatible batch dimensions: [2,3,2] vs. [5,4,3]" },
        { "M10", "MatMul", "(b,4,k)", "(b,m,6)", "", "(2,4,5)", "(2,3,6)", "In[0] mismatch In[1] shape: 5 vs. 3: [2,4,5] [2,3,6] 0 0" },
        { "M11", "MatMul", "(b,k,2)", "(b,4,m)", "transposeA", "(2,3,2)", "(2,4,6)", "In[0] mismatch In[1] shape: 3 vs. 4: [2,3,2] [2,4,6] 1 0" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Static_result_or_graph_time_error_is_the_row(string id, string op, string x, string y, string options, string expected, string warn)
    {
        var c = PartialCase.Parse(op, x, y, options);
        var graph = c.Run();
        if (expected.StartsWith('('))
        {
            Assert.True(graph.Succeeded, $"{id} {c}: expected {expected} but got: {graph.Error?.Message}");
            Assert.Equal(expected, graph.Result!.ToString());
            Assert.Equal(warn, string.Join("; ", graph.Deferred.Select(d => d.Describe())));
        }
        else
        {
            Assert.False(graph.Succeeded, $"{id} {c}: expected an error but got {graph.Result}");
            Assert.Equal(expected, graph.Error!.Message);
            Assert.Equal(ShapeErrorKind.IncompatibleShapes, graph.Error.Kind);
            Assert.Empty(warn);
        }
    }

    [Theory]
    [MemberData(nameof(RunTimeRows))]
    public void Run_time_outcome_is_the_row(string id, string op, string x, string y, string options, string runX, string runY, string expected)
    {
        var c = PartialCase.Parse(op, x, y, options);
        var graph = c.Run();
        Assert.True(graph.Succeeded, $"{id} {c}: graph time failed: {graph.Error?.Message}");
        var rx = ToShape(runX);
        var ry = ToShape(runY);
        var error = graph.RunTime!.Evaluate(rx, ry);
        if (expected.StartsWith('('))
        {
            Assert.Null(error);

            // G4: the values are SEMANTICS.md's on the run-time shapes, and the run-time shape fits the static type.
            var known = c.RunKnown(rx, ry);
            Assert.True(known.Succeeded, known.Error?.Message);
            Assert.Equal(expected, known.ResultShape!.ToString());
            Assert.True(graph.Result!.Admits(known.ResultShape), $"{known.ResultShape} does not fit {graph.Result}");
        }
        else
        {
            Assert.NotNull(error);
            Assert.Equal(expected, error!.Message);
            var kind = expected.StartsWith("Dimension '", System.StringComparison.Ordinal) ? ShapeErrorKind.InconsistentNamedSize : ShapeErrorKind.IncompatibleSizes;
            Assert.Equal(kind, error.Kind);
        }
    }

    [Fact]
    public void Every_row_with_a_run_time_column_has_a_run_time_test()
    {
        // The rows of §10 whose run-time column is not empty.
        string[] withRunTime = { "D7", "D9", "D12", "D13", "D14", "D15", "D16", "D17", "B2", "B5", "B6", "B7", "B10", "B11", "B12", "B14", "B17", "M1", "M3", "M8", "M9", "M10", "M11" };
        var tested = RunTimeRows.Select(row => (string)row[0]).Distinct().ToArray();
        Assert.Equal(withRunTime, tested);
        Assert.Equal(46, Rows.Count);
    }

    [Fact]
    public void Graph_time_errors_show_unknown_and_named_dimensions_as_question_marks_and_keep_their_op()
    {
        var graph = PartialCase.Parse("MatMul", "(batch,784)", "(100,10)", "").Run();
        Assert.Equal("Dimensions must be equal, but are 784 and 100 for 'MatMul' (op: 'MatMul') with input shapes: [?,784], [100,10].", graph.Error!.Message);
        Assert.Equal("MatMul", graph.Error.Op);
        Assert.Equal("MatMul", graph.Error.Node);
        Assert.Equal("[?,784]", graph.Error.StaticInputShapes[0].ToTensorFlowString());
        Assert.Empty(graph.Error.InputShapes); // a frame with ? has no fully known shapes to give
    }

    [Fact]
    public void Kernel_errors_carry_the_kernel_op_and_the_shapes_it_saw()
    {
        var graph = PartialCase.Parse("Dot", "(2,3,k)", "(4,5)", "").Run();
        var error = graph.RunTime!.Evaluate(new Shape(2, 3, 7), new Shape(4, 5))!;
        Assert.Equal("MatMul", error.Op);
        Assert.Null(error.Node);
        Assert.Equal(new[] { new Shape(6, 7), new Shape(4, 5) }, error.InputShapes);
    }

    [Fact]
    public void A_run_time_shape_that_does_not_fit_its_static_shape_is_rejected()
    {
        var graph = PartialCase.Parse("Dot", "(b,4)", "(4,5)", "").Run();
        Assert.Throws<System.ArgumentException>(() => graph.RunTime!.Evaluate(new Shape(2, 3), new Shape(4, 5)));
        Assert.Throws<System.ArgumentException>(() => graph.RunTime!.Evaluate(new Shape(2, 4, 1), new Shape(4, 5)));
        Assert.Null(graph.RunTime!.Evaluate(new Shape(2, 4), new Shape(4, 5)));
    }

    private static Shape ToShape(string tuple) => new(PartialCase.ParseDims(tuple).Select(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
}
