extern alias analyzers;
extern alias generator;

using System;
using System.Collections.Generic;
using generator::ShapedTensors.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>
/// A test compilation as a user's project sees it: the runtime referenced, the generator running (so calls
/// bind to specialized overloads or fallbacks exactly as they would), both analyzers, and the code fixes the
/// test names. References come from Basic.Reference.Assemblies: nothing is downloaded.
/// </summary>
internal sealed class ShapedTensorsTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    private readonly CodeFixProvider[] _fixes;
    private readonly bool _runGenerator;

    public ShapedTensorsTest(params CodeFixProvider[] fixes)
        : this(runGenerator: true, fixes)
    {
    }

    public ShapedTensorsTest(bool runGenerator, params CodeFixProvider[] fixes)
    {
        _fixes = fixes;
        _runGenerator = runGenerator;

        // A ReferenceAssemblies with no package resolves to nothing; the real references are added below.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        FixedState.AdditionalReferences.AddRange(TestReferences.All);

        // The generator's output is not what these tests are about (the generator's own tests snapshot it).
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>The project's <c>ShapedTensorsBatchDot</c> (null: not set, the default).</summary>
    public string? BatchDotSetting { get; init; }

    /// <summary>
    /// Whether ST0008 (another result under the other batch_dot) is reported. Off unless a test asks: most are about
    /// other rules, and ST0008 would follow every rank-4 BatchDot in them.
    /// </summary>
    public bool ReportSemanticsDivergence { get; init; }

    protected override System.Threading.Tasks.Task RunImplAsync(System.Threading.CancellationToken cancellationToken)
    {
        // Small kernels compile faster; the unrolling is not what these tests are about either. A test that gives
        // its own analyzer config (the settings tests) gets exactly that.
        if (TestState.AnalyzerConfigFiles.Count == 0)
        {
            var config = "is_global = true\nbuild_property.ShapedTensorsUnrollBudget = 8\n"
                + (BatchDotSetting is { } setting ? $"build_property.ShapedTensorsBatchDot = {setting}\n" : string.Empty)
                + (ReportSemanticsDivergence ? string.Empty : "dotnet_diagnostic.ST0008.severity = none\n");
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));

            // A fixed state that inherits nothing (a code fix's expected source) needs the same config.
            if (FixedState.InheritanceMode == StateInheritanceMode.Explicit)
            {
                FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
            }
        }

        return base.RunImplAsync(cancellationToken);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
        => DirectCompilation.Analyzers;

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => _fixes;

    protected override IEnumerable<Type> GetSourceGenerators() => _runGenerator ? new[] { typeof(TensorGenerator) } : Array.Empty<Type>();

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
