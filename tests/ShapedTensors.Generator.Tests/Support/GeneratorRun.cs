using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// One run of the generator: what it was given, what it produced, and the driver that holds its state (for
/// running again to check caching).
/// </summary>
public sealed class GeneratorRun
{
    internal GeneratorRun(HarnessOptions options, CSharpCompilation input, CSharpCompilation output, GeneratorDriver driver, GeneratorDriverRunResult runResult)
    {
        Options = options;
        InputCompilation = input;
        OutputCompilation = output;
        Driver = driver;
        RunResult = runResult;
        GeneratedSources = runResult.Results
            .SelectMany(r => r.GeneratedSources)
            .ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        GeneratedFilePaths = runResult.GeneratedTrees.Select(t => t.FilePath).ToImmutableHashSet(StringComparer.Ordinal);
        GeneratorDiagnostics = runResult.Diagnostics;
        Exceptions = runResult.Results.Select(r => r.Exception).OfType<Exception>().ToImmutableArray();
    }

    /// <summary>The options the compilation was built with.</summary>
    public HarnessOptions Options { get; }

    /// <summary>The test sources' compilation, before the generator ran.</summary>
    public CSharpCompilation InputCompilation { get; }

    /// <summary>The compilation with the generated files added.</summary>
    public CSharpCompilation OutputCompilation { get; }

    /// <summary>The driver after this run; run it again on another compilation to see what it reuses.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The driver's full result, with the tracked incremental steps.</summary>
    public GeneratorDriverRunResult RunResult { get; }

    /// <summary>The generated files: hint name → text, ordered by hint name (ordinal).</summary>
    public ImmutableSortedDictionary<string, string> GeneratedSources { get; }

    /// <summary>The generated syntax trees' file paths, to tell generated code from test sources in diagnostics.</summary>
    public ImmutableHashSet<string> GeneratedFilePaths { get; }

    /// <summary>Diagnostics the generator itself reported (the analyzers, not the generator, should report shape errors).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Exceptions the generator threw (always empty on a run the harness returned, since it fails the test first).</summary>
    public ImmutableArray<Exception> Exceptions { get; }

    /// <summary>The text of one generated file; fails the test, listing the generated files, if there is none of that name.</summary>
    /// <param name="hintName">The hint name, e.g. <c>MyApp.W.g.cs</c>.</param>
    public string Source(string hintName)
    {
        if (!GeneratedSources.TryGetValue(hintName, out var text))
        {
            Assert.Fail($"No generated file '{hintName}'. Generated: {(GeneratedSources.Count == 0 ? "(none)" : string.Join(", ", GeneratedSources.Keys))}");
        }

        return text;
    }

    /// <summary>Whether <paramref name="tree"/> is one the generator added.</summary>
    /// <param name="tree">A tree of <see cref="OutputCompilation"/>.</param>
    public bool IsGenerated(SyntaxTree? tree) => tree is not null && GeneratedFilePaths.Contains(tree.FilePath);

    /// <summary>The tracked steps of the (single) generator, by step name.</summary>
    public ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> TrackedSteps => RunResult.Results[0].TrackedSteps;

    /// <summary>The tracked output steps (<c>SourceOutput</c>, <c>ImplementationSourceOutput</c>) of the generator.</summary>
    public ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> TrackedOutputSteps => RunResult.Results[0].TrackedOutputSteps;

    /// <inheritdoc/>
    public override string ToString()
        => $"{InputCompilation.AssemblyName}: {GeneratedSources.Count} generated file(s){(GeneratedSources.Count == 0 ? string.Empty : ": " + string.Join(", ", GeneratedSources.Keys))}";
}
