extern alias GeneratorAssembly;

#pragma warning disable CA1305 // The test source holds only integers and identifiers, the same in every culture.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Tests.Support;
using Xunit;
using GeneratorShape = GeneratorAssembly::ShapedTensors.Shape;
using GeneratorStaticShape = GeneratorAssembly::ShapedTensors.StaticShape;
using KernelLayout = GeneratorAssembly::ShapedTensors.KernelLayout;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Compile-and-run: calls on partially known shapes (PARTIAL_SHAPES.md) give the dynamic tensor's values on the
/// run-time sizes, in both forms, and where the generator emitted a kernel with a run-time count of products, its every
/// vector path does too. The cases are KernelCases' random compatible calls with each dimension turned, at random,
/// into a name (<c>d4</c> for a size of 4, so every occurrence of a name has one size, §8.4) or <c>?</c>: graph time
/// still passes (an unknown dimension only skips checks), and the run-time sizes are the original ones.
/// </summary>
public class PartialKernelValueTests
{
    [Theory]
    [InlineData(11, false)]
    [InlineData(12, false)]
    [InlineData(13, true)] // Bounds-checked kernels: an access outside any buffer throws.
    public void Partial_calls_match_the_dynamic_tensor(int seed, bool checkedKernels)
    {
        var random = new Random(seed);
        var cases = KernelCases.Generate(seed, count: 50).Select(c => new PartialCase(c, Partial(random, c.X), Partial(random, c.Y))).ToList();

        // The seed with a run-time batch: a kernel over 12·b products, with remainders at b = 10 (not a multiple of 3 or 4... of 12·b).
        cases.Add(new PartialCase(new KernelCases.Case(1000, Signature.BatchDotDefault, [10, 12, 4, 5], [10, 12, 5, 8], CallOptions.None, IsDouble: false), ["b", "12", "4", "5"], ["b", "12", "5", "8"]));
        cases.Add(new PartialCase(new KernelCases.Case(1001, Signature.MatMul, [7, 4, 5], [5, 8], new CallOptions(0, 0, false, false), IsDouble: true), ["?", "4", "5"], ["5", "8"]));
        var options = HarnessOptions.Default.WithBuildProperty("ShapedTensorsCheckedKernels", checkedKernels ? "true" : "false") with
        {
            AssemblyName = "PartialKernelCases" + seed.ToString(CultureInfo.InvariantCulture),
        };
        var run = GeneratorHarness.Run(options, Source(cases, Names.GeneratedNamespace(options.AssemblyName), checkedKernels));
        CompileAssert.AssertCompilesCleanly(run);
        CachingAssert.AssertCachedOnSecondRun(run);
        Assert.Contains(run.GeneratedSources.Keys, name => name.EndsWith(".Kernels.Product_F32_Bx4x5x8.g.cs", StringComparison.Ordinal));

        // Most calls are on partially known shapes (about 1 in 25 stays fully known) and specialized, not left to the fallback.
        var operations = Assert.Single(run.GeneratedSources, pair => pair.Key.Contains(Names.OperationsClass, StringComparison.Ordinal)).Value;
        var specialized = operations.Split("PartialContraction Partial").Length - 1;
        Assert.True(specialized >= cases.Count(c => c.IsPartial) * 9 / 10, $"{specialized} partial overload cases for {cases.Count(c => c.IsPartial)} partial calls");

        var failures = (string?)RunProgram.Invoke(run, "PartialCases.Runner", "Run");
        Assert.True(string.IsNullOrEmpty(failures), failures);
    }

    /// <summary>A case with each operand's dimensions as declared: sizes, names or <c>?</c>.</summary>
    private sealed record PartialCase(KernelCases.Case Call, string[] X, string[] Y)
    {
        public bool IsPartial => X.Concat(Y).Any(d => !char.IsDigit(d[0]));
    }

    // Each dimension stays known, becomes the name of its size, or becomes unknown.
    private static string[] Partial(Random random, int[] dims)
        => dims.Select(d => random.Next(3) switch
        {
            0 => d.ToString(CultureInfo.InvariantCulture),
            1 => "d" + d.ToString(CultureInfo.InvariantCulture),
            _ => "?",
        }).ToArray();

    private static string Source(List<PartialCase> cases, string generatedNamespace, bool checkedKernels)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using System.Runtime.InteropServices;");
        text.AppendLine("using System.Text;");
        text.AppendLine("using ShapedTensors;");
        text.AppendLine($"using {generatedNamespace};");
        text.AppendLine();
        text.AppendLine("namespace PartialCases;");
        text.AppendLine();
        foreach (var c in cases)
        {
            var attribute = c.Call.IsDouble ? "Tensor<double>" : "Tensor";
            text.AppendLine($"[{attribute}({Arguments(c.X)})] public partial struct X{c.Call.Id};");
            text.AppendLine($"[{attribute}({Arguments(c.Y)})] public partial struct Y{c.Call.Id};");
        }

        text.AppendLine();
        text.AppendLine("public static class Runner");
        text.AppendLine("{");
        text.AppendLine("    public static string Run()");
        text.AppendLine("    {");
        text.AppendLine("        var failures = new StringBuilder();");
        foreach (var c in cases)
        {
            var call = c.Call;
            var t = call.Element;
            var label = $"case {call.Id}: ({string.Join(", ", c.X)}){call.Call($"({string.Join(", ", c.Y)})")} {t} at ({string.Join(", ", call.X)}), ({string.Join(", ", call.Y)})";
            var (staticX, staticY) = (Static(c.X), Static(c.Y));
            var graph = CallAlgebra.ApplyStatic(call.Signature, staticX, staticY, call.Options);
            var result = graph.Result!;
            var (dims, names) = DimsModel.From(result);
            var canonical = "global::" + generatedNamespace + "." + Names.CanonicalType(call.IsDouble ? ElementKind.Float64 : ElementKind.Float32, dims, names);
            text.AppendLine("        {");
            text.AppendLine($"            var x = X{call.Id}.Random(seed: {call.Id}{Sizes(c.X, call.X)});");
            text.AppendLine($"            var y = Y{call.Id}.Random(seed: {call.Id + 7919}{Sizes(c.Y, call.Y)});");
            text.AppendLine($"            var expected = x.ToDynamic(){call.Call("y.ToDynamic()")};");
            text.AppendLine($"            var result = x{call.Call("y")};");
            text.AppendLine($"            Compare(failures, \"{label} (call)\", expected.AsReadOnlySpan(), result.AsReadOnlySpan());");
            var resultShape = names.Count > 0 ? "result.Shape" : canonical + ".Shape"; // a fully known result type's shape is static
            text.AppendLine($"            var resultShape = {resultShape};");
            text.AppendLine($"            if (resultShape != expected.Shape) failures.AppendLine($\"{label}: shape {{resultShape}}, expected {{expected.Shape}}\");");
            text.AppendLine(names.Count > 0
                ? $"            var destination = {canonical}.Wrap(new {t}[expected.Length], expected.Shape);"
                : $"            var destination = result.As<{canonical}>();");
            text.AppendLine($"            destination.AsSpan().Fill({t}.NaN); // every element must be written");
            text.AppendLine($"            x{call.DestinationCall("y", "destination")};");
            text.AppendLine($"            Compare(failures, \"{label} (destination form)\", expected.AsReadOnlySpan(), destination.AsReadOnlySpan());");
            WriteKernelPaths(text, call, staticX, staticY, checkedKernels, label);
            text.AppendLine("        }");
        }

        text.AppendLine("        return failures.ToString();");
        text.AppendLine("    }");
        KernelCases.WriteCompareMethods(text);
        text.AppendLine("}");
        return text.ToString();
    }

    // Every vector path of a kernel with a run-time count of products, called directly with the count this call's plan has.
    private static void WriteKernelPaths(StringBuilder text, KernelCases.Case call, GeneratorStaticShape staticX, GeneratorStaticShape staticY, bool checkedKernels, string label)
    {
        var layout = KernelLayout.Find(staticX, staticY, (rx, ry) => CallAlgebra.Apply(call.Signature, rx, ry, call.Options));
        var plan = CallAlgebra.Apply(call.Signature, new GeneratorShape(call.X), new GeneratorShape(call.Y), call.Options).Plan!;
        if (layout is null || KernelLayout.BatchCount(layout, plan) is var batch && batch < 0)
        {
            return;
        }

        var element = call.IsDouble ? ElementKind.Float64 : ElementKind.Float32;
        var model = PlanModel.WithRunTimeBatch(layout, KernelLayout.ProbeLength(staticX), KernelLayout.ProbeLength(staticY));
        var settings = new KernelSettings(KernelSettings.DefaultUnrollBudget, checkedKernels, Optimized: true);
        var kernel = Names.Kernel(element, model);
        if (!GeneratorAssembly::ShapedTensors.Generator.Emit.KernelStrategy.IsEmitted(new KernelModel(kernel, "Kernels", element, model), settings))
        {
            return;
        }

        foreach (var kind in GeneratorAssembly::ShapedTensors.Generator.Emit.KernelEmitter.Paths(model.ToPlan(), element, settings))
        {
            var bits = kind.ToString().Substring(1);
            text.AppendLine($"            var vector{bits} = new {call.Element}[expected.Length];");
            text.AppendLine(checkedKernels
                ? $"            TensorKernels.{kernel}_Vector{bits}(x.AsReadOnlySpan(), y.AsReadOnlySpan(), vector{bits}, {batch});"
                : $"            if (vector{bits}.Length > 0) TensorKernels.{kernel}_Vector{bits}(ref MemoryMarshal.GetReference(x.AsSpan()), ref MemoryMarshal.GetReference(y.AsSpan()), ref vector{bits}[0], {batch});");
            text.AppendLine($"            Compare(failures, \"{label} (Vector{bits} path, {batch} products)\", expected.AsReadOnlySpan(), vector{bits});");
        }
    }

    private static GeneratorStaticShape Static(string[] dims)
        => GeneratorStaticShape.Parse(dims.Select(d => char.IsDigit(d[0]) ? (object)int.Parse(d, CultureInfo.InvariantCulture) : d).ToArray());

    private static string Arguments(string[] dims) => string.Join(", ", dims.Select(d => char.IsDigit(d[0]) ? d : "\"" + d + "\""));

    // The factories' run-time sizes as named arguments: one per distinct name, one per unknown axis (dim{axis}).
    private static string Sizes(string[] declared, int[] sizes)
    {
        var arguments = new List<string>();
        for (var i = 0; i < declared.Length; i++)
        {
            var d = declared[i];
            if (d == "?")
            {
                arguments.Add($"dim{i}: {sizes[i]}");
            }
            else if (!char.IsDigit(d[0]) && Array.IndexOf(declared, d) == i)
            {
                arguments.Add($"{d}: {sizes[i]}");
            }
        }

        return string.Concat(arguments.Select(a => ", " + a));
    }
}
