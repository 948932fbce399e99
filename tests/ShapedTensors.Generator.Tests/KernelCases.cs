extern alias GeneratorAssembly;

#pragma warning disable CA1305 // The test source holds only integers and identifiers, the same in every culture.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GeneratorAssembly::ShapedTensors.Generator.Emit;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using GeneratorSemantics = GeneratorAssembly::ShapedTensors.BatchDotSemantics;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Seeded random calls of every operation and option whose shapes are compatible (ranks 1–5, every output
/// width from 1 to 33 so every vector tail appears, a few empty batch dimensions), and the C# source that
/// declares their types, calls them and compares every kernel path with the dynamic tensor.
/// </summary>
internal static class KernelCases
{
    public sealed record Case(int Id, Signature Signature, int[] X, int[] Y, CallOptions Options, bool IsDouble)
    {
        public string Element => IsDouble ? "double" : "float";

        /// <summary>The call after the receiver: <c>.MatMul(y, transposeA: true, transposeB: false)</c>.</summary>
        public string Call(string y) => Signature switch
        {
            Signature.Dot => $".Dot({y})",
            Signature.BatchDotDefault => $".BatchDot({y})",
            Signature.BatchDotInt => $".BatchDot({y}, {Options.AxisX})",
            Signature.BatchDotPair => $".BatchDot({y}, ({Options.AxisX}, {Options.AxisY}))",
            _ => $".MatMul({y}, transposeA: {Bool(Options.TransposeA)}, transposeB: {Bool(Options.TransposeB)})",
        };

        /// <summary>The allocation-free form: <c>.MatMul(y, destination, transposeA: true, transposeB: false)</c>.</summary>
        public string DestinationCall(string y, string destination) => Signature switch
        {
            Signature.Dot => $".Dot({y}, {destination})",
            Signature.BatchDotDefault => $".BatchDot({y}, {destination})",
            Signature.BatchDotInt => $".BatchDot({y}, {Options.AxisX}, {destination})",
            Signature.BatchDotPair => $".BatchDot({y}, ({Options.AxisX}, {Options.AxisY}), {destination})",
            _ => $".MatMul({y}, {destination}, transposeA: {Bool(Options.TransposeA)}, transposeB: {Bool(Options.TransposeB)})",
        };

        public override string ToString() => $"case {Id}: ({string.Join(", ", X)}){Call($"({string.Join(", ", Y)})")} {Element}";
    }

    /// <summary>Compatible cases; each output width 1–33 appears at least once per group.</summary>
    public static List<Case> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new List<Case>();
        while (cases.Count < count)
        {
            var width = (cases.Count % 33) + 1;
            var signature = (Signature)random.Next(5);
            var candidate = Propose(random, signature, width, cases.Count + (seed * 1000), random.Next(3) == 0);
            if (candidate is not null && CallAlgebra.Apply(candidate.Signature, new EquatableArray<int>(candidate.X), new EquatableArray<int>(candidate.Y), candidate.Options).Succeeded)
            {
                cases.Add(candidate);
            }
        }

        return cases;
    }

    // Shapes built to be compatible most of the time; the algebra has the last word.
    private static Case? Propose(Random random, Signature signature, int width, int id, bool isDouble)
    {
        // Batch dimensions 1-5, and now and then 0: an empty result, whose kernel has nothing to compute.
        int Dim() => random.Next(40) == 0 ? 0 : random.Next(1, 6);
        int[] Batch(int rank) => Enumerable.Range(0, rank).Select(_ => Dim()).ToArray();
        var m = random.Next(1, 10);
        var k = random.Next(1, 10);
        switch (signature)
        {
            case Signature.Dot:
            {
                var xRank = random.Next(1, 6);
                var yRank = xRank <= 2 ? random.Next(3, 6) : random.Next(2, 6);
                if (xRank == 2 && random.Next(3) == 0)
                {
                    yRank = 2;
                }

                var x = Batch(xRank - 1).Append(k).ToArray();
                var y = Batch(yRank - 2).Append(k).Append(width).ToArray();
                return new Case(id, signature, x, y, CallOptions.None, isDouble);
            }

            case Signature.MatMul:
            {
                bool ta = random.Next(2) == 0, tb = random.Next(2) == 0;
                var xBatch = Batch(random.Next(0, 4));
                var yBatch = Batch(random.Next(0, 4));

                // Make the batch dimensions broadcastable: where both have one, make them equal or one of them 1.
                for (int i = xBatch.Length - 1, j = yBatch.Length - 1; i >= 0 && j >= 0; i--, j--)
                {
                    switch (random.Next(3))
                    {
                        case 0: yBatch[j] = xBatch[i]; break;
                        case 1: xBatch[i] = 1; break;
                        default: yBatch[j] = 1; break;
                    }
                }

                var x = xBatch.Concat(ta ? new[] { k, m } : new[] { m, k }).ToArray();
                var y = yBatch.Concat(tb ? new[] { width, k } : new[] { k, width }).ToArray();
                return new Case(id, signature, x, y, new CallOptions(0, 0, ta, tb), isDouble);
            }

            default:
            {
                // BatchDot: equal batch dimensions, every kind of axes; ranks may differ (Keras pads with 1s).
                var rank = random.Next(2, 6);
                var batch = Batch(rank - 2);
                var x = batch.Append(m).Append(k).ToArray();
                var y = batch.Append(k).Append(width).ToArray();
                if (random.Next(4) == 0)
                {
                    y = y.Take(Math.Max(1, y.Length - random.Next(1, 3))).ToArray();
                }

                var options = signature switch
                {
                    Signature.BatchDotInt => new CallOptions(random.Next(-1, x.Length), 0, false, false),
                    Signature.BatchDotPair => new CallOptions(random.Next(-x.Length, x.Length), random.Next(-y.Length, y.Length), false, false),
                    _ => CallOptions.None,
                };
                if (signature == Signature.BatchDotInt)
                {
                    options = options with { AxisY = options.AxisX };
                    if (options.AxisX >= y.Length)
                    {
                        return null;
                    }
                }

                return new Case(id, signature, x, y, options, isDouble);
            }
        }
    }

    /// <summary>
    /// A source declaring every case's operand types and a <c>Runner.Run()</c> that checks them all; with
    /// <paramref name="checkedKernels"/>, for kernels emitted with bounds-checked access (span parameters), with
    /// the unroll budget they were emitted with (which decides their paths), whether the build is optimized (a Debug
    /// build emits no kernel), and under the project's <paramref name="semantics"/> (which the dynamic tensor is then told).
    /// </summary>
    public static string Source(IReadOnlyList<Case> cases, string generatedNamespace, bool checkedKernels = false, int unrollBudget = KernelSettings.DefaultUnrollBudget, bool optimized = true, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using System.Runtime.InteropServices;");
        text.AppendLine("using System.Text;");
        text.AppendLine("using ShapedTensors;");
        text.AppendLine($"using {generatedNamespace};");
        text.AppendLine();
        text.AppendLine("namespace KernelCases;");
        text.AppendLine();
        foreach (var c in cases)
        {
            var attribute = c.IsDouble ? "Tensor<double>" : "Tensor";
            text.AppendLine($"[{attribute}({string.Join(", ", c.X)})] public partial struct X{c.Id};");
            text.AppendLine($"[{attribute}({string.Join(", ", c.Y)})] public partial struct Y{c.Id};");
        }

        text.AppendLine();
        text.AppendLine("public static class Runner");
        text.AppendLine("{");
        text.AppendLine("    public static string Run()");
        text.AppendLine("    {");
        text.AppendLine("        var failures = new StringBuilder();");
        foreach (var c in cases)
        {
            var dynamicCall = c.Call("y.ToDynamic()");
            if (c.Signature.Operation() == Operation.BatchDot && semantics == BatchDotSemantics.TfKeras)
            {
                dynamicCall = dynamicCall[..^1] + ", semantics: BatchDotSemantics.TfKeras)";
            }

            var label = c.ToString().Replace("\"", "'", StringComparison.Ordinal);
            text.AppendLine("        {");
            text.AppendLine($"            var x = X{c.Id}.Random(seed: {c.Id});");
            text.AppendLine($"            var y = Y{c.Id}.Random(seed: {c.Id + 7919});");
            text.AppendLine($"            var expected = x.ToDynamic(){dynamicCall}.AsReadOnlySpan();");
            text.AppendLine($"            var result = x{c.Call("y")};");
            text.AppendLine($"            Compare(failures, \"{label} (call)\", expected, result.AsReadOnlySpan());");
            text.AppendLine("            var destination = result.As<" + "global::" + generatedNamespace + "." + CanonicalName(c, semantics) + ">();");
            text.AppendLine($"            destination.AsSpan().Fill({c.Element}.NaN); // every element must be written");
            text.AppendLine($"            x{c.DestinationCall("y", "destination")};");
            text.AppendLine($"            Compare(failures, \"{label} (destination form)\", expected, destination.AsReadOnlySpan());");
            // Every vector path of an emitted kernel, called directly (the entry only runs the widest this machine has);
            // larger plans, and those with nothing to multiply, have no kernel: their calls go to the runtime's product.
            var plan = CallAlgebra.Apply(c.Signature, new EquatableArray<int>(c.X), new EquatableArray<int>(c.Y), c.Options, (GeneratorSemantics)semantics).Plan!;
            var element = c.IsDouble ? ElementKind.Float64 : ElementKind.Float32;
            var model = PlanModel.From(plan, c.X.Aggregate(1L, (p, d) => p * d), c.Y.Aggregate(1L, (p, d) => p * d));
            var settings = new KernelSettings(unrollBudget, checkedKernels, optimized);
            var kernel = Names.Kernel(element, model);
            var paths = KernelStrategy.IsEmitted(new KernelModel(kernel, "Kernels", element, model), settings) ? KernelEmitter.Paths(plan, element, settings) : [];
            foreach (var bits in paths.Select(Bits))
            {
                text.AppendLine($"            var vector{bits} = new {c.Element}[expected.Length];");
                text.AppendLine(checkedKernels
                    ? $"            TensorKernels.{kernel}_Vector{bits}(x.AsReadOnlySpan(), y.AsReadOnlySpan(), vector{bits});"
                    : $"            TensorKernels.{kernel}_Vector{bits}(ref MemoryMarshal.GetReference(x.AsSpan()), ref MemoryMarshal.GetReference(y.AsSpan()), ref vector{bits}[0]);");
                text.AppendLine($"            Compare(failures, \"{label} (Vector{bits} path)\", expected, vector{bits});");
            }

            text.AppendLine("        }");
        }

        text.AppendLine("        return failures.ToString();");
        text.AppendLine("    }");
        WriteCompareMethods(text);
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>
    /// The runners' <c>Compare(failures, label, expected, actual)</c> for float and double: the same length, and each
    /// element within tolerance of the reference and not NaN (destinations start as NaN, so an element no kernel wrote
    /// is found).
    /// </summary>
    public static void WriteCompareMethods(StringBuilder text)
    {
        foreach (var (type, tolerance) in new[] { ("float", "1e-4f"), ("double", "1e-10") })
        {
            text.AppendLine();
            text.AppendLine($"    private static void Compare(StringBuilder failures, string label, ReadOnlySpan<{type}> expected, ReadOnlySpan<{type}> actual)");
            text.AppendLine("    {");
            text.AppendLine("        if (expected.Length != actual.Length) { failures.AppendLine($\"{label}: {actual.Length} elements, expected {expected.Length}\"); return; }");
            text.AppendLine("        for (var i = 0; i < expected.Length; i++)");
            text.AppendLine("        {");
            text.AppendLine($"            if (Math.Abs(expected[i] - actual[i]) > {tolerance} * Math.Max(1, Math.Abs(expected[i])) || {type}.IsNaN(actual[i]))");
            text.AppendLine("            {");
            text.AppendLine("                failures.AppendLine($\"{label}: element {i} is {actual[i]}, expected {expected[i]}\");");
            text.AppendLine("                return;");
            text.AppendLine("            }");
            text.AppendLine("        }");
            text.AppendLine("    }");
        }
    }

    private static string CanonicalName(Case c, BatchDotSemantics semantics)
    {
        var result = CallAlgebra.Apply(c.Signature, new EquatableArray<int>(c.X), new EquatableArray<int>(c.Y), c.Options, (GeneratorSemantics)semantics).ResultShape!;
        return Names.CanonicalType(c.IsDouble ? ElementKind.Float64 : ElementKind.Float32, new EquatableArray<int>(result.ToArray()));
    }

    private static string Bits(VectorKind kind) => kind switch
    {
        VectorKind.V512 => "512",
        VectorKind.V256 => "256",
        _ => "128",
    };

    private static string Bool(bool value) => value ? "true" : "false";
}
