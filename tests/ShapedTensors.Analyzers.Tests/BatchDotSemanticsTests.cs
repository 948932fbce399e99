extern alias codefixes;

using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using codefixes::ShapedTensors.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// The batch_dot switch in the analyzers: ST0008 where Keras 2.2.4's and tf.keras' batch_dot differ (and its code
/// fix), the project's ShapedTensorsBatchDot deciding what specialized calls are checked with, ST0009 for
/// fallbacks that do not follow it (ST0201 for a value it does not know is with the other settings, in
/// SettingsRuleTests).
/// </summary>
public sealed class BatchDotSemanticsTests
{
    private const string SeedTypes = "[Tensor(9, 8, 7, 4, 2)] partial struct X;\n[Tensor(9, 8, 7, 2, 5)] partial struct Y;";

    private const string PairTypes = "[Tensor(32, 20)] partial struct P;\n[Tensor(32, 20)] partial struct Q;";

    private static DiagnosticResult Expect(string id, DiagnosticSeverity severity, int location = 0)
        => new DiagnosticResult(id, severity).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Theory]
    [InlineData(null, "Keras224")]
    [InlineData("TfKeras", "TfKeras")]
    [InlineData("tfkeras", "TfKeras")]
    public async Task ST0008_names_both_results_of_the_seed_rank_5_example_whatever_the_setting(string? setting, string follows)
    {
        var source = Source.Program(SeedTypes, "var z = {|#0:new X().BatchDot(new Y())|};");
        await Verify.SemanticsAsync(source, setting, [Expect("ST0008", DiagnosticSeverity.Warning).WithMessage(
            "'BatchDot' of shapes (9, 8, 7, 4, 2) and (9, 8, 7, 2, 5) gives (9, 8, 7, 4, 5) with Keras 2.2.4's batch_dot but "
            + $"(9, 8, 7, 4, 8, 7, 5) with tf.keras' (Keras >= 2.2.5); this call follows {follows}")]);
    }

    [Fact]
    public async Task The_setting_decides_the_result_type_of_a_specialized_call()
    {
        // (9, 8, 7, 4, 8, 7, 5) under tf.keras: the generator specializes the call with that result type.
        var source = Source.Program(
            SeedTypes + "\n[Tensor(9, 8, 7, 4, 8, 7, 5)] partial struct Z;",
            "Z z = {|#0:new X().BatchDot(new Y())|};");
        await Verify.SemanticsAsync(source, "TfKeras", [Expect("ST0008", DiagnosticSeverity.Warning)]);
    }

    [Fact]
    public async Task ST0008_with_an_error_on_one_side_quotes_it()
    {
        // Keras 2.2.4's default axes for two matrices are (1, 0): a transposed multiply that fails; tf.keras' are (1, 1).
        var source = Source.Program(PairTypes, "var r = {|#0:new P().BatchDot(new Q())|};");
        await Verify.SemanticsAsync(source, null, [
            Expect("ST0001", DiagnosticSeverity.Error).WithMessage("Dimensions must be equal, but are 20 and 32 for 'Mul' (op: 'Mul') with input shapes: [20,32], [32,20]."),
            Expect("ST0008", DiagnosticSeverity.Warning).WithMessage(
                "'BatchDot' of shapes (32, 20) and (32, 20) gives an error (\"Dimensions must be equal, but are 20 and 32 for 'Mul' (op: 'Mul') with input shapes: [20,32], [32,20].\") "
                + "with Keras 2.2.4's batch_dot but (32, 1) with tf.keras' (Keras >= 2.2.5); this call follows Keras224"),
        ]);
    }

    [Fact]
    public async Task Under_TfKeras_specialized_calls_are_checked_with_its_texts()
    {
        var source = Source.Program(
            "[Tensor(8, 2, 3)] partial struct A;\n[Tensor(9, 3, 4)] partial struct B;",
            "var r = {|#0:new A().BatchDot(new B())|};");
        await Verify.SemanticsAsync(source, "TfKeras", [
            Expect("ST0001", DiagnosticSeverity.Error).WithMessage("Cannot do batch_dot on inputs with different batch sizes. Received inputs with shapes (8, 2, 3) and (9, 3, 4)."),
        ]);
    }

    [Fact]
    public async Task Calls_on_which_both_agree_raise_nothing()
    {
        var source = Source.Program(
            "[Tensor(7, 4, 2)] partial struct A;\n[Tensor(7, 2, 5)] partial struct B;\n[Tensor(7, 5, 2)] partial struct C;",
            "var r = new A().BatchDot(new B());\n        var s = new A().BatchDot(new C(), (2, 2));\n        var t = new A().MatMul(new B());\n        var u = new A().Dot(new B());");
        await Verify.SemanticsAsync(source, null, []);
        await Verify.SemanticsAsync(source, "TfKeras", []);
    }

    [Fact]
    public async Task ST0009_a_fallback_BatchDot_without_semantics_in_a_TfKeras_project()
    {
        var source = Source.Program(
            string.Empty,
            "var r = {|#0:x.BatchDot(y)|};\n        var s = {|#1:x.BatchDot(y, semantics: BatchDotSemantics.TfKeras)|};",
            "IShapedTensor<float> x, IShapedTensor<float> y");
        await Verify.SemanticsAsync(source, "TfKeras", [
            Expect("ST0009", DiagnosticSeverity.Warning, 0).WithMessage("'BatchDot' runs at run time with Keras 2.2.4's batch_dot, but ShapedTensorsBatchDot is TfKeras: pass 'semantics: BatchDotSemantics.TfKeras'"),
            Expect("ST0002", DiagnosticSeverity.Warning, 0),
            Expect("ST0002", DiagnosticSeverity.Warning, 1),
        ]);

        // The default project follows Keras 2.2.4, as the fallbacks do.
        await Verify.SemanticsAsync(source, null, [Expect("ST0002", DiagnosticSeverity.Warning, 0), Expect("ST0002", DiagnosticSeverity.Warning, 1)]);
    }

    [Fact]
    public async Task ST0009_a_dynamic_tensor_BatchDot_without_semantics_in_a_TfKeras_project()
    {
        var source = Source.Program(
            string.Empty,
            "var r = {|#0:x.BatchDot(y)|};\n        var s = x.BatchDot(y, 1, semantics: BatchDotSemantics.TfKeras);\n        var t = x.Dot(y);\n        var u = {|#1:x.BatchDot(y, (1, 2))|};",
            "DynamicTensor<float> x, DynamicTensor<float> y");
        await Verify.SemanticsAsync(source, "TfKeras", [
            Expect("ST0009", DiagnosticSeverity.Warning, 0).WithMessage("'BatchDot' runs at run time with Keras 2.2.4's batch_dot, but ShapedTensorsBatchDot is TfKeras: pass 'semantics: BatchDotSemantics.TfKeras'"),
            Expect("ST0009", DiagnosticSeverity.Warning, 1),
        ]);
        await Verify.SemanticsAsync(source, null, []);
    }

    [Fact]
    public async Task A_fallback_is_checked_with_the_semantics_it_runs_with()
    {
        // Not specialized (the axes are not constant at the other call), so both calls bind to the fallback.
        var source = Source.Program(
            PairTypes,
            "var r = {|#0:new P().BatchDot(new Q(), semantics: BatchDotSemantics.TfKeras)|};");
        await Verify.SemanticsAsync(source, null, [
            Expect("ST0003", DiagnosticSeverity.Warning),
            Expect("ST0008", DiagnosticSeverity.Warning).WithMessage(
                "'BatchDot' of shapes (32, 20) and (32, 20) gives an error (\"Dimensions must be equal, but are 20 and 32 for 'Mul' (op: 'Mul') with input shapes: [20,32], [32,20].\") "
                + "with Keras 2.2.4's batch_dot but (32, 1) with tf.keras' (Keras >= 2.2.5); this call follows TfKeras"),
        ]);
    }

    /// <summary>
    /// SEMANTICS.md §9.2 under each setting, in one program: each error of that setting's column is ST0001 with its
    /// text, each success compiles, and ST0008 marks every row whose result differs between the two columns.
    /// </summary>
    [Theory]
    [InlineData(null, 3)]
    [InlineData("TfKeras", 4)]
    public async Task The_worked_examples_of_section_9_hold_at_compile_time(string? setting, int column)
    {
        var declarations = new StringBuilder();
        var calls = new StringBuilder();
        var expected = new List<DiagnosticResult>();
        var markers = 0;
        var rows = SemanticsMarkdown.TableRows(Path.Combine(RepositoryRoot.Path, "docs", "SEMANTICS.md"), SemanticsMarkdown.BatchDotSemanticsExamples);
        for (var i = 0; i < rows.Count; i++)
        {
            var (x, y, options, outcome) = (SemanticsRow.ParseInts(rows[i][0]), SemanticsRow.ParseInts(rows[i][1]), rows[i][2], rows[i][column]);
            var row = new SemanticsRow("BatchDot", x, y, options, outcome);
            declarations.AppendLine(CultureInfo.InvariantCulture, $"[Tensor({string.Join(", ", x)})] partial struct X{i};");
            declarations.AppendLine(CultureInfo.InvariantCulture, $"[Tensor({string.Join(", ", y)})] partial struct Y{i};");
            var call = $"new X{i}().BatchDot(new Y{i}(){row.CSharpOptions})";
            var marker = markers;
            if (row.IsError)
            {
                expected.Add(new DiagnosticResult("ST0001", DiagnosticSeverity.Error).WithLocation(marker).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(outcome));
            }

            if (row.DivergesUnderTfKeras())
            {
                expected.Add(new DiagnosticResult("ST0008", DiagnosticSeverity.Warning).WithLocation(marker).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            }

            if (row.IsError || row.DivergesUnderTfKeras())
            {
                call = $"{{|#{marker}:{call}|}}";
                markers++;
            }

            calls.AppendLine(CultureInfo.InvariantCulture, $"        var r{i} = {call};");
        }

        Assert.Equal(19, rows.Count);
        await Verify.SemanticsAsync(Source.Program(declarations.ToString(), calls.ToString().Trim()), setting, expected.ToArray(), once: true);
    }

    // The code fix -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("var r = {|#0:new P().BatchDot(new Q())|};", "var r = new P().BatchDot(new Q(), 1);")]
    [InlineData("{|#0:new P().BatchDot(new Q(), new R())|};", "new P().BatchDot(new Q(), 1, new R());")]
    [InlineData("{|#0:new P().BatchDot(y: new Q(), destination: new R())|};", "new P().BatchDot(y: new Q(), axes: 1, destination: new R());")]
    public async Task Fix_adds_the_axes_that_give_the_same_result_under_both(string body, string fixedBody)
    {
        // Keras 2.2.4's default axes for two matrices are (1, 0), which fail here; tf.keras' are (1, 1): axes 1 works in both.
        var types = PairTypes + "\n[Tensor(32, 1)] partial struct R;";
        await Verify.FixAsync(
            new PortableAxesCodeFix(),
            Source.Program(types, body),
            [Expect("ST0001", DiagnosticSeverity.Error), Expect("ST0008", DiagnosticSeverity.Warning)],
            Source.Program(types, fixedBody),
            reportDivergence: true);
    }

    [Fact]
    public async Task Fix_replaces_axes_that_only_Keras_2_2_4_reads_that_way()
    {
        // axes -1 is not normalized by Keras 2.2.4 (-1 != 2: x is transposed), but it is by tf.keras: (1, 1) means x^T.y in both.
        var types = "[Tensor(32, 20, 3)] partial struct T;";
        var source = Source.Program(types, "var r = {|#0:new T().BatchDot(new T(), -1)|};");
        var fixedSource = Source.Program(types, "var r = new T().BatchDot(new T(), 1);");
        await Verify.FixAsync(new PortableAxesCodeFix(), source, [Expect("ST0008", DiagnosticSeverity.Warning)], fixedSource, reportDivergence: true);
    }

    [Fact]
    public async Task No_fix_where_no_axes_agree()
    {
        var source = Source.Program(SeedTypes, "var z = {|#0:new X().BatchDot(new Y())|};");
        await Verify.FixAsync(new PortableAxesCodeFix(), source, [Expect("ST0008", DiagnosticSeverity.Warning)], source, reportDivergence: true, remaining: [Expect("ST0008", DiagnosticSeverity.Warning)]);
    }
}
