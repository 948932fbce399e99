extern alias analyzers;
extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using generator::ShapedTensors.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Analyzers.Tests.Support;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Every C# snippet of README.md and docs/ compiles as a user would paste it into <c>Program.cs</c> of a new console
/// app (implicit usings, nullable on, the package's generator and analyzers), with exactly the diagnostics its comments
/// show and nothing else; every XML snippet is well-formed. (The package tests also build the README's quick start
/// with <c>dotnet build</c>, from the package.) Conventions: <see cref="MarkdownSnippets"/>.
/// </summary>
public sealed class DocSnippetTests
{
    // What `dotnet new console` imports (ImplicitUsings).
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<List<MarkdownSnippet>> Snippets = new(() => MarkdownSnippets.All(RepositoryRoot.Path));

    public static TheoryData<string> CSharp => new(Snippets.Value.Where(s => s.Language == "csharp").Select(s => s.Id));

    public static TheoryData<string> Xml => new(Snippets.Value.Where(s => s.Language == "xml").Select(s => s.Id));

    [Fact]
    public void The_snippets_are_found()
    {
        Assert.True(Snippets.Value.Count(s => s.Language == "csharp") >= 20, "Fewer C# snippets than expected: is the reader broken?");
        Assert.Contains(Snippets.Value, s => s.File == "README.md" && s.Code.Contains("W.Random(seed: 1)", StringComparison.Ordinal));
        Assert.All(Snippets.Value, s => Assert.Contains(s.Language, new[] { "csharp", "xml", "sh", "text" }));
    }

    [Theory]
    [MemberData(nameof(CSharp))]
    public async Task A_csharp_snippet_compiles_with_exactly_the_diagnostics_it_shows(string id)
    {
        var snippet = Snippets.Value.Single(s => s.Id == id);
        var references = new List<MetadataReference>(TestReferences.All);
        if (snippet.References is { } library)
        {
            var dependency = Snippets.Value.Single(s => s.File == snippet.File && s.LibraryName == library);
            var (compiled, dependencyDiagnostics) = await CompileAsync(dependency, TestReferences.All);
            Assert.True(dependencyDiagnostics.Count == 0, $"{dependency.Id}, which {id} references, does not compile cleanly:\n" + string.Join("\n", dependencyDiagnostics));
            references.Add(Emit(compiled));
        }

        var (_, diagnostics) = await CompileAsync(snippet, references);

        var actual = diagnostics.Select(d => (Line: d.Location.IsInSource ? d.Location.GetLineSpan().StartLinePosition.Line + 1 : 0, d.Id, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Text: d.ToString())).ToList();
        var expected = MarkdownSnippets.ExpectedDiagnostics(snippet.Code);
        var missing = expected.Where(e => !actual.Any(a => a.Line == e.Line && a.Id == e.Id && a.Message == e.Message)).ToList();
        var unexpected = actual.Where(a => !expected.Any(e => a.Line == e.Line && a.Id == e.Id && a.Message == e.Message)).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"{id}:\n" + string.Join("\n", missing.Select(m => $"  shown but not reported, line {m.Line}: {m.Id}: {m.Message}"))
            + "\n" + string.Join("\n", unexpected.Select(u => "  reported but not shown: " + u.Text))
            + "\n--- snippet ---\n" + Numbered(snippet.Code));
    }

    [Theory]
    [MemberData(nameof(Xml))]
    public void An_xml_snippet_is_well_formed(string id)
    {
        var snippet = Snippets.Value.Single(s => s.Id == id);
        var exception = Record.Exception(() => XDocument.Parse(snippet.Code));
        Assert.True(exception is null, $"{id} is not well-formed XML: {exception?.Message}\n{snippet.Code}");
    }

    // The snippet as Program.cs (a console app when it has top-level statements, else a library), through the generator
    // and every analyzer: the errors and warnings of both, generated files included.
    private static async Task<(Compilation Compilation, List<Diagnostic> Diagnostics)> CompileAsync(MarkdownSnippet snippet, IEnumerable<MetadataReference> references)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var program = CSharpSyntaxTree.ParseText(snippet.Code, parseOptions, path: "Program.cs");
        var hasStatements = program.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            snippet.LibraryName ?? "MyApp",
            new[] { program, CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "GlobalUsings.g.cs") },
            references,
            new CSharpCompilationOptions(
                hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999));
        var options = new TestAnalyzerConfigOptionsProvider(ImmutableDictionary.CreateRange(snippet.Properties));
        CSharpGeneratorDriver.Create(new[] { new TensorGenerator().AsSourceGenerator() }, parseOptions: parseOptions, optionsProvider: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzed = output.WithAnalyzers(DirectCompilation.Analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options));
        var diagnostics = generatorDiagnostics
            .Concat(await analyzed.GetAllDiagnosticsAsync())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        return (output, diagnostics);
    }

    private static PortableExecutableReference Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static string Numbered(string code)
        => string.Join("\n", code.Split('\n').Select((line, i) => $"{i + 1,3}: {line}"));
}
