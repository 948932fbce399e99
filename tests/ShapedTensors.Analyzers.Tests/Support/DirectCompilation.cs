extern alias analyzers;
extern alias generator;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using analyzers::ShapedTensors.Analyzers.Calls;
using analyzers::ShapedTensors.Analyzers.Declarations;
using analyzers::ShapedTensors.Analyzers.Settings;
using generator::ShapedTensors.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>A compilation built by hand (no test framework): the source, the generator's output, and the analyzers run over it.</summary>
internal static class DirectCompilation
{
    /// <summary>A new instance of every ShapedTensors analyzer, as a project that references the package runs them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers
        => ImmutableArray.Create<DiagnosticAnalyzer>(new TensorCallAnalyzer(), new TensorDeclarationAnalyzer(), new SettingsAnalyzer());

    /// <summary>Compiles <paramref name="source"/> and runs the generator on it, as the compiler would.</summary>
    /// <param name="source">The one source file.</param>
    /// <param name="references">What it references; by default <see cref="TestReferences.All"/>.</param>
    public static Compilation WithGeneratorOutput(string source, IEnumerable<MetadataReference>? references = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "TestProject",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "Test0.cs") },
            references ?? TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new[] { new TensorGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    }

    /// <summary>Every diagnostic of the analyzers, including AD0001 for an analyzer that threw.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(Compilation compilation)
        => compilation
            .WithAnalyzers(Analyzers)
            .GetAnalyzerDiagnosticsAsync();
}
