using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Seeded random calls of every non-contraction operation in method form (ranks 1–4, broadcasting pairs in both
/// directions, every axis form, reductions to rank 0), and a program that compares each generated overload's result
/// with <c>DynamicTensor</c>'s.
/// </summary>
internal static class OperationCases
{
    private static readonly string[] Broadcasts = { "Add", "Subtract", "Multiply", "Divide", "Maximum", "Minimum" };
    private static readonly string[] Unaries = { "Relu", "Sigmoid", "Tanh", "Exp", "Log", "Sqrt", "Abs", "Negate" };
    private static readonly string[] Reductions = { "Sum", "Mean", "Max", "Min" };

    /// <summary>One call: the operand shapes and the call's text after the receiver (<c>.Sum(1, keepdims: true)</c>).</summary>
    public sealed record Case(int[][] Operands, string Call, bool IsDouble);

    public static IReadOnlyList<Case> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new List<Case>();
        while (cases.Count < count)
        {
            var isDouble = random.Next(4) == 0;
            var x = Shape(random, random.Next(1, 5));
            var r = x.Length;
            switch (random.Next(11))
            {
                case 0:
                    var y = BroadcastPartner(random, x);
                    cases.Add(new Case(new[] { x, y }, $".{Pick(random, Broadcasts)}(y0)", isDouble));
                    break;
                case 1 when r >= 2:
                    cases.Add(new Case(new[] { x, new[] { x[r - 1] } }, ".BiasAdd(y0)", isDouble));
                    break;
                case 2:
                    cases.Add(new Case(new[] { x }, $".{Pick(random, Unaries)}()", isDouble));
                    break;
                case 3:
                    cases.Add(new Case(new[] { x }, random.Next(2) == 0 ? ".Softmax()" : $".Softmax({random.Next(-r, r)})", isDouble));
                    break;
                case 4:
                    var keep = random.Next(2) == 0 ? string.Empty : "keepdims: true";
                    var axes = Enumerable.Range(0, random.Next(0, r + 1)).Select(_ => random.Next(-r, r)).ToArray();
                    var form = random.Next(4) switch
                    {
                        0 => keep,
                        1 => Join(random.Next(-r, r).ToString(CultureInfo.InvariantCulture), keep),
                        2 => Join("new[] { " + string.Join(", ", axes) + " }", keep),
                        _ => Join("[" + string.Join(", ", axes) + "]", keep),
                    };
                    if (form.StartsWith("new[] {  }", StringComparison.Ordinal))
                    {
                        break; // new[] { } has no type
                    }

                    cases.Add(new Case(new[] { x }, $".{Pick(random, Reductions)}({form})", isDouble));
                    break;
                case 5:
                    cases.Add(new Case(new[] { x }, ".Transpose()", isDouble));
                    break;
                case 6:
                    var permutation = Enumerable.Range(0, r).OrderBy(_ => random.Next()).ToArray();
                    cases.Add(new Case(new[] { x }, $".PermuteDimensions({string.Join(", ", permutation)})", isDouble));
                    break;
                case 7:
                    var total = x.Aggregate(1, (a, b) => a * b);
                    var target = random.Next(3) switch
                    {
                        0 => total.ToString(CultureInfo.InvariantCulture),
                        1 => "-1",
                        _ => $"{x[0]}, -1",
                    };
                    cases.Add(new Case(new[] { x }, $".Reshape({target})", isDouble));
                    break;
                case 8:
                    cases.Add(new Case(new[] { x }, random.Next(3) == 0 ? ".ExpandDims()" : $".ExpandDims({random.Next(-r - 1, r + 1)})", isDouble));
                    break;
                case 9:
                    var axis = random.Next(r);
                    x[axis] = 1;
                    cases.Add(new Case(new[] { x }, $".Squeeze({(random.Next(2) == 0 ? axis : axis - r)})", isDouble));
                    break;
                default:
                    var joined = random.Next(-r, r);
                    var along = joined < 0 ? joined + r : joined;
                    var operands = new List<int[]> { x };
                    for (var i = random.Next(1, 4); i > 0; i--)
                    {
                        var other = (int[])x.Clone();
                        other[along] = random.Next(1, 4);
                        operands.Add(other);
                    }

                    var names = string.Join(", ", Enumerable.Range(0, operands.Count - 1).Select(i => "y" + i.ToString(CultureInfo.InvariantCulture)));
                    cases.Add(new Case(operands.ToArray(), $".Concatenate({names}, axis: {joined})", isDouble));
                    break;
            }
        }

        return cases;
    }

    /// <summary>The types of every case and a <c>OperationCases.Runner.Run()</c> returning the failures, or an empty string.</summary>
    /// <param name="cases">The calls.</param>
    /// <param name="generatedNamespace">The namespace of the canonical types.</param>
    /// <param name="partial">
    /// When given, each dimension is declared, at random, as its size, as the name of its size (<c>d4</c>: every
    /// occurrence of a name has one size, PARTIAL_SHAPES.md §8.4) or as <c>?</c>; the values have the original sizes.
    /// </param>
    public static string Source(IReadOnlyList<Case> cases, string generatedNamespace, Random? partial = null)
    {
        var declared = cases.Select(c => c.Operands.Select(dims => Declared(dims, partial)).ToArray()).ToArray();
        var text = new StringBuilder("using ShapedTensors;\n\nnamespace OperationCases;\n\n");
        for (var i = 0; i < cases.Count; i++)
        {
            for (var k = 0; k < cases[i].Operands.Length; k++)
            {
                var generic = cases[i].IsDouble ? "<double>" : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"[Tensor{generic}({string.Join(", ", declared[i][k])})] public partial struct C{i}T{k};\n");
            }
        }

        text.Append("\npublic static class Runner\n{\n    public static string Run()\n    {\n        var failures = new System.Text.StringBuilder();\n");
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            text.Append(CultureInfo.InvariantCulture, $"        {{\n            var x = C{i}T0.Random({Arguments(i, declared[i][0], c.Operands[0])});\n");
            for (var k = 1; k < c.Operands.Length; k++)
            {
                text.Append(CultureInfo.InvariantCulture, $"            var y{k - 1} = C{i}T{k}.Random({Arguments(i + (100 * k), declared[i][k], c.Operands[k])});\n");
            }

            var dynamicCall = c.Operands.Length > 2
                ? $"DynamicTensor<{(c.IsDouble ? "double" : "float")}>.Concatenate({c.Call.Substring(c.Call.LastIndexOf(':') + 2).TrimEnd(')')}, x.ToDynamic(), {string.Join(", ", Enumerable.Range(0, c.Operands.Length - 1).Select(k => $"y{k}.ToDynamic()"))})"
                : "x.ToDynamic()" + c.Call.Replace("(y0)", "(y0.ToDynamic())", StringComparison.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"            var generated = x{c.Call};\n");
            text.Append(CultureInfo.InvariantCulture, $"            var expected = {dynamicCall};\n");
            text.Append(CultureInfo.InvariantCulture, $"            Compare(failures, \"case {i}: {string.Join(" ", c.Operands.Select(o => "(" + string.Join(",", o) + ")"))} x{c.Call.Replace("\"", "'", StringComparison.Ordinal)}\", generated.GetType().Namespace == \"{generatedNamespace}\", expected.Shape, generated.ToDynamic().Shape, expected.AsReadOnlySpan(), generated.AsReadOnlySpan());\n        }}\n");
        }

        text.Append("""
                    return failures.ToString();
                }

                private static void Compare<T>(System.Text.StringBuilder failures, string name, bool specialized, Shape expectedShape, Shape shape, System.ReadOnlySpan<T> expected, System.ReadOnlySpan<T> actual)
                    where T : System.Numerics.IFloatingPointIeee754<T>
                {
                    if (!specialized)
                    {
                        failures.AppendLine(name + ": not specialized");
                        return;
                    }

                    if (expectedShape != shape || expected.Length != actual.Length)
                    {
                        failures.AppendLine(name + ": shape " + shape + ", expected " + expectedShape);
                        return;
                    }

                    for (var i = 0; i < expected.Length; i++)
                    {
                        var (e, a) = (expected[i], actual[i]);
                        if (T.IsNaN(e) ? !T.IsNaN(a) : T.Abs(e - a) > T.CreateChecked(1e-5) * (T.One + T.Abs(e)))
                        {
                            failures.AppendLine(name + ": element " + i + " is " + a + ", expected " + e);
                            return;
                        }
                    }
                }
            }

            """);
        return text.ToString();
    }

    // A dimension as [Tensor] spells it: its size, or (partial) the quoted name of its size or "?".
    private static string[] Declared(int[] dims, Random? partial)
        => dims.Select(d => (partial?.Next(3) ?? 0) switch
        {
            0 => d.ToString(CultureInfo.InvariantCulture),
            1 => "\"d" + d.ToString(CultureInfo.InvariantCulture) + "\"",
            _ => "\"?\"",
        }).ToArray();

    // The factory's arguments: the seed, then one size per distinct name (at its first axis) and per unknown axis.
    private static string Arguments(int seed, string[] declared, int[] dims)
    {
        var arguments = new List<string> { "seed: " + seed.ToString(CultureInfo.InvariantCulture) };
        var seen = new HashSet<string>();
        for (var i = 0; i < dims.Length; i++)
        {
            if (declared[i].StartsWith('"') && (declared[i] == "\"?\"" || seen.Add(declared[i])))
            {
                arguments.Add(dims[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(", ", arguments);
    }

    private static int[] Shape(Random random, int rank) => Enumerable.Range(0, rank).Select(_ => random.Next(1, 5)).ToArray();

    // A shape that broadcasts against x: a suffix of x's rank, each dim x's or 1; sometimes x's dim is the 1 instead.
    private static int[] BroadcastPartner(Random random, int[] x)
    {
        var rank = random.Next(1, x.Length + 1);
        var y = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var axis = x.Length - rank + i;
            switch (random.Next(3))
            {
                case 0:
                    y[i] = 1;
                    break;
                case 1 when x[axis] == 1:
                    y[i] = random.Next(1, 4);
                    break;
                default:
                    y[i] = x[axis];
                    break;
            }
        }

        return y;
    }

    private static string Pick(Random random, string[] names) => names[random.Next(names.Length)];

    private static string Join(string first, string second) => second.Length == 0 ? first : first.Length == 0 ? second : first + ", " + second;
}
