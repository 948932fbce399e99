using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;
using static ShapedTensors.Analyzers.Tests.PartialShapeRowTests;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Calls on partially shaped operands beyond the rows of PARTIAL_SHAPES.md §10: the issue's example, destinations
/// (ST0006, ST0010), chains through result types that carry names, options, and what is not reported (ST0002, ST0003).
/// </summary>
public sealed class PartialCallRuleTests
{
    private static string Types(params (string Name, string Shape)[] types)
        => string.Join("\n", System.Array.ConvertAll(types, type => PartialSource.Tensor(type.Name, type.Shape)));

    [Fact]
    public async Task A_wrong_weight_matrix_is_the_issues_compile_error()
    {
        var source = Source.Program(Types(("Input", "(batch,784)"), ("W", "(100,10)")), "_ = {|#0:new Input().MatMul(new W())|};");
        await PartialSource.VerifyAsync(source, ShapeMismatch("Dimensions must be equal, but are 784 and 100 for 'MatMul' (op: 'MatMul') with input shapes: [?,784], [100,10]."));
    }

    [Fact]
    public async Task A_partial_operand_is_not_ST0002_and_binds_to_the_fallback_as_ST0003_only_when_not_specialized()
    {
        // With ST0003 on: the call is left to the fallback (no generator here), and says so with the shapes the Keras way.
        var test = new ShapedTensorsTest(runGenerator: false)
        {
            TestCode = Source.Program(Types(("Input", "(batch,784)"), ("W", "(784,10)")), "_ = {|#0:new Input().MatMul(new W())|};"),
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ST0003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("MatMul", "shapes (batch, 784) and (784, 10)", "the ShapedTensors generator emitted no overload for it; reference it as an analyzer in this project (OutputItemType=\"Analyzer\")"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Chains_follow_result_types_that_carry_names()
    {
        // What the generator emits for x.Dot(w1): an overload returning a result type [Tensor("batch", 128)].
        var source = Source.Program(
            Types(("X", "(batch,784)"), ("W1", "(784,128)"), ("W2", "(100,10)"), ("W3", "(128,10)"), ("H", "(batch,128)")) + """

                [System.CodeDom.Compiler.GeneratedCode("ShapedTensors.Generator", "0.1.0")]
                internal static class GeneratedTensorOperations
                {
                    public static H Dot(this X x, W1 y) => throw new System.NotSupportedException();
                }
                """,
            """
            _ = {|#0:new X().Dot(new W1()).Dot(new W2())|};
                    var h = new X().Dot(new W1());
                    _ = {|#1:h.MatMul(new W2())|};
                    _ = h.Dot(new W3());
            """);
        const string text = "Dimensions must be equal, but are 128 and 100 for 'MatMul' (op: 'MatMul') with input shapes: [?,128], [100,10].";
        await PartialSource.VerifyAsync(source, ShapeMismatch(text), ShapeMismatch(text, 1));
    }

    [Fact]
    public async Task ST0006_a_destination_known_dimension_or_rank_that_cannot_hold_the_result()
    {
        var source = Source.Program(
            Types(("X", "(b,4)"), ("Y", "(4,5)"), ("Wide", "(b,6)"), ("Flat", "(b,)"), ("Fits", "(b,5)"), ("Unnamed", "(?,5)")),
            """
            new X().Dot(new Y(), {|#0:new Wide()|});
                    new X().Dot(new Y(), {|#1:new Flat()|});
                    new X().Dot(new Y(), new Fits());
            """);
        await PartialSource.VerifyAsync(
            source,
            new DiagnosticResult("ST0006", DiagnosticSeverity.Error).WithLocation(0).WithMessage("The destination has shape (b, 6), but Dot of (b, 4) and (4, 5) has shape (b, 5)."),
            new DiagnosticResult("ST0006", DiagnosticSeverity.Error).WithLocation(1).WithMessage("The destination has shape (b,), but Dot of (b, 4) and (4, 5) has shape (b, 5)."));
    }

    [Fact]
    public async Task ST0010_destination_dimensions_only_the_run_time_can_tell()
    {
        var source = Source.Program(
            Types(("X", "(b,4)"), ("Y", "(4,5)"), ("P", "(3,4)"), ("Known", "(32,5)"), ("Named", "(n,5)"), ("Unnamed", "(?,5)"), ("Other", "(c,5)")),
            """
            {|#0:new X().Dot(new Y(), new Known())|};
                    {|#1:new P().Dot(new Y(), new Named())|};
                    {|#2:new X().Dot(new Y(), new Unnamed())|};
                    {|#3:new X().Dot(new Y(), new Other())|};
            """);
        await PartialSource.VerifyAsync(
            source,
            CheckedAtRunTime("Dot", "destination[0] (32) must equal the result's axis 0 ('b')", 0),
            CheckedAtRunTime("Dot", "destination[0] ('n') must equal the result's axis 0 (3)", 1),
            CheckedAtRunTime("Dot", "destination[0] (?) must equal the result's axis 0 ('b')", 2),
            CheckedAtRunTime("Dot", "destination[0] ('c') must equal the result's axis 0 ('b')", 3));
    }

    [Fact]
    public async Task Deferred_checks_and_destination_checks_are_reported_in_that_order()
    {
        var source = Source.Program(
            Types(("X", "(3,k)"), ("Y", "(5,2)"), ("D", "(n,2)")),
            "{|#0:new X().Dot(new Y(), new D())|};");
        await PartialSource.VerifyAsync(
            source,
            CheckedAtRunTime("Dot", "x[1] ('k') must equal y[0] (5)"),
            CheckedAtRunTime("Dot", "destination[0] ('n') must equal the result's axis 0 (3)"));
    }

    [Fact]
    public async Task ST0005_BatchDot_axes_out_of_range_on_partial_operands()
    {
        var source = Source.Program(Types(("X", "(b,20)"), ("Y", "(b,20)")), "_ = new X().BatchDot(new Y(), {|#0:(5, 1)|});");
        await PartialSource.VerifyAsync(source, new DiagnosticResult("ST0005", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("BatchDot axes (5, 1) are out of range for input shapes [?,20], [?,20]: the first axis must be in [-2, 1] and the second in [-2, 1]."));
    }

    [Fact]
    public async Task A_non_constant_option_on_partial_operands_is_ST0004_only()
    {
        var source = Source.Program(Types(("X", "(k,2)"), ("Y", "(5,4)")), "var flag = System.DateTime.Now.Second > 1;\n        _ = new X().MatMul(new Y(), {|#0:transposeA: flag|});");
        await PartialSource.VerifyAsync(source, new DiagnosticResult("ST0004", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("transposeA", "MatMul"));
    }

    [Fact]
    public async Task Fully_known_operands_into_a_fully_known_destination_keep_their_texts()
    {
        var source = Source.Program(Types(("P", "(3,4)"), ("Q", "(4,5)"), ("Wrong", "(5,3)")), "new P().Dot(new Q(), {|#0:new Wrong()|});");
        await PartialSource.VerifyAsync(source, new DiagnosticResult("ST0006", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage("The destination has shape (5, 3), but Dot of (3, 4) and (4, 5) has shape (3, 5)."));
    }

    [Fact]
    public async Task ST0001_on_partial_operands_offers_the_fixes_that_pass_graph_time()
    {
        // (k,3)·(2,3): transposeB fits for sure; transposeA alone and both pass graph time (k against 2 and 3); so
        // does swapping, (2,3)·(k,3). The code fixes edit the call as they do for fully known shapes.
        var source = Source.Program(Types(("X", "(k,3)"), ("Y", "(2,3)")), "_ = new X().MatMul(new Y());");
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        var mismatch = Assert.Single(diagnostics, d => d.Id == "ST0001");
        Assert.Equal("Dimensions must be equal, but are 3 and 2 for 'MatMul' (op: 'MatMul') with input shapes: [?,3], [2,3].", mismatch.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("TF;FT;TT", mismatch.Properties["ShapedTensors.TransposeFixes"]);
        Assert.Equal("true", mismatch.Properties["ShapedTensors.SwapFix"]);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task BatchDot_under_tf_keras_semantics_is_not_checked_on_partial_operands()
    {
        // The contract covers Keras 2.2.4's batch_dot only (SEMANTICS.md §7): nothing is claimed in TensorFlow's name.
        var source = Source.Program(Types(("X", "(b,8,2,3)"), ("Y", "(b,9,3,4)")), "_ = new X().BatchDot(new Y(), semantics: BatchDotSemantics.TfKeras);");
        await PartialSource.VerifyAsync(source);
    }
}
