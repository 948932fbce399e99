using System.Linq;
using System.Threading.Tasks;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// ST0001 and ST0010 for the operations of OPS.md §1–§7 beyond the tables (OpsTableTests): scalars, unary minus,
/// options that are not constants, partial shapes, and what is not the library's to check.
/// </summary>
public sealed class OperationRuleTests
{
    private const string Types = "[Tensor(2, 3)] partial struct P;\n[Tensor(2, 4)] partial struct Q;\n[Tensor<double>(2, 3)] partial struct D;";

    [Fact]
    public async Task Scalars_of_any_numeric_type_broadcast_as_rank_0()
    {
        var diagnostics = await OperationDiagnostics.OfAsync(OperationDiagnostics.Program(
            Types,
            new[] { "new P() * 2f", "2f + new P()", "new P() / 3", "1.5 - new D()", "-new P()", "-(new P() + new P())" }));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Every_operator_on_incompatible_shapes_is_an_error_whether_or_not_it_binds()
    {
        await AssertErrorsAsync(
            Types,
            new[] { "new P() + new Q()", "new P() - new Q()", "new P() * new Q()", "new P() / new Q()", "-(new P() * new Q())" },
            ("new P() + new Q()", "Dimensions must be equal, but are 3 and 4 for 'add' (op: 'Add') with input shapes: [2,3], [2,4]."),
            ("new P() - new Q()", "Dimensions must be equal, but are 3 and 4 for 'sub' (op: 'Sub') with input shapes: [2,3], [2,4]."),
            ("new P() * new Q()", "Dimensions must be equal, but are 3 and 4 for 'mul' (op: 'Mul') with input shapes: [2,3], [2,4]."),
            ("new P() / new Q()", "Dimensions must be equal, but are 3 and 4 for 'truediv' (op: 'RealDiv') with input shapes: [2,3], [2,4]."),
            ("new P() * new Q()", "Dimensions must be equal, but are 3 and 4 for 'mul' (op: 'Mul') with input shapes: [2,3], [2,4]."));
    }

    [Fact]
    public async Task Options_that_are_not_constants_are_left_to_run_time()
    {
        var diagnostics = await OperationDiagnostics.OfAsync(OperationDiagnostics.Program(
            Types,
            new[]
            {
                "new P().Softmax(axis)", "new P().Sum(axis)", "new P().Sum(axes)", "new P().Sum(new[] { 0, axis })", "new P().Sum(5, keep)",
                "new P().PermuteDimensions(axes)", "new P().PermuteDimensions(0, axis)", "new P().Reshape(axes)", "new P().Reshape(new int[axis])",
                "new P().ExpandDims(axis)", "new P().Squeeze(axis)", "new P().Concatenate(new Q(), axis)",
            },
            "int axis, int[] axes, bool keep"));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Constant_locals_and_fields_count_as_constants()
    {
        await AssertErrorsAsync(
            Types + "\nstatic class K { public const int Axis = 3; }",
            new[] { "new P().Softmax(K.Axis)", "new P().Sum(axis: K.Axis, keepdims: K.Axis > 2)" },
            ("new P().Softmax(K.Axis)", "Dimension (3) must be in the range [-2, 2) where 2 is the number of dimensions in the input."),
            ("new P().Sum(axis: K.Axis, keepdims: K.Axis > 2)", "Invalid reduction dimension 3 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [2,3], [] and with computed input tensors: input[1] = <3>."));
    }

    [Fact]
    public async Task Known_dimensions_of_partial_shapes_are_checked_with_question_marks_in_the_frame()
    {
        await AssertErrorsAsync(
            "[Tensor(\"batch\", 3)] partial struct B3;\n[Tensor(\"batch\", 4)] partial struct B4;",
            new[] { "new B3() + new B4()", "new B3().Reshape(5, 5)", "new B3().Squeeze(1)", "new B3().Concatenate(new B4(), 0)" },
            ("new B3() + new B4()", "Dimensions must be equal, but are 3 and 4 for 'add' (op: 'Add') with input shapes: [?,3], [?,4]."),
            ("new B3().Squeeze(1)", "Can not squeeze dim[1], expected a dimension of 1, got 3 for 'Squeeze' (op: 'Squeeze') with input shapes: [?,3]."),
            ("new B3().Concatenate(new B4(), 0)", "Dimension 0 in both shapes must be equal, but are 3 and 4. Shapes are [3] and [4]. for 'concat' (op: 'ConcatV2') with input shapes: [?,3], [?,4], [] and with computed input tensors: input[2] = <0>."));
    }

    [Fact]
    public async Task Checks_that_only_run_time_sizes_decide_are_ST0010()
    {
        var diagnostics = await OperationDiagnostics.OfAsync(OperationDiagnostics.Program(
            "[Tensor(\"batch\", 3)] partial struct B3;\n[Tensor(4, 3)] partial struct F43;\n[Tensor(\"n\", 1)] partial struct N1;",
            new[] { "new B3() + new F43()", "new B3().Squeeze(0)", "new N1().Squeeze(1)", "new B3().Concatenate(new F43(), 0)" }));
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("ST0010", d.Id));
        Assert.Equal("new B3() + new F43()", diagnostics[0].On);
        Assert.StartsWith("'Add' is checked at run time: ", diagnostics[0].Message, System.StringComparison.Ordinal);
        Assert.Equal("new B3().Squeeze(0)", diagnostics[1].On);
        Assert.StartsWith("'Squeeze' is checked at run time: ", diagnostics[1].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_is_not_the_librarys_is_not_checked()
    {
        // A user's own operator on a tensor type, DynamicTensor<T>'s methods and operators, operands of unknown shape.
        var declarations = Types + "\npartial struct P { public static P operator -(P a, Q b) => a; }";
        var diagnostics = await OperationDiagnostics.OfAsync(OperationDiagnostics.Program(
            declarations,
            new[] { "new P() - new Q()", "dynamic1 + dynamic2", "dynamic1.Squeeze(5)", "shaped.Squeeze(5)", "shaped.Add(new Q())" },
            "DynamicTensor<float> dynamic1, DynamicTensor<float> dynamic2, IShapedTensor<float> shaped"));
        Assert.Empty(diagnostics);
    }

    // The ST0001s the calls get, in order: each call with the exact text it is expected to get.
    private static async Task AssertErrorsAsync(string declarations, string[] calls, params (string On, string Text)[] errors)
    {
        var diagnostics = await OperationDiagnostics.OfAsync(OperationDiagnostics.Program(declarations, calls));
        Assert.Equal(errors.Select(e => ("ST0001", e.On, e.Text)), diagnostics);
    }
}
