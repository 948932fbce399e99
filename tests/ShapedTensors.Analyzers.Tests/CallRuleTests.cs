using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>The call rules ST0001-ST0007, each triggering and not, with the generator running as for a user.</summary>
public sealed class CallRuleTests
{
    private const string SeedTypes = "[Tensor(3, 4, 5, 2)] partial struct A;\n[Tensor(2, 5, 3, 7)] partial struct B;";

    // ST0001 also carries the locations its code fixes edit; ST0001_locates_what_the_code_fixes_edit checks them.
    private static DiagnosticResult Expect(string id, DiagnosticSeverity severity, int location = 0)
        => new DiagnosticResult(id, severity).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    // ST0001 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0001_seed_mismatch_bound_to_the_fallback_is_an_error_with_the_runtime_text()
    {
        var source = Source.Program(SeedTypes, "var bad = {|#0:new A().Dot(new B())|};");
        await Verify.DiagnosticsAsync(source, Expect("ST0001", DiagnosticSeverity.Error)
            .WithMessage("Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [60,2], [3,70]."));
    }

    [Fact]
    public async Task ST0001_fires_on_a_call_bound_to_a_specialized_MatMul_overload_emitted_for_other_flags()
    {
        // p.MatMul(q, transposeA: true) is valid, so the generator emits MatMul(this P, Q, bool transposeA = false, ...);
        // the plain call binds to that overload too, and its flags (false, false) do not fit.
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(3, 5)] partial struct Q;",
            "var ok = new P().MatMul(new Q(), transposeA: true);\n        var bad = {|#0:new P().MatMul(new Q())|};");
        await Verify.DiagnosticsAsync(source, Expect("ST0001", DiagnosticSeverity.Error)
            .WithMessage("Dimensions must be equal, but are 4 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [3,4], [3,5]."));
    }

    [Fact]
    public async Task ST0001_checks_a_chained_call_through_the_generated_result_type()
    {
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(4, 5)] partial struct Q;\n[Tensor(4, 2)] partial struct R;",
            "var z = new P().Dot(new Q());\n        var bad = {|#0:z.MatMul(new R())|};");
        await Verify.DiagnosticsAsync(source, Expect("ST0001", DiagnosticSeverity.Error)
            .WithMessage("Dimensions must be equal, but are 5 and 4 for 'MatMul' (op: 'MatMul') with input shapes: [3,5], [4,2]."));
    }

    [Fact]
    public async Task ST0001_checks_BatchDot_with_axes_and_the_destination_form()
    {
        var source = Source.Program(
            "[Tensor(32, 20)] partial struct P;\n[Tensor(16, 20)] partial struct Q;\n[Tensor(32, 1)] partial struct D;",
            "{|#0:new P().BatchDot(new Q(), 1)|};\n        {|#1:new P().BatchDot(new Q(), 1, new D())|};");
        const string text = "Dimensions must be equal, but are 32 and 16 for 'Mul' (op: 'Mul') with input shapes: [32,20], [16,20].";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0001", DiagnosticSeverity.Error, 0).WithMessage(text),
            Expect("ST0001", DiagnosticSeverity.Error, 1).WithMessage(text));
    }

    [Fact]
    public async Task ST0001_checks_calls_on_a_generated_scalar_result()
    {
        // (3, 1) . (3,) with axes 0 squeezes to a scalar: the generator's [Tensor()] result type is not a declaration error.
        var source = Source.Program(
            "[Tensor(3, 1)] partial struct P;\n[Tensor(3)] partial struct V;",
            "var s = new P().BatchDot(new V(), 0);\n        var bad = {|#0:s.BatchDot(new V())|};");
        await Verify.DiagnosticsAsync(source, Expect("ST0001", DiagnosticSeverity.Error)
            .WithMessage("Shape must be at least rank 1 but is rank 0 for 'BatchDot' (op: 'BatchDot') with input shapes: [], [3]."));
    }

    [Fact]
    public async Task ST0001_fires_in_top_level_statements_in_the_global_namespace()
    {
        var test = new ShapedTensorsTest
        {
            TestCode = """
                using ShapedTensors;

                var bad = {|#0:new A().Dot(new B())|};

                [Tensor(3, 4, 5, 2)] partial struct A;
                [Tensor(2, 5, 3, 7)] partial struct B;
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect("ST0001", DiagnosticSeverity.Error)
            .WithMessage("Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [60,2], [3,70]."));
        await test.RunAsync();
    }

    [Fact]
    public async Task ST0001_locates_what_the_code_fixes_edit()
    {
        // The call, then the receiver, the right operand's argument and each transpose flag written.
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(3, 5)] partial struct Q;",
            "var bad = {|#0:{|#1:p|}.MatMul({|#2:y: q|}, {|#3:transposeB: false|}, {|#4:transposeA: false|})|};",
            "P p, Q q");
        await Verify.DiagnosticsAsync(source, new DiagnosticResult("ST0001", DiagnosticSeverity.Error)
            .WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(4).WithLocation(3)
            .WithMessage("Dimensions must be equal, but are 4 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [3,4], [3,5]."));
    }

    [Fact]
    public async Task Compatible_calls_of_every_form_raise_nothing()
    {
        var source = Source.Program(
            """
            [Tensor(10, 12, 4, 5)] partial struct W;
            [Tensor(10, 12, 5, 8)] partial struct K;
            [Tensor(8, 3)] partial struct K83;
            [Tensor(32, 20)] partial struct P;
            [Tensor(32, 20)] partial struct P2;
            [Tensor<double>(3, 2)] partial class D32;
            [Tensor<double>(3, 4)] partial class D34;
            """,
            """
            var w = W.Random(seed: 1);
                    var k = K.Ones();
                    var z = w.BatchDot(k);
                    var m = w.MatMul(k);
                    w.BatchDot(k, z);
                    var chained = w.MatMul(k).Dot(K83.Zeros());
                    var p1 = new P().BatchDot(new P(), 1);
                    var p0 = new P().BatchDot(new P2(), (0, 0));
                    const bool yes = true;
                    var d = new D32().MatMul(new D34(), transposeA: yes);
                    var e = new D32().MatMul(new D34(), true, false);
                    var dynamic = DynamicTensor<float>.Ones(3, 4).Dot(DynamicTensor<float>.Ones(5, 6));
            """);
        await Verify.DiagnosticsAsync(source);
    }

    // ST0002 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0002_warns_when_an_operand_type_declares_no_shape()
    {
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;",
            "var r = {|#0:x.Dot(new P())|};\n        var s = {|#1:new P().MatMul(t)|};",
            "IShapedTensor<float> x, IShapedTensor<float> t");
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0002", DiagnosticSeverity.Warning, 0).WithMessage("'Dot' is checked at run time: the shape of the left operand 'x' (type 'ShapedTensors.IShapedTensor<float>') is not known at compile time"),
            Expect("ST0002", DiagnosticSeverity.Warning, 1).WithMessage("'MatMul' is checked at run time: the shape of the right operand 't' (type 'ShapedTensors.IShapedTensor<float>') is not known at compile time"));
    }

    [Fact]
    public async Task ST0002_covers_type_parameters_and_destinations()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            [Tensor(3, 4)] partial struct P;
            [Tensor(4, 5)] partial struct Q;

            internal static class Use
            {
                public static void Run<TX>(TX x, IShapedTensor<float> destination)
                    where TX : IShapedTensor<float>
                {
                    var r = {|#0:x.Dot(new Q())|};
                    {|#1:new P().Dot(new Q(), destination)|};
                }
            }
            """;
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0002", DiagnosticSeverity.Warning, 0).WithArguments("Dot", "the left operand 'x' (type 'TX')"),
            Expect("ST0002", DiagnosticSeverity.Warning, 1).WithArguments("Dot", "the destination 'destination' (type 'ShapedTensors.IShapedTensor<float>')"));
    }

    [Fact]
    public async Task ST0002_on_the_destination_does_not_hide_a_mismatch_of_known_operands()
    {
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(5, 6)] partial struct Q;",
            "{|#0:new P().Dot(new Q(), destination)|};",
            "IShapedTensor<float> destination");
        await Verify.DiagnosticsAsync(source, Expect("ST0001", DiagnosticSeverity.Error)
            .WithMessage("Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [3,4], [5,6]."));
    }

    [Fact]
    public async Task ST0002_ignores_the_dynamic_tensor_whose_shapes_are_run_time_by_design()
    {
        var source = Source.Program(string.Empty, "var r = x.MatMul(y, transposeA: true);", "DynamicTensor<float> x, DynamicTensor<float> y");
        await Verify.DiagnosticsAsync(source);
    }

    // ST0003 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0003_explains_option_values_that_give_different_result_shapes()
    {
        var source = Source.Program(
            "[Tensor(32, 20)] partial struct P;",
            "var a = {|#0:new P().BatchDot(new P(), 0)|};\n        var b = {|#1:new P().BatchDot(new P(), 1)|};");
        const string reason = "one overload has one result type, and the calls on 'App.P' and 'App.P' have option values that give different result shapes (this one gives {0}), so the generator leaves them to the fallback; name its result type: 'BatchDot<R>(…)' with the same arguments and [Tensor{0}] partial struct R returns an R, whatever the other call gives";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("BatchDot", "shapes (32, 20) and (32, 20)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(20, 1)")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("BatchDot", "shapes (32, 20) and (32, 20)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(32, 1)")));
    }

    [Fact]
    public async Task ST0003_explains_a_private_nested_type()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            internal partial class Outer
            {
                [Tensor(3, 4)] private partial struct X;
                [Tensor(4, 5)] private partial struct Y;

                public static void Run() { var r = {|#0:new X().Dot(new Y())|}; }
            }
            """;
        await Verify.DiagnosticsAsync(source, Expect("ST0003", DiagnosticSeverity.Warning).WithArguments("Dot", "shapes (3, 4) and (4, 5)", "'App.Outer.X' is private, protected or nested in a generic type, so generated code cannot name it; make it internal or public"));
    }

    [Fact]
    public async Task ST0003_explains_a_generated_result_type_the_generator_cannot_trace()
    {
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(4, 5)] partial struct Q;\n[Tensor(5, 2)] partial struct R;\nstatic class Helpers { public static T Id<T>(T value) => value; }",
            "var r = {|#0:Helpers.Id(new P().Dot(new Q())).Dot(new R())|};");
        await Verify.DiagnosticsAsync(source, Expect("ST0003", DiagnosticSeverity.Warning).WithArguments("Dot", "shapes (3, 5) and (5, 2)", "'Helpers.Id(new P().Dot(new Q()))' has the generated result type 'Float32_3x5', which the generator only recognizes through var locals, chained calls, casts and factories; give it a [Tensor] type of that shape"));
    }

    [Theory]
    [InlineData("_ = {|#0:new M().Dot(new M())|};", "Dot")]
    [InlineData("_ = {|#0:new M().MatMul(new M())|};", "MatMul")]
    [InlineData("{|#0:new M().MatMul(new M(), new M())|};", "MatMul")]
    public async Task ST0003_says_when_the_generator_emitted_nothing(string call, string operation)
    {
        // No generator in this project: a hand-written shaped type binds to the fallback. MatMul's omitted flags are
        // default arguments, not option values the user chose.
        var test = new ShapedTensorsTest(runGenerator: false) { TestCode = HandWrittenTensor(call) };
        test.ExpectedDiagnostics.Add(Expect("ST0003", DiagnosticSeverity.Warning).WithArguments(operation, "shapes (2, 2) and (2, 2)", "the ShapedTensors generator emitted no overload for it; reference it as an analyzer in this project (OutputItemType=\"Analyzer\")"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ST0003_says_when_the_destination_does_not_convert_to_the_result_type_of_the_generated_overload()
    {
        var test = new ShapedTensorsTest(runGenerator: false)
        {
            TestCode = HandWrittenTensor("{|#0:new M().Dot(new M(), new Other())|};") + """

                [Tensor(2, 2)]
                internal sealed partial class Other : IShapedTensor<float>
                {
                    private readonly float[] _data = new float[4];
                    Shape IShapedTensor<float>.Shape { get; } = new(2, 2);
                    ReadOnlySpan<float> IShapedTensor<float>.AsReadOnlySpan() => _data;
                    Span<float> IShapedTensor<float>.AsSpan() => _data;
                    DynamicTensor<float> IShapedTensor<float>.ToDynamic() => new(new Shape(2, 2), _data);
                }

                [System.CodeDom.Compiler.GeneratedCode("ShapedTensors.Generator", "0.1.0")]
                internal static class GeneratedTensorOperations
                {
                    public static void Dot(this M x, M y, M destination) { }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Expect("ST0003", DiagnosticSeverity.Warning).WithArguments("Dot", "shapes (2, 2) and (2, 2)", "its destination's type 'App.Other' does not convert to 'App.M', the result type of the generated overload"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ST0003_names_the_other_call_whose_options_give_another_result_shape()
    {
        var source = Source.Program(
            "[Tensor(32, 10)] partial struct P;",
            "var a = {|#0:new P().Sum(0)|};\n        var b = {|#1:new P().Sum(1)|};");
        const string reason = "this call gives {0}, '{1}' gives {2} on the same operand types ('App.P'), and one overload has one result type, so the generator leaves both to the fallback; write the option as the marker {3}, which gets an overload and a result type of its own";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("Sum", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(10,)", "new P().Sum(1)", "(32,)", "Axis.At0")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("Sum", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(32,)", "new P().Sum(0)", "(10,)", "Axis.At1")));
    }

    [Fact]
    public async Task ST0003_points_a_call_without_a_marker_to_the_other_call()
    {
        // ExpandDims() takes the default axis, -1 (no argument to write as a marker); the other call can take Axis.At0.
        var source = Source.Program(
            "[Tensor(32, 10)] partial struct P;",
            "var a = {|#0:new P().ExpandDims()|};\n        var b = {|#1:new P().ExpandDims(0)|};");
        const string reason = "this call gives {0}, '{1}' gives {2} on the same operand types ('App.P'), and one overload has one result type, so the generator leaves both to the fallback; {3}";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("ExpandDims", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(32, 10, 1)", "new P().ExpandDims(0)", "(1, 32, 10)", "write the other call's axis as a marker (Axis.At0 to Axis.At7, or Axis.Last), which gets an overload and a result type of its own, or give one of them operands of another [Tensor] type of the same shape")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("ExpandDims", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(1, 32, 10)", "new P().ExpandDims()", "(32, 10, 1)", "write the option as the marker Axis.At0, which gets an overload and a result type of its own")));
    }

    [Fact]
    public async Task ST0003_names_the_other_call_on_partially_known_shapes_too()
    {
        // The loss's row sums and the bias gradient's column sums of one (batch, 10) type: neither is silent.
        var source = Source.Program(
            "[Tensor(\"batch\", 10)] partial struct S;",
            "var rows = {|#0:s.Sum(-1)|};\n        var columns = {|#1:s.Sum(0)|};",
            "S s");
        const string reason = "this call gives {0}, '{1}' gives {2} on the same operand types ('App.S'), and one overload has one result type, so the generator leaves both to the fallback; write the option as the marker {3}, which gets an overload and a result type of its own";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("Sum", "shape (batch, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(batch,)", "s.Sum(0)", "(10,)", "Axis.Last")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("Sum", "shape (batch, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(10,)", "s.Sum(-1)", "(batch,)", "Axis.At0")));
    }

    [Fact]
    public async Task ST0003_offers_no_marker_where_only_keepdims_differs()
    {
        // Both calls would become Axis.At0: a marker cannot tell them apart, a second type can.
        var source = Source.Program(
            "[Tensor(32, 10)] partial struct P;",
            "var a = {|#0:new P().Sum(0)|};\n        var b = {|#1:new P().Sum(0, keepdims: true)|};");
        const string reason = "this call gives {0}, '{1}' gives {2} on the same operand types ('App.P'), and one overload has one result type, so the generator leaves both to the fallback; name its result type: 'Sum<R>(…)' with the same arguments and [Tensor{3}] partial struct R returns an R, whatever the other call gives";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("Sum", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(10,)", "new P().Sum(0, keepdims: true)", "(1, 10)", "(10)")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("Sum", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(1, 10)", "new P().Sum(0)", "(10,)", "(1, 10)")));
    }

    [Fact]
    public async Task ST0003_names_the_result_type_form_of_every_reduction_of_the_catalogue()
    {
        // Prod's form is written from its catalogue entry; the advice reads the family, not a list of names.
        var source = Source.Program(
            "[Tensor(32, 10)] partial struct P;",
            "var a = {|#0:new P().Prod(0)|};\n        var b = {|#1:new P().Prod(0, keepdims: true)|};");
        const string reason = "this call gives {0}, '{1}' gives {2} on the same operand types ('App.P'), and one overload has one result type, so the generator leaves both to the fallback; name its result type: 'Prod<R>(…)' with the same arguments and [Tensor{3}] partial struct R returns an R, whatever the other call gives";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("Prod", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(10,)", "new P().Prod(0, keepdims: true)", "(1, 10)", "(10)")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("Prod", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(1, 10)", "new P().Prod(0)", "(10,)", "(1, 10)")));
    }

    [Fact]
    public async Task ST0003_asks_a_marker_call_with_and_without_keepdims_for_the_axis_as_an_int()
    {
        // The result-type forms take the axis as an int; no code fix writes one for a marker call.
        var source = Source.Program(
            "[Tensor(32, 10)] partial struct P;",
            "var a = {|#0:new P().Sum(Axis.At0)|};\n        var b = {|#1:new P().Sum(Axis.At0, keepdims: true)|};");
        const string reason = "this call gives {0}, '{1}' gives {2} on the same operand types ('App.P'), and one overload has one result type, so the generator leaves both to the fallback; name its result type: 'Sum<R>(…)' with the axis as an int and [Tensor{3}] partial struct R returns an R, whatever the other call gives";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("Sum", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(10,)", "new P().Sum(Axis.At0, keepdims: true)", "(1, 10)", "(10)")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("Sum", "shape (32, 10)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(1, 10)", "new P().Sum(Axis.At0)", "(10,)", "(1, 10)")));
    }

    [Fact]
    public async Task ST0003_names_the_result_type_form_for_two_reshapes_of_one_type()
    {
        var source = Source.Program(
            "[Tensor(2, 3, 4)] partial struct C;",
            "var a = {|#0:new C().Reshape(4, -1)|};\n        var b = {|#1:new C().Reshape(6, -1)|};");
        const string reason = "this call gives {0}, '{1}' gives {2} on the same operand types ('App.C'), and one overload has one result type, so the generator leaves both to the fallback; name its result type instead: 'Reshape<R>()' with [Tensor{3}] partial struct R reshapes into R's shape and returns an R, whatever the other call gives";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("Reshape", "shape (2, 3, 4)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(4, 6)", "new C().Reshape(6, -1)", "(6, 4)", "(4, 6)")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("Reshape", "shape (2, 3, 4)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(6, 4)", "new C().Reshape(4, -1)", "(4, 6)", "(6, 4)")));
    }

    [Fact]
    public async Task A_call_that_names_its_result_type_is_no_conflict_and_gets_no_warning()
    {
        // Sum(0) is specialized; Sum<R>(0, keepdims: true) returns R through the runtime: neither is ST0003.
        var source = Source.Program(
            "[Tensor(32, 10)] partial struct P;\n[Tensor(1, 10)] partial struct R;\n[Tensor(24)] partial struct Flat;\n[Tensor(2, 3, 4)] partial struct C;\n[Tensor(4, 3, 2)] partial struct Back;\n[Tensor(32, 1)] partial struct Col;",
            "var a = new P().Sum(0);\n        R b = new P().Sum<R>(0, keepdims: true);\n        Flat c = new C().Reshape<Flat>();\n        Back d = new C().PermuteDimensions<Back>(2, 1, 0);\n        Col e = new P().BatchDot<Col>(new P(), (1, 1));\n        R f = new P().Max<R>([0], keepdims: true);\n        R g = new P().Prod<R>(0, keepdims: true);");
        await Verify.DiagnosticsAsync(source);
    }

    // ST0011 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0011_reports_a_result_type_of_another_shape_with_the_runtimes_text()
    {
        var source = Source.Program(
            "[Tensor(4, 5)] partial struct G;\n[Tensor(5, 4)] partial struct H;\n[Tensor(4, 4)] partial struct S;",
            "var a = new G().Sum<{|#0:G|}>(1, keepdims: true);\n        var b = new G().PermuteDimensions<{|#1:G|}>(1, 0);\n        var c = new G().BatchDot<{|#2:H|}>(new G(), 1);\n        var d = new G().Max<{|#3:G|}>();\n        var ok = new G().PermuteDimensions<H>(1, 0);");
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0011", DiagnosticSeverity.Error, 0).WithMessage("Sum(axis: 1, keepdims: true) of (4, 5) has shape (4, 1), not G's (4, 5)."),
            Expect("ST0011", DiagnosticSeverity.Error, 1).WithMessage("PermuteDimensions(pattern: [1, 0]) of (4, 5) has shape (5, 4), not G's (4, 5)."),
            Expect("ST0011", DiagnosticSeverity.Error, 2).WithMessage("BatchDot(axes: 1) of (4, 5) and (4, 5) has shape (4, 1), not H's (5, 4)."),
            Expect("ST0011", DiagnosticSeverity.Error, 3).WithMessage("Max() of (4, 5) has shape (), not G's (4, 5)."));
    }

    [Fact]
    public async Task ST0011_checks_the_result_type_form_of_every_reduction_of_the_catalogue()
    {
        // Prod<TResult> is written from Prod's catalogue entry and checked by its family: no code names it.
        var source = Source.Program(
            "[Tensor(4, 5)] partial struct G;\n[Tensor(4, 1)] partial struct T41;\n[Tensor(4)] partial struct V4;",
            "var a = new G().Prod<{|#0:G|}>(1, keepdims: true);\n        var b = new G().Prod<{|#1:T41|}>([0, 1]);\n        var c = new G().Prod<{|#2:V4|}>(0);\n        T41 ok = new G().Prod<T41>(1, keepdims: true);\n        V4 alsoOk = new G().Prod<V4>([-1]);");
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0011", DiagnosticSeverity.Error, 0).WithMessage("Prod(axis: 1, keepdims: true) of (4, 5) has shape (4, 1), not G's (4, 5)."),
            Expect("ST0011", DiagnosticSeverity.Error, 1).WithMessage("Prod(axis: [0, 1]) of (4, 5) has shape (), not T41's (4, 1)."),
            Expect("ST0011", DiagnosticSeverity.Error, 2).WithMessage("Prod(axis: 0) of (4, 5) has shape (5,), not V4's (4,)."));
    }

    [Fact]
    public async Task ST0011_on_sizes_known_at_run_time_compares_the_known_sizes_and_leaves_the_rest_to_run_time()
    {
        // (batch,) may be W4's (4,) when batch is 4: the call checks it when it runs (ST0010). An IShapedTensor<float>
        // receiver has no static shape: checked at run time only.
        var source = Source.Program(
            "[Tensor(\"batch\", 3)] partial struct B;\n[Tensor(3)] partial struct V;\n[Tensor(4)] partial struct W4;",
            "var a = b.Sum<V>(0);\n        var c = {|#1:b.Sum<W4>(1)|};\n        var d = any.Sum<W4>(0);\n        var e = b.Sum<{|#0:W4|}>(0);",
            "B b, IShapedTensor<float> any");
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0011", DiagnosticSeverity.Error, 0).WithMessage("Sum(axis: 0) of (batch, 3) has shape (3,), not W4's (4,)."),
            Expect("ST0010", DiagnosticSeverity.Warning, 1).WithMessage("'Sum' is checked at run time: W4[0] (4) must equal the result's axis 0 ('batch')."));
    }

    [Fact]
    public async Task A_result_type_form_reports_the_operations_own_errors_as_ST0001()
    {
        var source = Source.Program(
            "[Tensor(4, 5)] partial struct G;\n[Tensor(24)] partial struct Flat;",
            "var a = {|#0:new G().Reshape<Flat>()|};\n        var b = {|#1:new G().Sum<Flat>(2)|};");
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0001", DiagnosticSeverity.Error, 0).WithMessage("Cannot reshape a tensor with 20 elements to shape [24] (24 elements) for 'Reshape' (op: 'Reshape') with input shapes: [4,5], [1] and with input tensors computed as partial shapes: input[1] = [24]."),
            Expect("ST0001", DiagnosticSeverity.Error, 1).WithMessage("Invalid reduction dimension 2 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [4,5], [] and with computed input tensors: input[1] = <2>."));
    }

    [Fact]
    public async Task ST0003_offers_Transpose_markers_for_a_Gram_matrix_and_its_twin()
    {
        var source = Source.Program(
            "[Tensor(4, 5)] partial struct P;",
            "var gram = {|#0:new P().MatMul(new P(), transposeA: true)|};\n        var outer = {|#1:new P().MatMul(new P(), transposeB: true)|};");
        const string reason = "one overload has one result type, and the calls on 'App.P' and 'App.P' have option values that give different result shapes (this one gives {0}), so the generator leaves them to the fallback; write the option as the marker {1}, which gets an overload and a result type of its own";
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0003", DiagnosticSeverity.Warning, 0).WithArguments("MatMul", "shapes (4, 5) and (4, 5)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(5, 5)", "Transpose.A")),
            Expect("ST0003", DiagnosticSeverity.Warning, 1).WithArguments("MatMul", "shapes (4, 5) and (4, 5)", string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, "(4, 4)", "Transpose.B")));
    }

    [Fact]
    public async Task Calls_with_markers_are_specialized_each_with_its_result_type()
    {
        // Nothing to report: each marker is an overload of its own, and each result converts to a declared type of its
        // shape (a DynamicTensor from the fallback would not compile here).
        var source = Source.Program(
            "[Tensor(4, 5)] partial struct P;\n[Tensor(5, 5)] partial struct Gram;\n[Tensor(4, 4)] partial struct Outer;\n[Tensor(5)] partial struct Columns;\n[Tensor(4)] partial struct Rows;",
            """
            Gram gram = new P().MatMul(new P(), Transpose.A);
                    Outer outer = new P().MatMul(new P(), Transpose.B);
                    Columns columns = new P().Sum(Axis.At0);
                    Rows rows = new P().Sum(Axis.At1);
            """);
        await Verify.DiagnosticsAsync(source);
    }

    [Theory]
    [InlineData("new P().Sum(Axis.At2)", "Invalid reduction dimension 2 for input with 2 dimensions. for 'Sum' (op: 'Sum') with input shapes: [4,5], [] and with computed input tensors: input[1] = <2>.")]
    [InlineData("new P().MatMul(new P(), Transpose.Both)", "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [4,5], [4,5].")]
    public async Task A_marker_is_checked_as_the_value_it_stands_for(string call, string message)
    {
        var source = Source.Program("[Tensor(4, 5)] partial struct P;", "_ = {|#0:" + call + "|};");
        await Verify.DiagnosticsAsync(source, Expect("ST0001", DiagnosticSeverity.Error).WithMessage(message));
    }

    [Fact]
    public async Task ST0003_says_when_an_operation_option_is_not_a_constant()
    {
        var source = Source.Program("[Tensor(32, 10)] partial struct P;", "var a = {|#0:new P().Softmax(axis)|};", "int axis");
        await Verify.DiagnosticsAsync(source, Expect("ST0003", DiagnosticSeverity.Warning).WithArguments(
            "Softmax", "shape (32, 10)", "its 'axis' argument is not a compile-time constant, so the generator cannot tell the result shape; pass a literal or a const"));
    }

    [Fact]
    public async Task ST0003_explains_an_operation_on_a_private_nested_type()
    {
        const string source = """
            using ShapedTensors;

            namespace App;

            internal partial class Outer
            {
                [Tensor(3, 4)] private partial struct X;

                public static void Run() { var r = {|#0:new X().Relu()|}; }
            }
            """;
        await Verify.DiagnosticsAsync(source, Expect("ST0003", DiagnosticSeverity.Warning).WithArguments(
            "Relu", "shape (3, 4)", "'App.Outer.X' is private, protected or nested in a generic type, so generated code cannot name it; make it internal or public"));
    }

    [Fact]
    public async Task ST0003_is_not_reported_for_specialized_operation_calls()
    {
        var source = Source.Program(
            "[Tensor(32, 10)] partial struct P;\n[Tensor(10)] partial struct B;",
            "var a = new P().Sum(0);\n        var b = new P().Add(new B()).Relu().Softmax();\n        var c = new P().ExpandDims(0).Concatenate(new P().ExpandDims(0), 0);");
        await Verify.DiagnosticsAsync(source);
    }

    // A shaped type written by hand (explicit interface members: no name the generator reserves), with a call in App.
    private static string HandWrittenTensor(string body) => $$"""
        using System;
        using ShapedTensors;

        namespace App;

        [Tensor(2, 2)]
        internal sealed partial class M : IShapedTensor<float>
        {
            private readonly float[] _data = new float[4];
            Shape IShapedTensor<float>.Shape { get; } = new(2, 2);
            ReadOnlySpan<float> IShapedTensor<float>.AsReadOnlySpan() => _data;
            Span<float> IShapedTensor<float>.AsSpan() => _data;
            DynamicTensor<float> IShapedTensor<float>.ToDynamic() => new(new Shape(2, 2), _data);
        }

        internal static class Use
        {
            public static void Run() { {{body}} }
        }
        """;

    // ST0004 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0004_warns_on_each_option_that_is_not_a_constant()
    {
        var source = Source.Program(
            "[Tensor(32, 20)] partial struct P;\n[Tensor(3, 4)] partial struct S;\n[Tensor(3, 5)] partial struct T;",
            """
            var a = new P().BatchDot(new P(), {|#0:axis|});
                    var b = new P().BatchDot(new P(), {|#1:(1, axis)|});
                    var c = new S().MatMul(new T(), transposeA: true);
                    var d = new S().MatMul(new T(), {|#2:transposeA: flag|});
            """,
            "int axis, bool flag");
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0004", DiagnosticSeverity.Warning, 0).WithArguments("axes", "BatchDot"),
            Expect("ST0004", DiagnosticSeverity.Warning, 1).WithArguments("axes", "BatchDot"),
            Expect("ST0004", DiagnosticSeverity.Warning, 2).WithArguments("transposeA", "MatMul"));
    }

    [Fact]
    public async Task ST0004_accepts_constants_of_every_form()
    {
        var source = Source.Program(
            "[Tensor(32, 20)] partial struct P;\n[Tensor(32, 20)] partial struct P2;\n[Tensor(3, 4)] partial struct S;\n[Tensor(3, 5)] partial struct T;",
            """
            const int one = 1;
                    var a = new P().BatchDot(new P(), one);
                    var b = new P2().BatchDot(new P2(), (X: one - 1, Y: 0));
                    var c = new S().MatMul(new T(), transposeB: false, transposeA: !false);
            """);
        await Verify.DiagnosticsAsync(source);
    }

    // ST0005 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0005_reports_axes_out_of_range_with_the_runtime_text()
    {
        var source = Source.Program("[Tensor(32, 20)] partial struct P;", "var a = new P().BatchDot(new P(), {|#0:(5, 1)|});");
        var runtime = Assert.Throws<ArgumentOutOfRangeException>(() => DynamicTensor<float>.Zeros(32, 20).BatchDot(DynamicTensor<float>.Zeros(32, 20), (5, 1)));
        const string text = "BatchDot axes (5, 1) are out of range for input shapes [32,20], [32,20]: the first axis must be in [-2, 1] and the second in [-2, 1].";
        Assert.Equal(text + " (Parameter 'axes')", runtime.Message);
        await Verify.DiagnosticsAsync(source, Expect("ST0005", DiagnosticSeverity.Error).WithMessage(text));
    }

    [Fact]
    public async Task ST0005_accepts_negative_axes_in_range()
    {
        var source = Source.Program("[Tensor(32, 20, 3)] partial struct P;", "var a = new P().BatchDot(new P(), -1);");
        await Verify.DiagnosticsAsync(source);
    }

    // ST0006 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0006_reports_a_destination_of_the_wrong_shape_with_the_runtime_text()
    {
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(4, 5)] partial struct Q;\n[Tensor(5, 3)] partial struct Wrong;",
            "new P().Dot(new Q(), {|#0:new Wrong()|});");
        var runtime = Assert.Throws<ArgumentException>(() => DynamicTensor<float>.Zeros(3, 4).Dot(DynamicTensor<float>.Zeros(4, 5), DynamicTensor<float>.Zeros(5, 3)));
        const string text = "The destination has shape (5, 3), but Dot of (3, 4) and (4, 5) has shape (3, 5).";
        Assert.Equal(text + " (Parameter 'destination')", runtime.Message);
        await Verify.DiagnosticsAsync(source, Expect("ST0006", DiagnosticSeverity.Error).WithMessage(text));
    }

    [Fact]
    public async Task ST0006_accepts_a_declared_destination_of_the_result_shape()
    {
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(4, 5)] partial struct Q;\n[Tensor(3, 5)] partial struct Product;",
            "var product = new Product();\n        new P().Dot(new Q(), product);");
        await Verify.DiagnosticsAsync(source);
    }

    [Fact]
    public async Task ST0006_reports_an_operation_destination_of_the_wrong_shape_with_the_runtime_text()
    {
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(4)] partial struct B;\n[Tensor(4, 3)] partial struct Wrong;",
            "new P().Relu({|#0:new Wrong()|});\n        new P().Add(new B(), {|#1:new Wrong()|});\n        new P().Sum(0, {|#2:new Wrong()|});");
        var runtime = Assert.Throws<ArgumentException>(() => DynamicTensor<float>.Zeros(3, 4).Relu(DynamicTensor<float>.Zeros(4, 3)));
        Assert.Equal("The destination has shape (4, 3), but Relu of (3, 4) has shape (3, 4). (Parameter 'destination')", runtime.Message);
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0006", DiagnosticSeverity.Error, 0).WithMessage("The destination has shape (4, 3), but Relu of (3, 4) has shape (3, 4)."),
            Expect("ST0006", DiagnosticSeverity.Error, 1).WithMessage("The destination has shape (4, 3), but Add of (3, 4) and (4,) has shape (3, 4)."),
            Expect("ST0006", DiagnosticSeverity.Error, 2).WithMessage("The destination has shape (4, 3), but Sum of (3, 4) has shape (4,)."));
    }

    [Fact]
    public async Task Operation_destination_forms_of_the_result_type_are_specialized()
    {
        // Each binds to its generated destination form: nothing to report (a fallback would be ST0003).
        var source = Source.Program(
            "[Tensor(3, 4)] partial struct P;\n[Tensor(4)] partial struct B;\n[Tensor(3, 4)] partial struct Same;\n[Tensor(4)] partial struct Columns;",
            "var same = new Same();\n        new P().Relu(same);\n        new P().Add(new B(), same);\n        new P().Softmax(-1, same);\n        new P().Softmax(same);\n        new P().Sum(Axis.At0, new Columns());");
        await Verify.DiagnosticsAsync(source);
    }

    // ST0007 ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ST0007_a_result_too_large_for_an_array_is_an_error_with_the_element_count_and_the_runtime_text()
    {
        var source = Source.Program(
            "[Tensor(50000, 2)] partial struct Column;\n[Tensor(2, 50000)] partial struct Row;",
            "var outer = {|#0:new Column().Dot(new Row())|};\n        var batched = {|#1:new Column().MatMul(new Row())|};");
        const string text = "Dot of (50000, 2) and (2, 50000) has shape (50000, 50000): 2500000000 elements, more than the 2147483591 an array can hold.";
        var runtime = Assert.Throws<ArgumentException>(() => DynamicTensor<float>.Zeros(50000, 2).Dot(DynamicTensor<float>.Zeros(2, 50000)));
        Assert.Equal(text, runtime.Message);
        await Verify.DiagnosticsAsync(
            source,
            Expect("ST0007", DiagnosticSeverity.Error, 0).WithMessage(text),
            Expect("ST0007", DiagnosticSeverity.Error, 1).WithMessage(text.Replace("Dot of", "MatMul of", StringComparison.Ordinal)));
    }
}
