extern alias GeneratorAssembly;

using System.Linq;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShapedTensors.Generator.Tests.Support;
using TensorGenerator = GeneratorAssembly::ShapedTensors.Generator.TensorGenerator;

namespace ShapedTensors.GeneratorBenchmarks;

/// <summary>
/// Generation of the synthetic project: from scratch (a build), and incrementally after an edit inside one
/// method body (a keystroke in the IDE), both one that changes no call and one that changes a call.
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaleBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _commentEdit = null!;
    private CSharpCompilation _callEdit = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = SyntheticProject.Sources().Select((text, i) => CSharpSyntaxTree.ParseText(text, parse, path: $"Source{i}.cs")).ToArray();
        var references = Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TensorAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(System.Numerics.Tensors.TensorSpan<>).Assembly.Location));
        _compilation = CSharpCompilation.Create("Synthetic", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _commentEdit = Replace(_compilation, SyntheticProject.EditedCall, SyntheticProject.EditedCallWithComment);
        _callEdit = Replace(_compilation, SyntheticProject.EditedCall, SyntheticProject.ChangedCall);
    }

    /// <summary>A driver that has already generated the unedited project, as after a build.</summary>
    [IterationSetup(Targets = new[] { nameof(EditWithoutChangingACall), nameof(EditChangingOneCall) })]
    public void WarmUpDriver() => _warmDriver = NewDriver().RunGenerators(_compilation);

    [Benchmark(Baseline = true, Description = "Full generation (200 types, 2,000 calls)")]
    public GeneratorDriver FullGeneration() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "After an edit in one method body (no call changed)")]
    [InvocationCount(1)]
    public GeneratorDriver EditWithoutChangingACall() => _warmDriver.RunGenerators(_commentEdit);

    [Benchmark(Description = "After an edit that changes one call")]
    [InvocationCount(1)]
    public GeneratorDriver EditChangingOneCall() => _warmDriver.RunGenerators(_callEdit);

    private static CSharpGeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new TensorGenerator().AsSourceGenerator() },
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static CSharpCompilation Replace(CSharpCompilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains(oldText, System.StringComparison.Ordinal));
        var text = tree.ToString().Replace(oldText, newText, System.StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
    }
}
