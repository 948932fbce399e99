using System;
using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Reference;
using Xunit;

namespace ShapedTensors.Tests.PartialShapes;

/// <summary>
/// Seeded random calls on partial shapes (ranks 1–5, each dimension known, named or unknown, run-time sizes drawn per
/// case), checked against <see cref="PartialReference"/> and against the fully known algebra at the drawn sizes:
/// graph time rejects a call exactly when TensorFlow, which sees names as unknown, would reject every run-time size,
/// and the run time accepts exactly the sizes the fully known rules accept with every name bound to one size.
/// </summary>
public sealed class PartialGeneratedTests
{
    private const int CasesPerBlock = 500;
    private const int MaxFreeDimensionsForWitness = 4;
    private static readonly string[] Names = { "a", "b", "c" };

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var op in new[] { "Dot", "BatchDot", "MatMul" })
        {
            for (var block = 0; block < 2; block++)
            {
                data.Add(op, block);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Algebra_agrees_with_the_reference_and_with_the_fully_known_rules(string opName, int block)
    {
        var op = Enum.Parse<ContractionOp>(opName);
        var failures = new List<string>();
        int passedGraph = 0, failedGraph = 0, passedRunTime = 0, failedRunTime = 0;
        for (var i = 0; i < CasesPerBlock; i++)
        {
            var seed = (block * 100_000) + ((int)op * 10_000) + i;
            var random = new Random(seed);
            var c = MakeCase(random, op);
            var (rx, ry) = DrawSizes(random, c);
            var problem = Check(c, rx, ry, random);
            if (problem is not null)
            {
                failures.Add($"seed {seed} [{c}] at x={Format.Tuple(rx)} y={Format.Tuple(ry)}: {problem}");
            }

            var graph = c.Run();
            if (!graph.Succeeded)
            {
                failedGraph++;
            }
            else if (graph.RunTime!.Evaluate(new Shape(rx), new Shape(ry)) is null)
            {
                passedGraph++;
                passedRunTime++;
            }
            else
            {
                passedGraph++;
                failedRunTime++;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {CasesPerBlock} cases failed:\n" + string.Join("\n", failures.Take(20)));

        // The generator must reach every outcome, or the test proves little.
        Assert.True(failedGraph > CasesPerBlock / 20, $"only {failedGraph} graph-time errors");
        Assert.True(passedRunTime > CasesPerBlock / 50, $"only {passedRunTime} run-time successes");
        Assert.True(failedRunTime > CasesPerBlock / 20, $"only {failedRunTime} run-time errors");
    }

    [Fact]
    public void Fully_known_shapes_defer_nothing_and_agree_with_the_fully_known_algebra()
    {
        for (var seed = 0; seed < 600; seed++)
        {
            var random = new Random(seed);
            var c = MakeCase(random, (ContractionOp)(seed % 3), knownOnly: true);
            var graph = c.Run();
            var known = c.RunKnown(c.StaticX.ToShape(), c.StaticY.ToShape());
            Assert.Empty(graph.Deferred);
            Assert.Equal(known.Error?.Message, graph.Error?.Message);
            Assert.Equal(known.ResultShape?.ToString(), graph.Result?.ToString());
            if (graph.Succeeded)
            {
                Assert.Null(graph.RunTime!.Evaluate(c.StaticX.ToShape(), c.StaticY.ToShape()));
            }
        }
    }

    private static string? Check(PartialCase c, int[] rx, int[] ry, Random random)
    {
        var graph = c.Run();
        var expected = PartialReference.Run(c);
        var actual = graph.Succeeded ? graph.Result!.ToString() : graph.Error!.Message;
        if (actual != (expected.Result ?? expected.Error))
        {
            return $"graph time gave {actual}; reference: {expected.Result ?? expected.Error}";
        }

        var x = new Shape(rx);
        var y = new Shape(ry);
        var known = c.RunKnown(x, y);
        if (!graph.Succeeded)
        {
            // G2: a graph-time error only where a known pair conflicts, so no run-time sizes can pass.
            return known.Succeeded ? $"graph time rejected the call, but the sizes drawn pass: {known.ResultShape}" : null;
        }

        var runTime = graph.RunTime!.Evaluate(x, y);
        var expectedRunTime = PartialReference.RunTime(c, rx, ry);
        if (runTime?.Message != expectedRunTime)
        {
            return $"run time gave {runTime?.Message ?? "success"}; reference: {expectedRunTime ?? "success"}";
        }

        var namesAgree = NamesAgree(c, rx, ry);
        if (runTime is null)
        {
            // G4: the result is the fully known one, and it fits the static type (names included).
            if (!known.Succeeded)
            {
                return $"run time passed, but the fully known rules say: {known.Error!.Message}";
            }

            if (!graph.Result!.Admits(known.ResultShape!) || !ResultNamesAgree(c, graph.Result, known.ResultShape!, rx, ry))
            {
                return $"run-time result {known.ResultShape} does not fit the static result {graph.Result}";
            }
        }
        else if (known.Succeeded && namesAgree)
        {
            return $"run time rejected sizes the fully known rules accept ({known.ResultShape}) with every name bound once: {runTime.Message}";
        }

        return FindWitnessIfNeeded(c, random);
    }

    // G2, the other way: if graph time passes, some run-time sizes pass TensorFlow (which sees every name as an
    // independent unknown). Searched over {1} and the case's known sizes, for cases with few free dimensions.
    private static string? FindWitnessIfNeeded(PartialCase c, Random random)
    {
        var free = c.X.Concat(c.Y).Count(d => !char.IsDigit(d[0]));
        if (free > MaxFreeDimensionsForWitness)
        {
            return null;
        }

        var candidates = c.X.Concat(c.Y).Where(d => char.IsDigit(d[0])).Select(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).Append(1).Distinct().ToArray();
        var total = (int)Math.Pow(candidates.Length, free);
        for (var assignment = 0; assignment < total; assignment++)
        {
            var next = assignment;
            int[] Fill(string[] dims) => dims.Select(d =>
            {
                if (char.IsDigit(d[0]))
                {
                    return int.Parse(d, System.Globalization.CultureInfo.InvariantCulture);
                }

                var size = candidates[next % candidates.Length];
                next /= candidates.Length;
                return size;
            }).ToArray();

            var fx = Fill(c.X);
            var fy = Fill(c.Y);
            if (c.RunKnown(new Shape(fx), new Shape(fy)).Succeeded)
            {
                return null;
            }
        }

        return "graph time passed, but no run-time sizes pass the fully known rules";
    }

    private static bool NamesAgree(PartialCase c, int[] rx, int[] ry)
        => c.X.Zip(rx).Concat(c.Y.Zip(ry)).Where(p => Names.Contains(p.First)).GroupBy(p => p.First).All(g => g.Select(p => p.Second).Distinct().Count() == 1);

    // A named result dimension has the size its name is bound to.
    private static bool ResultNamesAgree(PartialCase c, StaticShape result, Shape actual, int[] rx, int[] ry)
    {
        var bound = c.X.Zip(rx).Concat(c.Y.Zip(ry)).Where(p => Names.Contains(p.First)).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.First().Second);
        for (var i = 0; i < result.Rank; i++)
        {
            if (result[i].Name is { } name && bound[name] != actual[i])
            {
                return false;
            }
        }

        return true;
    }

    private static PartialCase MakeCase(Random random, ContractionOp op, bool knownOnly = false)
    {
        string[] Dims(int rank) => Enumerable.Range(0, rank).Select(_ =>
        {
            var roll = knownOnly ? 0 : random.Next(10);
            return roll < 5 ? KnownSize(random).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : roll < 7 ? "?"
                : Names[random.Next(Names.Length)];
        }).ToArray();

        var x = Dims(random.Next(1, 6));
        var y = Dims(random.Next(1, 6));
        if (op == ContractionOp.MatMul)
        {
            return new PartialCase(op, x, y, TransposeA: random.Next(2) == 0, TransposeB: random.Next(2) == 0);
        }

        if (op == ContractionOp.Dot || random.Next(2) == 0)
        {
            return new PartialCase(op, x, y);
        }

        // Explicit axes, now and then out of range.
        var a0 = random.Next(-x.Length, x.Length + (random.Next(10) == 0 ? 1 : 0));
        var a1 = random.Next(-y.Length, y.Length);
        return random.Next(3) == 0
            ? new PartialCase(op, x, y, AxesForm.Int, a0, a0)
            : new PartialCase(op, x, y, AxesForm.Pair, a0, a1);
    }

    // Small sizes, so that known pairs often agree, with some larger ones.
    private static int KnownSize(Random random) => random.Next(6) == 0 ? random.Next(4, 7) : random.Next(1, 4);

    // One size per name, now and then another for one occurrence (to reach the binding rule); each ? on its own.
    private static (int[] X, int[] Y) DrawSizes(Random random, PartialCase c)
    {
        var bound = Names.ToDictionary(n => n, _ => KnownSize(random));
        int Size(string d) => char.IsDigit(d[0]) ? int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)
            : d == "?" || random.Next(8) == 0 ? KnownSize(random)
            : bound[d];
        return (c.X.Select(Size).ToArray(), c.Y.Select(Size).ToArray());
    }
}
