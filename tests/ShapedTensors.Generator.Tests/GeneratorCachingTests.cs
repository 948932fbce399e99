extern alias GeneratorAssembly;

using System.Linq;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Tests.Support;
using Xunit;
using TrackingNames = GeneratorAssembly::ShapedTensors.Generator.TrackingNames;

namespace ShapedTensors.Generator.Tests;

/// <summary>The generator regenerates only what an edit changes.</summary>
public sealed class GeneratorCachingTests
{
    private const string Types = """
        using ShapedTensors;

        namespace App;

        [Tensor(3, 4)] public partial struct A;
        [Tensor(4, 5)] public partial struct B;
        [Tensor(5, 2)] public partial class C;
        """;

    private const string Calls = """
        using ShapedTensors;

        namespace App;

        public static class Model
        {
            public static float Run()
            {
                var z = A.Ones().Dot(B.Ones());
                var y = z.MatMul(C.Ones());
                return y[0, 0];
            }

            public static int Unrelated(int a)
            {
                return a * 2;
            }
        }
        """;

    [Fact]
    public void An_edit_in_an_unrelated_method_leaves_every_output_cached()
    {
        var run = GeneratorHarness.Run(Types, Calls);
        Assert.NotEmpty(run.GeneratedSources);

        CachingAssert.AssertEditKeepsOutputsCached(run, c => CompilationEdits.ReplaceText(c, "return a * 2;", "return a + a + 0;"));
    }

    [Fact]
    public void An_edit_beside_the_calls_leaves_every_output_cached()
    {
        var run = GeneratorHarness.Run(Types, Calls);

        CachingAssert.AssertEditKeepsOutputsCached(run, c => CompilationEdits.ReplaceText(c, "return y[0, 0];", "var unused = 1;\n        return y[0, unused];"));
    }

    [Fact]
    public void A_new_file_without_tensors_leaves_every_output_cached()
    {
        var run = GeneratorHarness.Run(Types, Calls);

        CachingAssert.AssertEditKeepsOutputsCached(run, c => CompilationEdits.AddSource(c, "namespace App; public static class Other { public static int One() => 1; }"));
    }

    [Fact]
    public void Changing_a_call_regenerates_its_outputs_only()
    {
        var run = GeneratorHarness.Run(Types, Calls);
        var edited = run.Driver.RunGenerators(CompilationEdits.ReplaceText(run.InputCompilation, "z.MatMul(C.Ones())", "z.MatMul(C.Ones()).MatMul(C.Ones(), transposeB: true)")).GetRunResult();
        var outputs = edited.Results[0].TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).ToList();

        // The declarations and the first call's kernel and result type are reused; only what the new calls need is new.
        Assert.Contains(outputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(outputs, o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        var declarationOutputs = edited.Results[0].TrackedSteps[TrackingNames.Declarations].SelectMany(step => step.Outputs);
        Assert.All(declarationOutputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private const string OperationCalls = """
        using ShapedTensors;

        namespace App;

        public static class Layer
        {
            public static float Run()
            {
                var h = A.Ones().Dot(B.Ones()).Relu();
                var s = h.Softmax().Sum(1);
                return s[0] + Count(3);
            }

            public static int Count(int n)
            {
                return n + 1;
            }
        }
        """;

    [Fact]
    public void An_edit_beside_operation_calls_leaves_every_output_cached()
    {
        var run = GeneratorHarness.Run(Types, OperationCalls);
        Assert.Contains(run.GeneratedSources.Keys, name => name.Contains("Float32_3.g.cs", System.StringComparison.Ordinal));

        CachingAssert.AssertEditKeepsOutputsCached(run, c => CompilationEdits.ReplaceText(c, "return n + 1;", "return n + n - 1 + 2;"));
    }

    [Fact]
    public void Changing_an_operation_call_regenerates_what_it_owns_only()
    {
        var run = GeneratorHarness.Run(Types, OperationCalls);
        var edited = run.Driver.RunGenerators(CompilationEdits.ReplaceText(run.InputCompilation, "h.Softmax().Sum(1)", "h.Softmax().Sum(0)")).GetRunResult();
        var result = edited.Results[0];

        // The Relu call and the declarations are untouched; the Sum call's result type (5,) replaces (3,).
        Assert.All(result.TrackedSteps[TrackingNames.Declarations].SelectMany(step => step.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains(result.GeneratedSources, source => source.HintName.EndsWith("Float32_5.g.cs", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratedSources, source => source.HintName.EndsWith("Float32_3.g.cs", System.StringComparison.Ordinal));
        // h's canonical type (3, 5), owned by an unchanged call, is reused.
        var canonical = result.TrackedSteps[TrackingNames.CanonicalTypes].SelectMany(step => step.Outputs).ToList();
        Assert.Contains(canonical, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }
}
