using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// How <see cref="GeneratorHarness"/> builds a test compilation. Every property has a default that suits a
/// plain same-assembly test; change one with a <c>with</c> expression or a <c>With…</c> helper:
/// <code>GeneratorHarness.Run(HarnessOptions.Default.WithReference(lib.Reference) with { AssemblyName = "App" }, source)</code>
/// </summary>
public sealed record HarnessOptions
{
    /// <summary>The options of a plain test: a library named <see cref="GeneratorHarness.DefaultAssemblyName"/>.</summary>
    public static HarnessOptions Default { get; } = new();

    /// <summary>The compiled assembly's name (the generator derives its generated namespace from it).</summary>
    public string AssemblyName { get; init; } = GeneratorHarness.DefaultAssemblyName;

    /// <summary>A library by default; <see cref="OutputKind.ConsoleApplication"/> for top-level programs.</summary>
    public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Preview by default, so tests see what the newest SDK allows.</summary>
    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Preview;

    /// <summary>Release by default, so compile-and-run tests time the kernels as users get them.</summary>
    public OptimizationLevel OptimizationLevel { get; init; } = OptimizationLevel.Release;

    /// <summary>
    /// <see cref="DocumentationMode.Diagnose"/> by default, as in a project with <c>GenerateDocumentationFile</c>:
    /// malformed XML docs in generated code are warnings. (A missing doc comment, CS1591, counts only in generated
    /// files; see <see cref="CompileAssert.AssertCompilesCleanly"/>.)
    /// </summary>
    public DocumentationMode DocumentationMode { get; init; } = DocumentationMode.Diagnose;

    /// <summary>
    /// Extra references beyond the .NET 10 reference assemblies and the ShapedTensors runtime, e.g. a
    /// <see cref="CompiledLibrary.Reference"/> for cross-assembly tests.
    /// </summary>
    public ImmutableArray<MetadataReference> References { get; init; } = ImmutableArray<MetadataReference>.Empty;

    /// <summary>
    /// Global analyzer-config options as the generator sees them, keyed as MSBuild passes them
    /// (<c>build_property.ShapedTensorsUnrollBudget</c>); see <see cref="WithBuildProperty"/>.
    /// </summary>
    public ImmutableDictionary<string, string> GlobalOptions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>These options plus one more reference.</summary>
    /// <param name="reference">The reference to add.</param>
    public HarnessOptions WithReference(MetadataReference reference) => this with { References = References.Add(reference) };

    /// <summary>These options plus more references.</summary>
    /// <param name="references">The references to add.</param>
    public HarnessOptions WithReferences(IEnumerable<MetadataReference> references) => this with { References = References.AddRange(references) };

    /// <summary>These options with an MSBuild property visible to the generator (<c>build_property.{name}</c>).</summary>
    /// <param name="name">The property name, e.g. <c>ShapedTensorsUnrollBudget</c>.</param>
    /// <param name="value">Its value.</param>
    public HarnessOptions WithBuildProperty(string name, string value) => this with { GlobalOptions = GlobalOptions.SetItem("build_property." + name, value) };
}
