extern alias GeneratorAssembly;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ShapedTensors.Tests.Shared;
using Xunit;
using TensorGenerator = GeneratorAssembly::ShapedTensors.Generator.TensorGenerator;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Runs the ShapedTensors generator over test sources: builds a compilation from the offline .NET 10 reference
/// assemblies plus the ShapedTensors runtime, drives the generator with step tracking on, and fails the test if
/// the generator threw.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>The assembly name of a test compilation unless <see cref="HarnessOptions.AssemblyName"/> says otherwise.</summary>
    public const string DefaultAssemblyName = "TestAssembly";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(RuntimeAssembly.Location))
            // The runtime's own dependency, which generated interop members name (TensorSpan<T>, Tensor<T>).
            .Append(MetadataReference.CreateFromFile(typeof(System.Numerics.Tensors.TensorSpan<>).Assembly.Location))
            .ToImmutableArray());

    /// <summary>The ShapedTensors runtime assembly the tests (and code they compile and load) share.</summary>
    public static Assembly RuntimeAssembly => typeof(TensorAttribute).Assembly;

    /// <summary>What every test compilation references: the .NET 10 reference assemblies and the runtime.</summary>
    public static ImmutableArray<MetadataReference> DefaultReferences => References.Value;

    /// <summary>Runs the generator over <paramref name="sources"/> compiled as a library.</summary>
    /// <param name="sources">C# files, named <c>Source0.cs</c>, <c>Source1.cs</c>, … in diagnostics.</param>
    public static GeneratorRun Run(params string[] sources) => Run(HarnessOptions.Default, sources);

    /// <summary>Runs the generator over <paramref name="sources"/> compiled as <paramref name="options"/> say.</summary>
    /// <param name="options">Assembly name, output kind, extra references, global options….</param>
    /// <param name="sources">C# files, named <c>Source0.cs</c>, <c>Source1.cs</c>, … in diagnostics.</param>
    public static GeneratorRun Run(HarnessOptions options, params string[] sources) => Run(new TensorGenerator(), options, sources);

    /// <summary>
    /// Runs any incremental generator the way the others run <see cref="TensorGenerator"/> (for the harness's own
    /// tests, with small generators of known behaviour).
    /// </summary>
    /// <param name="generator">The generator.</param>
    /// <param name="options">How to build the compilation.</param>
    /// <param name="sources">C# files.</param>
    public static GeneratorRun Run(IIncrementalGenerator generator, HarnessOptions options, params string[] sources)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(options);
        var compilation = CreateCompilation(options, sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            additionalTexts: null,
            parseOptions: ParseOptions(options),
            optionsProvider: new TestAnalyzerConfigOptionsProvider(options.GlobalOptions),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var run = new GeneratorRun(options, compilation, (CSharpCompilation)output, driver, driver.GetRunResult());
        AssertDidNotThrow(run.RunResult, "The generator");
        return run;
    }

    /// <summary>
    /// Compiles <paramref name="sources"/> (through the generator, as a real project would) into an in-memory
    /// library for another test compilation to reference. Fails the test unless it compiles cleanly.
    /// </summary>
    /// <param name="assemblyName">The library's assembly name (distinct from the referencing one's).</param>
    /// <param name="sources">C# files.</param>
    public static CompiledLibrary CompileLibrary(string assemblyName, params string[] sources)
        => CompileLibrary(HarnessOptions.Default with { AssemblyName = assemblyName }, sources);

    /// <summary>As <see cref="CompileLibrary(string, string[])"/>, with every option given.</summary>
    /// <param name="options">How to build the library (its <see cref="HarnessOptions.OutputKind"/> should stay a library).</param>
    /// <param name="sources">C# files.</param>
    public static CompiledLibrary CompileLibrary(HarnessOptions options, params string[] sources)
    {
        var run = Run(options, sources);
        CompileAssert.AssertCompilesCleanly(run);
        return new CompiledLibrary(run, CompileAssert.Emit(run.OutputCompilation));
    }

    /// <summary>The compilation the generator runs on, before it adds anything.</summary>
    /// <param name="options">How to build it.</param>
    /// <param name="sources">C# files, given the paths <c>Source0.cs</c>, <c>Source1.cs</c>, … (UTF-8, so PDBs can be emitted).</param>
    public static CSharpCompilation CreateCompilation(HarnessOptions options, params string[] sources)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        var parseOptions = ParseOptions(options);
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), parseOptions, path: $"Source{i}.cs"));
        return CSharpCompilation.Create(
            options.AssemblyName,
            trees,
            DefaultReferences.AddRange(options.References),
            new CSharpCompilationOptions(
                options.OutputKind,
                optimizationLevel: options.OptimizationLevel,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));
    }

    /// <summary>The parse options of a test compilation (the generator driver gets the same).</summary>
    /// <param name="options">The options naming the language version and documentation mode.</param>
    public static CSharpParseOptions ParseOptions(HarnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CSharpParseOptions(options.LanguageVersion, options.DocumentationMode);
    }

    /// <summary>Fails the test if any generator of the run threw, showing each exception in full.</summary>
    /// <param name="result">A driver's run result.</param>
    /// <param name="what">Names the run in the message.</param>
    internal static void AssertDidNotThrow(GeneratorDriverRunResult result, string what)
    {
        var thrown = result.Results.Where(r => r.Exception is not null).ToList();
        if (thrown.Count > 0)
        {
            Assert.Fail($"{what} threw:\n" + string.Join("\n\n", thrown.Select(r => $"{r.Generator.GetGeneratorType().FullName}: {r.Exception}")));
        }
    }
}
