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
/// Compile-and-run: Einsum (one and two operands) and TensorDot on partially known shapes bind to the generated overloads
/// (a canonical result type, not a <c>DynamicTensor</c>) and give <see cref="NaiveEinsum"/>'s values at two batch sizes,
/// in both forms; a named size that differs between the operands throws the binding rule's text (PARTIAL_SHAPES.md §8.4),
/// and sizes an equation's label joins throw TensorFlow's first. The operands hold small integers, so every sum is exact.
/// </summary>
public class PartialEinsumValueTests
{
    // The call, the naive einsum's equation for it, and its operand types.
    private static readonly (string Call, string Naive, string[] Operands)[] Cases =
    {
        ("Einsum(\"bij,bjk->bik\", w, k)", "bij,bjk->bik", new[] { "w", "k" }),
        ("Einsum(\"bij->bji\", w)", "bij->bji", new[] { "w" }),
        ("Einsum(\"bij->ij\", k)", "bij->ij", new[] { "k" }),
        ("w.TensorDot(m, 1)", "bij,jk->bik", new[] { "w", "m" }),
        ("w.TensorDot(k, ([0, 2], [0, 1]))", "bij,bjk->ik", new[] { "w", "k" }),
        ("q.TensorDot(q, (0, 0))", "ai,aj->ij", new[] { "q", "q" }),
    };

    private static readonly Dictionary<string, (string Type, Func<int, int[]> Shape)> Operands = new()
    {
        ["w"] = ("W", n => new[] { n, 2, 3 }),
        ["k"] = ("K", n => new[] { n, 3, 4 }),
        ["m"] = ("M", _ => new[] { 3, 4 }),
        ["q"] = ("Q", n => new[] { n + 1, 3 }),
    };

    [Fact]
    public void Partial_einsums_match_the_naive_einsum_at_two_batch_sizes()
    {
        var options = HarnessOptions.Default with { AssemblyName = "PartialEinsumCases" };
        var run = GeneratorHarness.Run(options, Source(Names.GeneratedNamespace(options.AssemblyName)));
        CompileAssert.AssertCompilesCleanly(run);
        var generated = string.Concat(run.GeneratedSources.Where(pair => pair.Key.Contains(Names.OperationsClass, StringComparison.Ordinal)).Select(pair => pair.Value));
        Assert.Contains("PartialEinsum Partial", generated, StringComparison.Ordinal);

        var failures = (string?)RunProgram.Invoke(run, "PartialEinsumCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);

        var texts = ((string, string))RunProgram.Invoke(run, "PartialEinsumCases.Runner", "Mismatches")!;
        Assert.Equal(
            "Dimension 'batch' must have the same size wherever it appears in one call, but is 2 at x[0] and 3 at y[0].",
            texts.Item1);
        Assert.StartsWith("Dimensions must be equal, but are 2 and 3 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [2,2,3], [3,3,4].", texts.Item2, StringComparison.Ordinal);
    }

    private static string Source(string generatedNamespace)
    {
        var text = new StringBuilder("using ShapedTensors;\nusing static ShapedTensors.TensorMath;\n\nnamespace PartialEinsumCases;\n\n");
        text.Append("[Tensor(\"batch\", 2, 3)] public partial struct W;\n[Tensor(\"batch\", 3, 4)] public partial class K;\n[Tensor(3, 4)] public partial struct M;\n[Tensor(\"?\", 3)] public partial struct Q;\n[Tensor(\"batch\", 3, 4)] public partial struct P;\n");
        text.Append("\npublic static class Runner\n{\n    public static string Run()\n    {\n        var failures = new System.Text.StringBuilder();\n");
        foreach (var n in new[] { 2, 3 })
        {
            text.Append("        {\n");
            var values = new Dictionary<string, (int[] Shape, double[] Values)>();
            foreach (var (name, (type, shapeOf)) in Operands)
            {
                var shape = shapeOf(n);
                var elements = Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(i => (double)(((i * 5) + name[0] + n) % 7 - 3)).ToArray();
                values[name] = (shape, elements);
                text.Append(CultureInfo.InvariantCulture, $"            var {name} = {type}.FromArray(new float[] {{ {Floats(elements)} }});\n");
            }

            for (var i = 0; i < Cases.Length; i++)
            {
                var (call, naive, operands) = Cases[i];
                var expected = NaiveEinsum.Compute(naive, operands.Select(o => values[o]).ToArray());
                var label = $"{call.Replace("\"", "'", StringComparison.Ordinal)} at batch {n}";
                text.Append(CultureInfo.InvariantCulture, $"            var r{i} = {call};\n");
                text.Append(CultureInfo.InvariantCulture, $"            Compare(failures, \"{label}\", r{i}.GetType().Namespace == \"{generatedNamespace}\", \"{string.Join(",", expected.Shape)}\", r{i}.ToDynamic().Shape, new float[] {{ {Floats(expected.Values)} }}, r{i}.AsReadOnlySpan());\n");
            }

            // The destination forms, into a result of the allocating form filled with NaN: every element must be written.
            text.Append("            var e0 = Einsum(\"bij,bjk->bik\", w, k);\n            r0.AsSpan().Fill(float.NaN);\n            Einsum(\"bij,bjk->bik\", w, k, r0);\n");
            text.Append(CultureInfo.InvariantCulture, $"            Compare(failures, \"Einsum destination form at batch {n}\", true, string.Join(\",\", e0.Shape.ToArray()), r0.Shape, e0.AsReadOnlySpan().ToArray(), r0.AsReadOnlySpan());\n");
            text.Append("            var e3 = w.TensorDot(m, 1);\n            r3.AsSpan().Fill(float.NaN);\n            w.TensorDot(m, 1, r3);\n");
            text.Append(CultureInfo.InvariantCulture, $"            Compare(failures, \"TensorDot destination form at batch {n}\", true, string.Join(\",\", e3.Shape.ToArray()), r3.Shape, e3.AsReadOnlySpan().ToArray(), r3.AsReadOnlySpan());\n");
            text.Append("        }\n");
        }

        text.Append("""
                    return failures.ToString();
                }

                // A named size that differs where the equation joins no labels (the binding rule), then where it does (TensorFlow's text).
                public static (string, string) Mismatches()
                {
                    var w = W.Zeros(batch: 2);
                    var p = P.Zeros(batch: 3);
                    var k = K.Zeros(batch: 3);
                    string named = "", joined = "";
                    try { Einsum("bij,cjk->bik", w, p); } catch (ShapeMismatchException e) { named = e.Message; }
                    try { Einsum("bij,bjk->bik", w, k); } catch (ShapeMismatchException e) { joined = e.Message; }
                    return (named, joined);
                }

            """).Append(UnaryEinsumValueTests.CompareMethod).Append("\n}\n");
        return text.ToString();
    }

    private static string Floats(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture) + "f"));
}
