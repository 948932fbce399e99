extern alias analyzers;
extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using generator::ShapedTensors.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Hundreds of seeded random programs, odd and malformed: random attribute arguments (zero, negative, huge,
/// overflowing, non-constant, wrong types), every kind of type (nested, generic, record, readonly, ref,
/// file-local, static), the global namespace, block and file-scoped namespaces, partial declarations split over
/// files and duplicated, calls with missing, extra, non-constant and out-of-range arguments, and syntax errors.
/// The generator never throws (CS8785), the analyzers never throw (AD0001), and generated files never hold an
/// error or a warning.
/// </summary>
public sealed class RandomProgramTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_programs_never_crash_the_generator_or_the_analyzers(int seed)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var files = RandomProgram(random);
            var problem = await CheckAsync(files);
            if (problem is not null)
            {
                failures.Add($"program {seed}/{i}: {problem}\n{string.Join("\n// ---- next file ----\n", files)}");
                if (failures.Count >= 3)
                {
                    break;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static async Task<string?> CheckAsync(string[] files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Random",
            files.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"File{i}.cs")),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new TensorGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results[0];
        if (result.Exception is not null)
        {
            return "the generator threw " + result.Exception;
        }

        if (generatorDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } crash)
        {
            return crash.ToString();
        }

        var generated = result.GeneratedSources.Select(s => s.SyntaxTree).ToImmutableHashSet();
        var inGenerated = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
        if (inGenerated.Count > 0)
        {
            return "generated code has diagnostics: " + string.Join("; ", inGenerated.Take(5));
        }

        var analyzerDiagnostics = await output
            .WithAnalyzers(DirectCompilation.Analyzers)
            .GetAnalyzerDiagnosticsAsync();
        return analyzerDiagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } ad0001 ? ad0001.ToString() : null;
    }

    private static readonly string[] Dims = ["1", "2", "3", "4", "5", "7", "0", "-1", "int.MaxValue", "100000", "1 << 20", "N", "\"batch\"", "3.5", "x"];
    private static readonly string[] Attributes = ["Tensor", "Tensor", "Tensor", "Tensor<double>", "Tensor<float>", "Tensor<int>", "Tensor<Missing>"];
    private static readonly string[] Kinds =
    [
        "public partial struct {0};", "public partial class {0};", "public readonly partial struct {0};", "internal partial struct {0};",
        "public struct {0};", "public partial record struct {0};", "public partial record {0};", "public ref partial struct {0};",
        "file partial struct {0};", "public partial struct {0}<T>;", "public static partial class {0};", "public abstract partial class {0};",
        "public partial struct {0} {{ public int Extra; }}", "public partial class {0} {{ public {0}(int x) {{ }} }}",
    ];

    private static readonly string[] Calls =
    [
        "{0}.Dot({1})", "{0}.BatchDot({1})", "{0}.BatchDot({1}, 1)", "{0}.BatchDot({1}, (1, 2))", "{0}.BatchDot({1}, -1)",
        "{0}.BatchDot({1}, 9)", "{0}.MatMul({1})", "{0}.MatMul({1}, transposeA: true)", "{0}.MatMul({1}, true, true)",
        "{0}.MatMul({1}, transposeB: flag)", "{0}.BatchDot({1}, axis)", "{0}.Dot()", "{0}.Dot({1}, {1}, {1}, {1}, {1})",
        "{0}.Dot({1}).MatMul({1})", "{0}.Dot({0}.Dot({1}))", "{0}.Dot({1}, {0})", "{0}.MatMul({1}, {0}, transposeA: false)",
    ];

    private static string[] RandomProgram(Random random)
    {
        string Pick(string[] items) => items[random.Next(items.Length)];
        var typeCount = random.Next(1, 6);
        var names = Enumerable.Range(0, typeCount).Select(i => "T" + i).ToList();
        var declarations = new StringBuilder();
        foreach (var name in names)
        {
            var dims = string.Join(", ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(4) == 0 ? Pick(Dims) : Pick(Dims[..5])));
            var declaration = $"[{Pick(Attributes)}({dims})] " + string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Next(3) == 0 ? Pick(Kinds) : Pick(Kinds[..4]), name);
            declarations.AppendLine(random.Next(8) == 0
                ? $"public {(random.Next(2) == 0 ? "partial " : string.Empty)}class Outer{name}{(random.Next(4) == 0 ? "<U>" : string.Empty)} {{ {declaration} }}"
                : declaration);
        }

        declarations.AppendLine("public static class Constants { public const int N = 3; }");
        var body = new StringBuilder("bool flag = args.Length > 0; int axis = args.Length;\n");
        var operands = names.Select(n => $"new {n}()").Concat(names.Select(n => $"{n}.Ones()")).Concat(["default(T0)", "(T0)null!", "unknown"]).ToArray();
        for (var c = random.Next(0, 8); c > 0; c--)
        {
            body.AppendLine("_ = " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Calls), Pick(operands), Pick(operands)) + ";");
        }

        var (open, close) = random.Next(3) switch
        {
            0 => ("namespace App;\n", string.Empty),
            1 => ("namespace App.Inner\n{\n", "}\n"),
            _ => (string.Empty, string.Empty),
        };
        var main = $"using ShapedTensors;\n{open}{declarations}\npublic static class Program\n{{\n    public static void Run(string[] args, IShapedTensor<float> unknown)\n    {{\n{body}    }}\n}}\n{close}";
        if (random.Next(6) == 0)
        {
            main = main[..random.Next(main.Length)]; // a syntax error: the file cut short
        }

        // Sometimes a second file adds a part to one of the types, or declares it again.
        var second = random.Next(3) == 0
            ? $"using ShapedTensors;\n{open}public partial struct {names[0]} {{ public static int Extra => 1; }}\n{(random.Next(2) == 0 ? $"[Tensor(2)] public partial struct {names[0]};" : string.Empty)}\n{close}"
            : "namespace Other { internal static class Empty { } }";
        return [main, second];
    }
}
