using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShapedTensors.Analyzers.Tests.Support;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// ST0001, ST0004 and ST0010 for <c>Einsum</c> and <c>TensorDot</c> (OPS.md §8–§9): every example of the spec as C#,
/// where in the equation an error points, options that are not constants, partial shapes.
/// </summary>
public sealed class EinsumRuleTests
{
    private static readonly List<ContractionSpecCase> Cases = ContractionSpecCases.Cases(OpsCases.FindFile()!);

    public static TheoryData<int, string> AllCases() => ContractionSpecCases.Indexed(Cases);

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Every_spec_example_is_an_error_with_its_text_or_none(int index, string name)
    {
        var c = Cases[index];
        var declarations = string.Join("\n", c.Operands.Select((shape, i) => OpsSnippet.Declaration($"T{i}", shape)));
        var call = c.Equation is { } equation
            ? $"TensorMath.Einsum(\"{equation}\", {string.Join(", ", c.Operands.Select((_, i) => $"new T{i}()"))})"
            : $"new T0().TensorDot(new T1(), {Axes(c.Axes!)})";
        var diagnostics = await DiagnosticsAsync(declarations, new[] { call });
        if (c.Error is null)
        {
            Assert.DoesNotContain(diagnostics, d => d.Id == "ST0001");
        }
        else
        {
            var error = Assert.Single(diagnostics, d => d.Id == "ST0001");
            Assert.True(c.Error == error.Message, $"{name}: {error.Message}");
        }
    }

    [Theory]
    [InlineData("ij,jk->ik", "(2, 3)", "(4, 5)", "j")]
    [InlineData("ij, jk->ik", "(2, 3)", "(4, 5)", "j")]
    [InlineData("ij;jk->ik", "(2, 3)", "(3, 5)", ";")]
    [InlineData("ij,jk->iz", "(2, 3)", "(3, 5)", "z")]
    [InlineData("ij,jk->ik", "(2, 3, 4)", "(3, 5)", "ij")]
    [InlineData("...ij,...jk->...ik", "(2, 3, 4)", "(5, 4, 6)", "...")]
    [InlineData("...ij,...jk->ik", "(2, 3, 4)", "(2, 4, 5)", "ik")]
    public async Task The_error_points_at_the_offending_part_of_the_literal(string equation, string a, string b, string on)
    {
        var declarations = $"[Tensor{a}] partial struct A;\n[Tensor{b}] partial struct B;";
        var error = Assert.Single(await DiagnosticsAsync(declarations, new[] { $"TensorMath.Einsum(\"{equation}\", new A(), new B())" }));
        Assert.Equal(("ST0001", on), (error.Id, error.On));
    }

    [Fact]
    public async Task A_literal_that_is_not_spelled_character_for_character_puts_the_error_on_the_call()
    {
        var declarations = "[Tensor(2, 3)] partial struct A;\n[Tensor(4, 5)] partial struct B;\nstatic class E { public const string Q = \"ij,jk->ik\"; }";
        var call = "TensorMath.Einsum(E.Q, new A(), new B())";
        var error = Assert.Single(await DiagnosticsAsync(declarations, new[] { call }));
        Assert.Equal(("ST0001", call), (error.Id, error.On));
    }

    [Fact]
    public async Task An_equation_or_axes_that_are_not_constants_are_ST0004_on_the_argument()
    {
        var declarations = "[Tensor(2, 3)] partial struct A;\n[Tensor(3, 5)] partial struct B;";
        var diagnostics = await DiagnosticsAsync(declarations, new[] { "TensorMath.Einsum(equation, new A(), new B())", "new A().TensorDot(new B(), axis)", "new A().TensorDot(new B(), (new[] { axis }, new[] { 0 }))" }, "string equation, int axis");
        Assert.Equal(
            new[]
            {
                ("ST0004", "equation", "The 'equation' argument of 'Einsum' is not a compile-time constant, so the call's shapes are checked at run time"),
                ("ST0004", "axis", "The 'axes' argument of 'TensorDot' is not a compile-time constant, so the call's shapes are checked at run time"),
                ("ST0004", "(new[] { axis }, new[] { 0 })", "The 'axes' argument of 'TensorDot' is not a compile-time constant, so the call's shapes are checked at run time"),
            },
            diagnostics);
    }

    [Fact]
    public async Task Tensordot_axes_texts_are_errors_in_every_spelling()
    {
        var declarations = "[Tensor(2, 3)] partial struct A;\n[Tensor(3, 5)] partial struct B;";
        var diagnostics = await DiagnosticsAsync(declarations, new[] { "new A().TensorDot(new B(), -1)", "new A().TensorDot(new B(), 3)", "new A().TensorDot(new B(), (2, 0))", "new A().TensorDot(new B(), ([1], [0, 1]))", "new A().TensorDot(new B(), (1, 0))" });
        Assert.Equal(
            new[]
            {
                "'axes' must be at least 0.",
                "Tensordot axes 3 are out of range for input shapes [2,3], [3,5].",
                "Tensordot axes [[2],[0]] are out of range for input shapes [2,3], [3,5].",
                "Different number of contraction axes 'a' and 'b', 1 != 2.",
            },
            diagnostics.Select(d => d.Message));
    }

    [Fact]
    public async Task Sizes_only_the_run_time_knows_are_ST0010_and_known_ones_still_errors()
    {
        var declarations = "[Tensor(\"batch\", 4, 5)] partial struct W;\n[Tensor(\"batch\", \"?\", 8)] partial struct K;\n[Tensor(\"batch\", 6, 8)] partial struct L;";
        var diagnostics = await DiagnosticsAsync(declarations, new[] { "TensorMath.Einsum(\"bij,bjk->bik\", new W(), new K())", "TensorMath.Einsum(\"bij,bjk->bik\", new W(), new L())" });
        Assert.Equal(
            new[]
            {
                ("ST0010", "TensorMath.Einsum(\"bij,bjk->bik\", new W(), new K())", "'Einsum' is checked at run time: y[1] (?) must equal x[2] (5)."),
                ("ST0001", "j", "Dimensions must be equal, but are 5 and 6 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [?,4,5], [?,6,8]."),
            },
            diagnostics);
    }

    [Fact]
    public async Task Calls_on_partially_known_shapes_are_specialized_and_keep_ST0010_and_ST0001()
    {
        // The generator gives them the canonical partial type (no ST0003); what run time checks is still ST0010, and a
        // definite conflict still ST0001 (the generator then emits nothing for it).
        var declarations = "[Tensor(\"batch\", 4, 5)] partial struct W;\n[Tensor(\"batch\", \"?\", 8)] partial struct K;\n[Tensor(\"batch\", 6, 8)] partial struct L;\n[Tensor(5, 8)] partial struct M;";
        var calls = new[]
        {
            "Einsum(\"bij,bjk->bik\", new W(), new K())",
            "Einsum(\"bij->bji\", new W())",
            "new W().TensorDot(new M(), 1)",
            "new W().TensorDot(new K(), ([0, 2], [0, 1]))",
            "Einsum(\"bij,bjk->bik\", new W(), new L())",
        };
        var diagnostics = await DiagnosticsAsync(declarations, calls, ids: new[] { "ST0001", "ST0003", "ST0010" });
        Assert.Equal(
            new[]
            {
                ("ST0010", calls[0], "'Einsum' is checked at run time: y[1] (?) must equal x[2] (5)."),
                ("ST0010", calls[3], "'TensorDot' is checked at run time: y[1] (?) must equal x[2] (5)."),
                ("ST0001", "j", "Dimensions must be equal, but are 5 and 6 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [?,4,5], [?,6,8]."),
            },
            diagnostics);
    }

    [Fact]
    public async Task Dynamic_operands_and_unknown_shapes_are_not_checked()
    {
        var diagnostics = await DiagnosticsAsync(string.Empty, new[] { "TensorMath.Einsum(\"ij,jk\", d, d)", "TensorMath.Einsum(\"ij,jk\", s, s)", "d.TensorDot(d, 5)" }, "DynamicTensor<float> d, IShapedTensor<float> s");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_call_left_to_the_runtime_says_why_as_ST0003()
    {
        // Written qualified, two equations of different result shapes on the same operand types (the other call named); the
        // unqualified calls of one and two operands, on fully or partially known shapes, and the TensorDot are specialized
        // (no ST0003).
        var declarations = "[Tensor(120, 4, 5)] partial struct W;\n[Tensor(120, 5, 8)] partial struct K;\n[Tensor(\"batch\", 4, 5)] partial struct B;\n[Tensor(3, 4)] partial struct C;";
        var calls = new[]
        {
            "TensorMath.Einsum(\"bij,bjk->bik\", new W(), new K())",
            "Einsum(\"bij->jib\", new W())",
            "Einsum(\"bij,bjk->bik\", new B(), new K())",
            "Einsum(\"bij,bjk->bik\", new W(), new K())",
            "new W().TensorDot(new K(), (2, 1))",
            "Einsum(\"ij->ji\", new C())",
            "Einsum(\"ij->\", new C())",
        };
        var diagnostics = await DiagnosticsAsync(declarations, calls, ids: new[] { "ST0003" });
        const string Prefix = "'Einsum' of shapes (120, 4, 5) and (120, 5, 8) is not specialized and runs through the run-time fallback: ";
        const string Conflict = "'Einsum' of shape (3, 4) is not specialized and runs through the run-time fallback: this call gives ";
        const string Advice = " on the same operand types ('App.C'), and one overload has one result type, so the generator leaves both to the fallback (the equation is a string, which cannot tell overloads apart); give one of them operands of another [Tensor] type of the same shape";
        Assert.Equal(
            new[]
            {
                ("ST0003", calls[0], Prefix + "it is written qualified ('TensorMath.Einsum'), and the generated overloads are found by an unqualified Einsum(...) (with 'using static ShapedTensors.TensorMath;'); drop the qualifier"),
                ("ST0003", calls[5], Conflict + $"(4, 3), '{calls[6]}' gives ()" + Advice),
                ("ST0003", calls[6], Conflict + $"(), '{calls[5]}' gives (4, 3)" + Advice),
            },
            diagnostics);
    }

    [Fact]
    public async Task Two_operand_calls_of_different_result_shapes_on_the_same_operand_types_say_so_as_ST0003()
    {
        // As for one operand: the einsum names the other call; TensorDot's axes conflict the same way.
        var declarations = "[Tensor(2, 3)] partial struct P;\n[Tensor(3, 4)] partial struct Q;";
        var calls = new[]
        {
            "Einsum(\"ij,jk->ik\", new P(), new Q())",
            "Einsum(\"ij,jk->ki\", new P(), new Q())",
            "new P().TensorDot(new Q(), 1)",
            "new P().TensorDot(new Q(), 0)",
        };
        var diagnostics = await DiagnosticsAsync(declarations, calls, ids: new[] { "ST0003" });
        const string Types = " on the same operand types ('App.P' and 'App.Q'), and one overload has one result type, so the generator leaves both to the fallback ";
        const string Advice = "; give one of them operands of another [Tensor] type of the same shape";
        const string Einsum = "'Einsum' of shapes (2, 3) and (3, 4) is not specialized and runs through the run-time fallback: this call gives ";
        const string TensorDot = "'TensorDot' of shapes (2, 3) and (3, 4) is not specialized and runs through the run-time fallback: this call gives ";
        Assert.Equal(
            new[]
            {
                ("ST0003", calls[0], Einsum + $"(2, 4), '{calls[1]}' gives (4, 2)" + Types + "(the equation is a string, which cannot tell overloads apart)" + Advice),
                ("ST0003", calls[1], Einsum + $"(4, 2), '{calls[0]}' gives (2, 4)" + Types + "(the equation is a string, which cannot tell overloads apart)" + Advice),
                ("ST0003", calls[2], TensorDot + "(2, 4), another TensorDot call gives another result shape" + Types + "(the axes are values, which cannot tell overloads apart)" + Advice),
                ("ST0003", calls[3], TensorDot + "(2, 3, 3, 4), another TensorDot call gives another result shape" + Types + "(the axes are values, which cannot tell overloads apart)" + Advice),
            },
            diagnostics);
    }

    // "[[1,2],[1,0]]" → "([1, 2], [1, 0])"; a count stays as it is.
    private static string Axes(string axes)
        => axes.StartsWith("[[", System.StringComparison.Ordinal) ? "(" + axes[1..^1].Replace("],[", "], [", System.StringComparison.Ordinal) + ")" : axes;

    private static async Task<List<(string Id, string On, string Message)>> DiagnosticsAsync(string declarations, IEnumerable<string> calls, string parameters = "", string[]? ids = null)
    {
        ids ??= new[] { "ST0001", "ST0004", "ST0010" };
        var source = "using static ShapedTensors.TensorMath;\n" + OperationDiagnostics.Program(declarations, calls, parameters);
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .Where(d => ids.Contains(d.Id))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (d.Id, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
