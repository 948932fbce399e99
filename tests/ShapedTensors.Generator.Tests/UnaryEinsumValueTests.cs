extern alias GeneratorAssembly;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Tests.Support;
using ShapedTensors.Tests.Einsum;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Compile-and-run: seeded random one-operand einsums (up to 6 labels, repeated labels, <c>...</c>, implicit and
/// explicit outputs) on fully known shapes bind to the generated overloads (a canonical result type, not a
/// <c>DynamicTensor</c>) and give <see cref="NaiveEinsum"/>'s values. The operands hold small integers, so every sum is
/// exact in float and the values must be equal.
/// </summary>
public class UnaryEinsumValueTests
{
    [Theory]
    [InlineData(1, 0, false, false)]
    [InlineData(2, 0, true, false)] // checked kernels: the loops read through the bounds-checked span
    [InlineData(3, 64, false, false)] // inline storage: struct operands are `in`, small results are values
    [InlineData(4, 0, false, true)] // a Debug build: the runtime's product with a constant 1 where the labels fit one
    public void One_operand_einsums_match_the_naive_einsum(int seed, int inlineStorage, bool checkedKernels, bool debug)
    {
        var random = new Random(seed);
        var cases = Enumerable.Range(0, 60).Select(_ => RandomCase(random)).ToList();
        var options = HarnessOptions.Default
            .WithBuildProperty("ShapedTensorsInlineStorage", inlineStorage.ToString(CultureInfo.InvariantCulture))
            .WithBuildProperty("ShapedTensorsCheckedKernels", checkedKernels ? "true" : "false") with
        {
            AssemblyName = "UnaryEinsumCases" + seed.ToString(CultureInfo.InvariantCulture),
            OptimizationLevel = debug ? Microsoft.CodeAnalysis.OptimizationLevel.Debug : Microsoft.CodeAnalysis.OptimizationLevel.Release,
        };
        var run = GeneratorHarness.Run(options, Source(cases, Names.GeneratedNamespace(options.AssemblyName), random));
        CompileAssert.AssertCompilesCleanly(run);
        var einsums = Assert.Single(run.GeneratedSources, pair => pair.Key.Contains(Names.OperationsClass, StringComparison.Ordinal)).Value;
        Assert.Equal(cases.Count, einsums.Split("Einsum(string equation, ").Length - 1);
        Assert.Equal(debug, einsums.Contains("StridedProduct.Multiply", StringComparison.Ordinal));

        var failures = (string?)RunProgram.Invoke(run, "UnaryEinsumCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    [Fact]
    public void The_cases_cover_every_feature()
    {
        var random = new Random(1);
        var cases = Enumerable.Range(0, 180).Select(_ => RandomCase(random).Equation).ToList();
        Assert.Contains(cases, e => e.Contains("...", StringComparison.Ordinal));
        Assert.Contains(cases, e => !e.Contains("->", StringComparison.Ordinal));
        Assert.Contains(cases, e => e.Split("->")[0].Replace("...", string.Empty, StringComparison.Ordinal) is var s && s.Distinct().Count() < s.Length);
        Assert.Contains(cases, e => e.Split("->")[0].Replace("...", string.Empty, StringComparison.Ordinal).Distinct().Count() == 6);
    }

    // One operand over up to 6 labels (sizes 1–4), its subscript 1–6 labels with repeats, sometimes "..." (0–2 axes);
    // the output explicit (a random order of some of its labels, and "..." when it has one) or implicit. Rank 1–6.
    private static (string Equation, int[] Shape) RandomCase(Random random)
    {
        var labels = Enumerable.Range(0, random.Next(1, 7)).Select(i => "abcdefghijABCDEF"[random.Next(16)]).Distinct().ToArray();
        var sizes = labels.ToDictionary(l => l, _ => random.Next(1, 5));
        var picked = Enumerable.Range(0, random.Next(1, 7)).Select(i => i < labels.Length ? labels[i] : labels[random.Next(labels.Length)]).OrderBy(_ => random.Next()).Take(6).ToList();
        var dims = picked.Select(l => sizes[l]).ToList();
        var subscript = new StringBuilder(string.Concat(picked));
        if (random.Next(3) == 0 && dims.Count < 6)
        {
            var at = random.Next(picked.Count + 1);
            var broadcast = Enumerable.Range(0, random.Next(0, Math.Min(3, 7 - dims.Count))).Select(_ => random.Next(1, 4)).ToArray();
            subscript.Insert(at, "...");
            dims.InsertRange(at, broadcast);
        }

        var equation = subscript.ToString();
        if (random.Next(2) == 0)
        {
            var used = picked.Distinct().OrderBy(_ => random.Next()).ToList();
            var output = string.Concat(used.Take(random.Next(used.Count + 1)));
            if (equation.Contains("...", StringComparison.Ordinal))
            {
                output = output.Insert(random.Next(output.Length + 1), "...");
            }

            equation += "->" + output;
        }

        return (equation, dims.ToArray());
    }

    // A type per case (so no two equations share operand types), its values small integers, and a Runner.Run() that
    // compares each generated result with the naive einsum's, and fails a call that did not bind to a generated overload.
    private static string Source(List<(string Equation, int[] Shape)> cases, string generatedNamespace, Random random)
    {
        var text = new StringBuilder("using ShapedTensors;\nusing static ShapedTensors.TensorMath;\n\nnamespace UnaryEinsumCases;\n\n");
        for (var i = 0; i < cases.Count; i++)
        {
            var kind = random.Next(2) == 0 ? "class" : "struct";
            text.Append(CultureInfo.InvariantCulture, $"[Tensor({string.Join(", ", cases[i].Shape)})] public partial {kind} C{i};\n");
        }

        text.Append("\npublic static class Runner\n{\n    public static string Run()\n    {\n        var failures = new System.Text.StringBuilder();\n");
        for (var i = 0; i < cases.Count; i++)
        {
            var (equation, shape) = cases[i];
            var values = Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(_ => (double)random.Next(-3, 4)).ToArray();
            var expected = NaiveEinsum.Compute(equation, (shape, values));
            text.Append(CultureInfo.InvariantCulture, $"        var r{i} = Einsum(\"{equation}\", C{i}.FromArray(new float[] {{ {Floats(values)} }}));\n");
            text.Append(CultureInfo.InvariantCulture, $"        Compare(failures, \"case {i}: {equation} on ({string.Join(",", shape)})\", r{i}.GetType().Namespace == \"{generatedNamespace}\", \"{string.Join(",", expected.Shape)}\", r{i}.ToDynamic().Shape, new float[] {{ {Floats(expected.Values)} }}, r{i}.AsReadOnlySpan());\n");
        }

        text.Append("        return failures.ToString();\n    }\n\n").Append(CompareMethod).Append("\n}\n");
        return text.ToString();
    }

    /// <summary>
    /// The runner's <c>Compare(failures, name, specialized, expectedShape, shape, expected, actual)</c>: a call that did not
    /// bind to a generated overload, a shape or the first element that differs is a line of <c>failures</c>.
    /// </summary>
    internal const string CompareMethod = """
                private static void Compare(System.Text.StringBuilder failures, string name, bool specialized, string expectedShape, Shape shape, float[] expected, System.ReadOnlySpan<float> actual)
                {
                    if (!specialized)
                    {
                        failures.AppendLine(name + ": not specialized");
                    }

                    if (string.Join(",", shape.ToArray()) != expectedShape)
                    {
                        failures.AppendLine(name + ": shape " + shape + ", expected (" + expectedShape + ")");
                        return;
                    }

                    for (var i = 0; i < expected.Length; i++)
                    {
                        if (actual[i] != expected[i])
                        {
                            failures.AppendLine(name + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
                            return;
                        }
                    }
                }
            """;

    private static string Floats(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture) + "f"));
}
