extern alias codefixes;

using System.Threading.Tasks;
using codefixes::ShapedTensors.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Every code fix: the edit it makes, and that the fixed program compiles with no diagnostic left (the
/// generator then specializes the repaired call).
/// </summary>
public sealed class CodeFixTests
{
    // The additional locations (what the fixes edit) are checked in CallRuleTests.
    private static DiagnosticResult Error(string id, int location = 0)
        => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static DiagnosticResult Warning(string id, int location = 0)
        => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    // Make partial --------------------------------------------------------------------------------------

    [Fact]
    public async Task Make_partial_adds_the_modifier_before_the_keyword()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(3, 4)] public readonly struct {|#0:S|};

            [Tensor(2)]
            class {|#1:C|}
            {
            }
            """;
        const string fixedSource = """
            using ShapedTensors;

            namespace App;

            [Tensor(3, 4)] public readonly partial struct S;

            [Tensor(2)]
            partial class C
            {
            }
            """;
        await Verify.FixAsync(new MakePartialCodeFix(), source, new[] { Error("ST0105", 0), Error("ST0105", 1) }, fixedSource, checkFixAll: true);
    }

    [Fact]
    public async Task Make_partial_fixes_the_type_and_every_containing_type()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            public class Outer
            {
                internal partial class Middle
                {
                    [Tensor(3)]
                    internal struct {|#0:S|};
                }
            }
            """;
        const string fixedSource = """
            using ShapedTensors;

            namespace App;

            public partial class Outer
            {
                internal partial class Middle
                {
                    [Tensor(3)]
                    internal partial struct S;
                }
            }
            """;
        await Verify.FixAsync(new MakePartialCodeFix(), source, new[] { Error("ST0105"), Error("ST0106") }, fixedSource, checkFixAll: true);
    }

    // Transpose flags ------------------------------------------------------------------------------------

    [Fact]
    public async Task Transpose_fix_adds_the_flag_that_fits()
    {
        var source = Source.Program("[Tensor(3, 4)] partial struct P;\n[Tensor(3, 5)] partial struct Q;", "var r = {|#0:new P().MatMul(new Q())|};");
        var fixedSource = Source.Program("[Tensor(3, 4)] partial struct P;\n[Tensor(3, 5)] partial struct Q;", "var r = new P().MatMul(new Q(), transposeA: true);");
        await Verify.FixAsync(new TransposeCodeFix(), source, new[] { Error("ST0001") }, fixedSource, "ShapedTensors.Transpose.TF");
    }

    [Theory]
    [InlineData("FT", "var r = new P().MatMul(new Q(), transposeB: true);")]
    [InlineData("TT", "var r = new P().MatMul(new Q(), transposeA: true, transposeB: true);")]
    public async Task Transpose_fix_offers_each_working_combination(string key, string fixedBody)
    {
        // (3, 3) x (4, 3): transposeB alone works, and so do both flags; transposeA alone does not.
        const string types = "[Tensor(3, 3)] partial struct P;\n[Tensor(4, 3)] partial struct Q;";
        var source = Source.Program(types, "var r = {|#0:new P().MatMul(new Q())|};");
        await Verify.FixAsync(new TransposeCodeFix(), source, new[] { Error("ST0001") }, Source.Program(types, fixedBody), "ShapedTensors.Transpose." + key);
    }

    [Fact]
    public async Task Transpose_fix_replaces_flags_written_positionally()
    {
        const string types = "[Tensor(3, 4)] partial struct P;\n[Tensor(3, 5)] partial struct Q;";
        var source = Source.Program(types, "var r = {|#0:new P().MatMul(new Q(), false, true)|};");
        await Verify.FixAsync(new TransposeCodeFix(), source, new[] { Error("ST0001") }, Source.Program(types, "var r = new P().MatMul(new Q(), transposeA: true);"), "ShapedTensors.Transpose.TF");
    }

    [Fact]
    public async Task Transpose_fix_is_not_offered_when_no_flag_helps()
    {
        var source = Source.Program("[Tensor(2, 3)] partial struct P;\n[Tensor(4, 5)] partial struct Q;", "var r = {|#0:new P().MatMul(new Q())|};");
        await Verify.FixAsync(new TransposeCodeFix(), source, new[] { Error("ST0001") }, source, remaining: new[] { Error("ST0001") });
    }

    // Swap operands --------------------------------------------------------------------------------------

    [Fact]
    public async Task Swap_fix_swaps_the_operands_of_Dot()
    {
        const string types = "[Tensor(4, 5)] partial struct A45;\n[Tensor(3, 4)] partial struct A34;";
        var source = Source.Program(types, "var r = {|#0:a.Dot(b)|};", "A45 a, A34 b");
        await Verify.FixAsync(new SwapOperandsCodeFix(), source, new[] { Error("ST0001") }, Source.Program(types, "var r = b.Dot(a);", "A45 a, A34 b"));
    }

    [Fact]
    public async Task Swap_fix_parenthesizes_an_operand_that_is_not_primary()
    {
        const string types = "[Tensor(4, 5)] partial class A45;\n[Tensor(3, 4)] partial class A34;";
        var source = Source.Program(types, "var r = {|#0:a.MatMul(flag ? b : b)|};", "A45 a, A34 b, bool flag");
        await Verify.FixAsync(
            new SwapOperandsCodeFix(),
            source,
            new[] { Error("ST0001") },
            Source.Program(types, "var r = (flag ? b : b).MatMul(a);", "A45 a, A34 b, bool flag"),
            "ShapedTensors.SwapOperands");
    }

    [Fact]
    public async Task Swap_fix_is_not_offered_for_BatchDot()
    {
        const string types = "[Tensor(32, 20)] partial struct P;\n[Tensor(16, 20)] partial struct Q;";
        var source = Source.Program(types, "var r = {|#0:new P().BatchDot(new Q(), 1)|};");
        await Verify.FixAsync(new SwapOperandsCodeFix(), source, new[] { Error("ST0001") }, source, remaining: new[] { Error("ST0001") });
    }

    // Insert an axis of size 1 ------------------------------------------------------------------------

    [Fact]
    public async Task Insert_axis_fix_expands_the_operand_of_lower_rank_at_the_last_axis()
    {
        // (32, 10) + (32,) fails; (32, 1) broadcasts to (32, 10), the larger operand's shape: the first action.
        const string types = "[Tensor(32, 10)] partial struct X;\n[Tensor(32)] partial struct B;";
        var source = Source.Program(types, "var r = {|#0:x.Add(b)|};", "X x, B b");
        await Verify.FixAsync(
            new InsertAxisCodeFix(),
            source,
            new[] { Error("ST0001") },
            Source.Program(types, "var r = x.Add(b.ExpandDims(-1));", "X x, B b"),
            "ShapedTensors.InsertAxis.1:-1",
            checkFixAll: true);
    }

    [Fact]
    public async Task Insert_axis_fix_edits_an_operator_operand()
    {
        // The edit is syntax only; the tests' compiler has no C# 14 extension operators, so the operator stays CS0019.
        const string types = "[Tensor(4, 3)] partial struct X;\n[Tensor(4)] partial struct B;";
        var source = Source.Program(types, "var r = {|#0:{|CS0019:x * b|}|};", "X x, B b");
        await Verify.FixAsync(
            new InsertAxisCodeFix(),
            source,
            new[] { Error("ST0001") },
            Source.Program(types, "var r = {|CS0019:x * b.ExpandDims(-1)|};", "X x, B b"),
            "ShapedTensors.InsertAxis.1:-1");
    }

    [Fact]
    public async Task Insert_axis_fix_is_not_offered_when_no_single_axis_helps()
    {
        // (32, 10) and (3, 7): no ExpandDims of either makes them broadcast.
        const string types = "[Tensor(32, 10)] partial struct X;\n[Tensor(3, 7)] partial struct B;";
        var source = Source.Program(types, "var r = {|#0:x.Add(b)|};", "X x, B b");
        await Verify.FixAsync(new InsertAxisCodeFix(), source, new[] { Error("ST0001") }, source, remaining: new[] { Error("ST0001") });
    }
    [Fact]
    public async Task Marker_fix_writes_an_axis_as_its_marker_and_the_other_call_is_then_specialized()
    {
        const string types = "[Tensor(32, 10)] partial struct P;";
        var source = Source.Program(types, "var a = {|#0:new P().Sum(0)|};\n        var b = {|#1:new P().Sum(axis: 1, keepdims: true)|};");
        await Verify.FixAsync(
            new MarkerCodeFix(),
            source,
            new[] { Warning("ST0003", 0), Warning("ST0003", 1) },
            Source.Program(types, "var a = new P().Sum(Axis.At0);\n        var b = new P().Sum(axis: 1, keepdims: true);"),
            "ShapedTensors.Marker");
    }

    [Fact]
    public async Task Marker_fix_writes_transpose_flags_as_one_marker()
    {
        const string types = "[Tensor(4, 5)] partial struct P;";
        var source = Source.Program(types, "var gram = {|#0:new P().MatMul(new P(), transposeA: true, transposeB: false)|};\n        var outer = {|#1:new P().MatMul(new P(), transposeB: true)|};");
        await Verify.FixAsync(
            new MarkerCodeFix(),
            source,
            new[] { Warning("ST0003", 0), Warning("ST0003", 1) },
            Source.Program(types, "var gram = new P().MatMul(new P(), Transpose.A);\n        var outer = new P().MatMul(new P(), transposeB: true);"),
            "ShapedTensors.Marker");
    }

    [Fact]
    public async Task Result_type_fix_names_the_result_type_and_declares_it()
    {
        const string types = "[Tensor(32, 10)] partial struct P;";
        var source = Source.Program(types, "var a = {|#0:new P().Sum(0)|};\n        var b = {|#1:new P().Sum(0, keepdims: true)|};");
        // The first call is fixed; then the second has no conflict left, and is specialized.
        var fixedSource = Source.Program(types, "var a = new P().Sum<Tensor10>(0);\n        var b = new P().Sum(0, keepdims: true);") + "\n\n[Tensor(10)] partial struct Tensor10;";
        await Verify.FixAsync(
            new ResultTypeCodeFix(),
            source,
            new[] { Warning("ST0003", 0), Warning("ST0003", 1) },
            fixedSource,
            "ShapedTensors.ResultType");
    }

    [Fact]
    public async Task Result_type_fix_names_a_type_in_scope_without_declaring_it_again()
    {
        // Reshape<T>() takes no shape: T's is the target.
        const string types = "[Tensor(2, 3, 4)] partial struct C;\n[Tensor(4, 6)] partial struct Tensor4x6;";
        var source = Source.Program(types, "var a = {|#0:new C().Reshape(4, -1)|};\n        var b = {|#1:new C().Reshape(6, -1)|};");
        await Verify.FixAsync(
            new ResultTypeCodeFix(),
            source,
            new[] { Warning("ST0003", 0), Warning("ST0003", 1) },
            Source.Program(types, "var a = new C().Reshape<Tensor4x6>();\n        var b = new C().Reshape(6, -1);"),
            "ShapedTensors.ResultType");
    }
}
