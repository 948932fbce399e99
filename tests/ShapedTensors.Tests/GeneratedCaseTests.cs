using System;
using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Reference;
using ShapedTensors.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace ShapedTensors.Tests;

/// <summary>
/// Seeded random cases (ranks 1–6, dims 1–9, every option) where the runtime must agree with the
/// independent reference: the same result shape or the exact same error text, and the same values.
/// Each block reports every failing case with its description and seed.
/// </summary>
public sealed class GeneratedCaseTests
{
    private const int ShapeCasesPerBlock = 400;
    private const int ValueCasesPerBlock = 50;
    private const long MaxDynamicElements = 20_000;

    public static TheoryData<string, int> ShapeBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var op in Operations)
        {
            for (var block = 0; block < 3; block++)
            {
                data.Add(op, block);
            }
        }

        return data;
    }

    public static TheoryData<string, int> ValueBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var op in Operations)
        {
            for (var block = 0; block < 2; block++)
            {
                data.Add(op, block);
            }
        }

        return data;
    }

    /// <summary>The operations, BatchDot under both batch_dot semantics.</summary>
    private static readonly string[] Operations = { "Dot", "BatchDot", TfKerasBatchDot, "MatMul" };

    private const string TfKerasBatchDot = "BatchDot (tf.keras)";

    private static (ContractionOp Op, bool TfKeras) ParseOperation(string name)
        => name == TfKerasBatchDot ? (ContractionOp.BatchDot, true) : (Enum.Parse<ContractionOp>(name), false);

    private static int SeedOf(ContractionOp op, int block, int i, int salt, bool tfKeras = false) =>
        (salt * 1_000_003) + ((int)op * 100_000) + (tfKeras ? 50_000 : 0) + (block * 10_000) + i;

    [Theory]
    [MemberData(nameof(ShapeBlocks))]
    public void Shape_algebra_and_dynamic_tensor_agree_with_the_reference(string opName, int block)
    {
        var (op, tfKeras) = ParseOperation(opName);
        var failures = new List<string>();
        for (var i = 0; i < ShapeCasesPerBlock; i++)
        {
            var seed = SeedOf(op, block, i, salt: 1, tfKeras);
            var c = CaseGenerator.Make(seed, op, tfKeras: tfKeras);
            var expected = Outcome.OfReference(c);
            Outcome actual;
            try
            {
                actual = RuntimeRunner.AlgebraOutcome(c);
            }
            catch (Exception e) when (e is not XunitException)
            {
                failures.Add($"[{c}] seed {seed}: shape algebra threw {e.GetType().Name}: {e.Message}; reference: {expected}");
                continue;
            }

            if (actual.Canonical != expected.Canonical)
            {
                failures.Add($"[{c}] seed {seed}: shape algebra gave {actual}; reference: {expected}");
                continue;
            }

            // The dynamic tensor must reach the same verdict (for cases small enough to allocate).
            if (NdArray.Size(c.X) <= MaxDynamicElements && NdArray.Size(c.Y) <= MaxDynamicElements
                && (!expected.Succeeded || NdArray.Size(expected.Shape!) <= MaxDynamicElements))
            {
                try
                {
                    var dynamic = RuntimeRunner.DynamicOutcome(c);
                    if (dynamic.Canonical != expected.Canonical)
                    {
                        failures.Add($"[{c}] seed {seed}: dynamic tensor gave {dynamic}; reference: {expected}");
                    }
                }
                catch (Exception e) when (e is not XunitException)
                {
                    failures.Add($"[{c}] seed {seed}: dynamic tensor threw {e.GetType().Name}: {e.Message}; reference: {expected}");
                }
            }
        }

        Report(failures, ShapeCasesPerBlock);
    }

    [Theory]
    [MemberData(nameof(ValueBlocks))]
    public void Values_agree_with_the_reference(string opName, int block)
    {
        var (op, tfKeras) = ParseOperation(opName);
        var failures = new List<string>();
        var checkedCount = 0;
        for (var i = 0; i < ValueCasesPerBlock * 3 && checkedCount < ValueCasesPerBlock; i++)
        {
            var seed = SeedOf(op, block, i, salt: 2, tfKeras);
            var c = CaseGenerator.Make(seed, op, maxElements: 2_000, tfKeras: tfKeras);
            if (!Outcome.OfReference(c).Succeeded)
            {
                continue; // errors are covered by the shape test
            }

            checkedCount++;
            try
            {
                var problem = ValueCheck.Check(c, seed, checkDestinationForms: i % 2 == 0, out _);
                if (problem is not null)
                {
                    failures.Add(problem);
                }
            }
            catch (Exception e) when (e is not XunitException)
            {
                failures.Add($"[{c}] seed {seed}: threw {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(checkedCount >= ValueCasesPerBlock / 2, $"only {checkedCount} successful value cases were generated");
        Report(failures, checkedCount);
    }

    /// <summary>Larger dims than the generator uses, to reach SIMD tails, blocking and threading paths.</summary>
    [Theory]
    [InlineData("Dot", "(33,65)", "(65,17)", "")]
    [InlineData("Dot", "(3,37,70)", "(70,9)", "")]
    [InlineData("Dot", "(2,5,64)", "(3,64,31)", "")]
    [InlineData("Dot", "(129,)", "(4,129,3)", "")]
    [InlineData("Dot", "(6,7,129)", "(129,)", "")]
    [InlineData("MatMul", "(128,96)", "(96,130)", "")]
    [InlineData("MatMul", "(96,128)", "(130,96)", "transposeA, transposeB")]
    [InlineData("MatMul", "(4,33,17)", "(17,65)", "")]
    [InlineData("MatMul", "(3,1,40,23)", "(5,41,23)", "transposeB")]
    [InlineData("MatMul", "(2,3,23,40)", "(1,3,41,23)", "transposeA, transposeB")]
    [InlineData("MatMul", "(200,64)", "(200,64)", "transposeA")]
    [InlineData("BatchDot", "(16,31,45)", "(16,45,29)", "")]
    [InlineData("BatchDot", "(16,45,31)", "(16,29,45)", "axes (1,2)")]
    [InlineData("BatchDot", "(64,100)", "(64,100)", "axes 1")]
    [InlineData("BatchDot", "(100,64)", "(100,64)", "axes 0")]
    [InlineData("BatchDot", "(50,33)", "(50,33,17)", "axes (1,1)")]
    [InlineData("BatchDot", "(7,9,33,40)", "(7,9,40,1)", "")]
    [InlineData("Dot", "(70,600)", "(600,40)", "")] // several depth blocks of the packed product
    [InlineData("MatMul", "(300,300)", "(100,300)", "transposeB")] // large enough to run on several threads
    [InlineData("MatMul", "(2,97,150)", "(97,161)", "transposeA")] // batched, threaded, edge tiles
    public void Larger_values_agree_with_the_reference(string op, string x, string y, string options)
    {
        var c = ContractionCase.Parse(op, x, y, options);
        ValueCheck.AssertValuesMatch(c, seed: 99, out _);
    }

    /// <summary>The generator itself must produce a useful mix: mostly successes, and every error kind.</summary>
    [Fact]
    public void Generator_covers_successes_and_every_error_kind()
    {
        var cores = new Dictionary<string, int>();
        var successes = 0;
        var total = 0;
        int emptyResults = 0, emptyContractions = 0, failuresWithZeros = 0;
        foreach (ContractionOp op in Enum.GetValues<ContractionOp>())
        {
            for (var i = 0; i < ShapeCasesPerBlock; i++)
            {
                var c = CaseGenerator.Make(SeedOf(op, 0, i, salt: 1), op);
                var outcome = Outcome.OfReference(c);
                total++;
                if (outcome.Succeeded)
                {
                    successes++;
                    if (NdArray.Size(outcome.Shape!) == 0)
                    {
                        emptyResults++;
                    }
                    else if (NdArray.Size(c.X) == 0 || NdArray.Size(c.Y) == 0)
                    {
                        emptyContractions++;
                    }

                    continue;
                }

                if (c.X.Contains(0) || c.Y.Contains(0))
                {
                    failuresWithZeros++;
                }

                var key = outcome.ErrorKind == RefErrorKind.InvalidAxes ? "InvalidAxes" : CoreKind(outcome.Message!);
                cores[key] = cores.GetValueOrDefault(key) + 1;
            }
        }

        Assert.True(successes > total / 2, $"only {successes} of {total} generated cases succeed");
        Assert.True(emptyResults >= 10 && emptyContractions >= 3 && failuresWithZeros >= 5, $"zero dims too rare: {emptyResults} empty results, {emptyContractions} non-empty results of empty operands (K = 0), {failuresWithZeros} errors with a 0");
        var wanted = new[]
        {
            "Dimensions must be equal", "Shape must be rank 2", "Shape must be at least rank 2",
            "Dimension N in both shapes", "Can not squeeze", "squeeze_dims", "InvalidAxes",
        };
        foreach (var w in wanted)
        {
            Assert.True(cores.ContainsKey(w), $"no generated case hits '{w}'; seen: {string.Join(", ", cores.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }
    }

    /// <summary>The tf.keras BatchDot cases: mostly successes, and every error tf.keras' batch_dot raises.</summary>
    [Fact]
    public void TfKeras_generator_covers_successes_and_every_error()
    {
        var kinds = new Dictionary<string, int>();
        var successes = 0;
        for (var i = 0; i < ShapeCasesPerBlock; i++)
        {
            var outcome = Outcome.OfReference(CaseGenerator.Make(SeedOf(ContractionOp.BatchDot, 0, i, salt: 1, tfKeras: true), ContractionOp.BatchDot, tfKeras: true));
            if (outcome.Succeeded)
            {
                successes++;
                continue;
            }

            var key = outcome.ErrorKind == RefErrorKind.InvalidAxes ? "InvalidAxes" : string.Join(' ', outcome.Message!.Split(' ').Take(7));
            kinds[key] = kinds.GetValueOrDefault(key) + 1;
        }

        Assert.True(successes > ShapeCasesPerBlock / 2, $"only {successes} of {ShapeCasesPerBlock} generated tf.keras cases succeed");
        foreach (var wanted in new[]
        {
            "Cannot do batch_dot on inputs with rank", "Cannot do batch_dot on inputs with different",
            "Cannot perform batch_dot over axis 0. If", "Cannot do batch_dot on inputs with shapes", "InvalidAxes",
        })
        {
            Assert.True(kinds.ContainsKey(wanted), $"no generated tf.keras case hits '{wanted}'; seen: {string.Join(", ", kinds.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }
    }

    private static string CoreKind(string message)
    {
        foreach (var prefix in new[] { "Dimensions must be equal", "Shape must be rank 2", "Shape must be at least rank 2", "Can not squeeze", "squeeze_dims" })
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return message.StartsWith("Dimension ", StringComparison.Ordinal) ? "Dimension N in both shapes" : message;
    }

    private static void Report(List<string> failures, int total)
    {
        if (failures.Count == 0)
        {
            return;
        }

        const int Shown = 25;
        var text = $"{failures.Count} of {total} cases disagree with the reference:\n  "
            + string.Join("\n  ", failures.Take(Shown))
            + (failures.Count > Shown ? $"\n  ... and {failures.Count - Shown} more" : string.Empty);
        throw new XunitException(text);
    }
}
