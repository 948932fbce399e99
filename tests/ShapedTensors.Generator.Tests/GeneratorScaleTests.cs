extern alias GeneratorAssembly;

using System;
using System.Linq;
using GeneratorAssembly::ShapedTensors.Generator.Model;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// The synthetic 200-type, 2,000-call project: the output compiles, and an edit inside one method body
/// regenerates nothing (or, when it changes the call, only what that call needs). Timings are measured by
/// benchmarks/ShapedTensors.GeneratorBenchmarks, not here.
/// </summary>
public sealed class GeneratorScaleTests
{
    [Fact]
    public void The_synthetic_project_compiles_and_reuses_every_output_after_an_unrelated_edit()
    {
        var run = GeneratorHarness.Run(SyntheticProject.Sources());
        CompileAssert.AssertCompilesCleanly(run);

        CachingAssert.AssertEditKeepsOutputsCached(run, c => CompilationEdits.ReplaceText(c, SyntheticProject.EditedCall, SyntheticProject.EditedCallWithComment));
    }

    [Fact]
    public void Arithmetic_on_numbers_makes_no_operation_calls()
    {
        // Operators are everywhere: 2,000 of them on numbers are candidates (or not even that: 1 + 2) and none becomes a
        // call model; the transform bails out after looking up the operands' names.
        var body = string.Concat(Enumerable.Range(0, 500).Select(i => $"        n = (n + {i}) * 2 - i / 3;\n        n = -n + 1 + 2;\n"));
        var source = $$"""
            namespace Numbers;

            public static class Arithmetic
            {
                public static int Run(int i)
                {
                    var n = 0;
            {{body}}        return n;
                }
            }
            """;
        var run = GeneratorHarness.Run(SyntheticProject.Sources().Append(source).ToArray());

        var steps = run.RunResult.Results[0].TrackedSteps;
        Assert.True(
            !steps.TryGetValue(GeneratorAssembly::ShapedTensors.Generator.TrackingNames.OperationSites, out var sites) || !sites.SelectMany(step => step.Outputs).Any(),
            "arithmetic on numbers became operation calls");
    }

    [Fact]
    public void Changing_one_call_regenerates_only_what_that_call_needs()
    {
        var run = GeneratorHarness.Run(SyntheticProject.Sources());
        var edited = run.Driver.RunGenerators(CompilationEdits.ReplaceText(run.InputCompilation, SyntheticProject.EditedCall, SyntheticProject.ChangedCall)).GetRunResult();

        var regenerated = edited.Results[0].TrackedOutputSteps
            .SelectMany(pair => pair.Value)
            .Where(step => step.Outputs.Any(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified))
            .SelectMany(step => step.Inputs)
            .Select(input => Describe(input.Source.Outputs[input.OutputIndex].Value))
            .ToList();

        // The new kernel, the new result type, and the operations file of the edited call's namespace.
        Assert.True(regenerated.Count <= 3, "regenerated:\n" + string.Join("\n", regenerated));
        // The edit adds transposeB to a small MatMul: a plan of its own (strided y), so a kernel of its own.
        Assert.Contains(regenerated, r => r.StartsWith("kernel Product_", StringComparison.Ordinal) && r.Contains("_S", StringComparison.Ordinal));
        var total = edited.Results[0].GeneratedSources.Length;
        Assert.True(total > SyntheticProject.TypeCount, $"the project should generate hundreds of files, but generated {total}");
    }

    // The model a source output step received, named by what it emits.
    private static string Describe(object value) => value switch
    {
        ValueTuple<KernelModel, KernelSettings> kernel => "kernel " + kernel.Item1.Name,
        CanonicalTypeModel canonical => "type " + canonical.Type.Name,
        OperationsModel operations => "operations of " + operations.Namespace,
        _ => value.ToString() ?? "?",
    };
}
