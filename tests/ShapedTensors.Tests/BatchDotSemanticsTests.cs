using System.Linq;
using ShapedTensors.Tests.Reference;
using ShapedTensors.Tests.Shared;
using ShapedTensors.Tests.Support;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// SEMANTICS.md §9.2, read from the file: every worked example under both batch_dot semantics, against the
/// independent references (Keras 2.2.4's and tf.keras'), the shape algebra and the dynamic tensor, with values.
/// </summary>
public sealed class BatchDotSemanticsTests
{
    public static TheoryData<string, string, string, string, bool> Examples()
    {
        var data = new TheoryData<string, string, string, string, bool>();
        var path = SemanticsMarkdown.FindFile();
        Assert.NotNull(path);
        foreach (var cells in SemanticsMarkdown.TableRows(path, SemanticsMarkdown.BatchDotSemanticsExamples))
        {
            data.Add(cells[0], cells[1], cells[2], cells[3], false);
            data.Add(cells[0], cells[1], cells[2], cells[4], true);
        }

        return data;
    }

    [Fact]
    public void The_table_is_read_in_full_and_shows_the_issues_examples()
    {
        var rows = SemanticsMarkdown.TableRows(SemanticsMarkdown.FindFile()!, SemanticsMarkdown.BatchDotSemanticsExamples);
        Assert.Equal(19, rows.Count);
        Assert.Contains(rows, cells => cells[0] == "(9,8,7,4,2)" && cells[3] == "(9,8,7,4,5)" && cells[4] == "(9,8,7,4,8,7,5)");
        Assert.Contains(rows, cells => cells[0] == "(2,3,4,5)" && cells[2] == "axes (3,2)" && cells[3] == "(2,3,4,6)" && cells[4] == "(2,3,4,3,6)");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_holds_under_its_semantics(string x, string y, string options, string expected, bool tfKeras)
    {
        var c = ContractionCase.Parse("BatchDot", x, y, options) with { TfKeras = tfKeras };
        var canonical = expected.StartsWith('(') ? Format.Tuple(Format.ParseTuple(expected)) : expected;
        Assert.Equal(canonical, Outcome.OfReference(c).Canonical);
        Assert.Equal(canonical, RuntimeRunner.AlgebraOutcome(c).Canonical);
        Assert.Equal(canonical, RuntimeRunner.DynamicOutcome(c).Canonical);
        if (expected.StartsWith('('))
        {
            ValueCheck.AssertValuesMatch(c, seed: 8, out _);
        }
    }

    [Fact]
    public void The_default_semantics_is_Keras_2_2_4()
    {
        var x = DynamicTensor<float>.Ones(9, 8, 7, 4, 2);
        var y = DynamicTensor<float>.Ones(9, 8, 7, 2, 5);
        Assert.Equal(new Shape(9, 8, 7, 4, 5), x.BatchDot(y).Shape);
        Assert.Equal(new Shape(9, 8, 7, 4, 5), ShapeAlgebra.BatchDot(x.Shape, y.Shape).ResultShape);
        Assert.Equal(new Shape(9, 8, 7, 4, 8, 7, 5), x.BatchDot(y, BatchDotSemantics.TfKeras).Shape);
        Assert.Equal(BatchDotSemantics.Keras224, default(BatchDotSemantics));
    }

    [Theory]
    [InlineData(null, true, BatchDotSemantics.Keras224)]
    [InlineData("", true, BatchDotSemantics.Keras224)]
    [InlineData(" Keras224 ", true, BatchDotSemantics.Keras224)]
    [InlineData("TFKERAS", true, BatchDotSemantics.TfKeras)]
    [InlineData("Keras225", false, BatchDotSemantics.Keras224)]
    [InlineData("1", false, BatchDotSemantics.Keras224)]
    public void The_msbuild_value_is_read_by_name_in_any_case(string? text, bool known, BatchDotSemantics expected)
    {
        Assert.Equal(known, BatchDotSetting.TryParse(text, out var semantics));
        Assert.Equal(expected, semantics);
    }

    /// <summary>
    /// The analyzer's ST0008 criterion (plans that compute the same thing) agrees with running both semantics on
    /// seeded values, for random cases where both succeed.
    /// </summary>
    [Fact]
    public void Plans_compute_the_same_exactly_when_their_values_agree()
    {
        int same = 0, different = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var keras = CaseGenerator.Make(seed, ContractionOp.BatchDot, maxRank: 4, maxDim: 4, maxElements: 500);
            var tf = keras.AsTfKeras();
            if (RuntimeRunner.Algebra(keras).Plan is not { } kerasPlan || RuntimeRunner.Algebra(tf).Plan is not { } tfPlan)
            {
                continue;
            }

            var x = DynamicTensor<double>.Random(new Shape(keras.X), seed);
            var y = DynamicTensor<double>.Random(new Shape(keras.Y), seed + 1);
            var a = RuntimeRunner.Compute(keras, x, y);
            var b = RuntimeRunner.Compute(tf, x, y);
            var agree = a.Shape == b.Shape && a.ToArray().Zip(b.ToArray()).All(p => System.Math.Abs(p.First - p.Second) <= 1e-9 * System.Math.Max(1, System.Math.Abs(p.First)));
            Assert.True(agree == kerasPlan.ComputesSameAs(tfPlan), $"[{keras}] seed {seed}: values {(agree ? "agree" : "differ")}, plans say otherwise");
            Assert.True(kerasPlan.ComputesSameAs(kerasPlan) && tfPlan.ComputesSameAs(tfPlan));
            if (agree)
            {
                same++;
            }
            else
            {
                different++;
            }
        }

        Assert.True(same >= 20 && different >= 20, $"too few cases: {same} agree, {different} differ");
    }
}
