using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// What users may legally write that the generator must live with: names that differ only in case, keywords as
/// names, their own versions of generated members, types where generated files go. The generator never throws
/// (the harness fails the test if it does) and never emits code that fails to compile because of them.
/// </summary>
public sealed class UserCodeTests
{
    [Fact]
    public void Types_whose_names_differ_only_in_case_get_files_of_their_own()
    {
        // Roslyn compares hint names without regard to case: one file name for both would fail the whole generator.
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace App
            {
                [Tensor(2, 3)] public partial struct Wa;
                [Tensor(3, 4)] public partial struct WA;
            }
            namespace app
            {
                public static class Calls { public static object Run() => App.Wa.Ones().Dot(App.WA.Ones()); }
            }
            namespace APP
            {
                public static class Calls { public static object Run() => App.Wa.Ones().Dot(App.WA.Ones()); }
            }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Contains("App.WA.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("App.Wa.2.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("APP.GeneratedTensorOperations.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("app.GeneratedTensorOperations.2.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void Locals_deconstructed_from_a_tuple_of_generated_calls_have_their_elements_shapes()
    {
        // W1.Random() exists only in the generator's output, so in its view the tuple has no type: each local takes
        // its own element's shape, in both spellings of a deconstruction.
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace App
            {
                [Tensor(4, 8)] public partial struct X;
                [Tensor(8, 6)] public partial struct W1;
                [Tensor(6)] public partial struct B1;
                public static class Calls
                {
                    public static object Run()
                    {
                        var (x, w1) = (X.Random(seed: 1), W1.Random(seed: 2));
                        (var b1, var h) = (B1.Ones(), x.MatMul(w1));
                        return h.Add(b1).Relu();
                    }
                }
            }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        var operations = run.GeneratedSources["App.GeneratedTensorOperations.g.cs"];
        Assert.Contains("Float32_4x6 MatMul(this global::App.X x, global::App.W1 y", operations, StringComparison.Ordinal);
        Assert.Contains("Float32_4x6 Add(this global::ShapedTensors.Generated.TestAssembly.Float32_4x6 x, global::App.B1 y", operations, StringComparison.Ordinal);
        Assert.Contains("Float32_4x6 Relu(this global::ShapedTensors.Generated.TestAssembly.Float32_4x6 x", operations, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_declared_where_generated_types_go_does_not_break_the_generator()
    {
        // The analyzer reports the declaration (ST0110); the generator still extends every other type.
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace ShapedTensors.Generated.TestAssembly
            {
                [Tensor(3, 5)] public partial struct Float32_3x5;
                public partial class Kernels { [Tensor(2)] public partial struct Dot_F32_3x4_4x5; }
            }
            namespace App
            {
                [Tensor(3, 4)] public partial struct A;
                [Tensor(4, 5)] public partial struct B;
                [Tensor(2, 2)] public partial struct GeneratedTensorOperations;
                public static class Calls { public static object Run() => new A().Dot(new B()); }
            }
            """);

        Assert.Contains("App.A.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("App.B.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("ShapedTensors.Generated.TestAssembly.Float32_3x5.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("ShapedTensors.Generated.TestAssembly.Float32_3x5.2.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("ShapedTensors.Generated.TestAssembly.Kernels.Dot_F32_3x4_4x5.2.g.cs", run.GeneratedSources.Keys);
        Assert.Contains("App.GeneratedTensorOperations.2.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void Keywords_used_as_names_are_escaped()
    {
        var run = GeneratorHarness.Run(HarnessOptions.Default with { AssemblyName = "My.class" }, """
            using ShapedTensors;
            namespace App.@class
            {
                [Tensor(2, 2)] public partial struct @event;
                [Tensor(2, 2)] public partial class @object;
                public static partial class @static { [Tensor(2, 3)] public partial struct @int; }
                public static class Calls
                {
                    public static object Run() => new @event().Dot(new @static.@int()).MatMul(new @static.@int(), transposeB: true);
                }
            }
            """);

        // The all-lowercase names draw CS8981 in the test's own source; nothing in the generated files.
        AssertNoErrorsAndNothingInGeneratedCode(run);
        Assert.Contains("partial struct @event", run.Source("App.class.event.g.cs"), StringComparison.Ordinal);
        Assert.Contains("namespace ShapedTensors.Generated.My._class", run.Source("ShapedTensors.Generated.My._class.Float32_2x2.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Members_the_user_wrote_win_over_the_generated_ones()
    {
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace App;
            [Tensor(2, 2)] public partial struct M
            {
                public override string ToString() => "mine";
                public override bool Equals(object? obj) => obj is M other && Equals(other);
                public override int GetHashCode() => 1;
                public bool Equals(M other) => true;
                public static bool operator ==(M left, M right) => true;
                public static bool operator !=(M left, M right) => false;
                public static M Zeros() => new();
                public static M FromArray(float[] elements) => Wrap(elements);
                public float this[int i, int j] => 0;
                public string Random => "a property of a generated method's name";
            }
            public static class Calls { public static string Run() => M.Ones().Dot(M.Zeros()).ToString() + M.Ones(); }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        var generated = run.Source("App.M.g.cs");
        foreach (var left in new[] { "ToString()", "Equals(object?", "GetHashCode()", "Equals(M other)", "operator ==", "operator !=", " Zeros()", " FromArray(", "this[int i0, int i1]", " Random(" })
        {
            Assert.DoesNotContain(left, generated, StringComparison.Ordinal);
        }

        Assert.Contains(" Ones()", generated, StringComparison.Ordinal);
        Assert.Equal("[[0. 0.]\n [0. 0.]]mine", RunProgram.Invoke(run, "App.Calls", "Run"));
    }

    [Theory]
    [InlineData("public int Length => 3;")]
    [InlineData("public static ShapedTensors.Shape Shape => new(2, 2);")]
    [InlineData("public int Dim1() => 2;")]
    [InlineData("private float[]? _elements;")]
    [InlineData("public M() { }")]
    [InlineData("private M(float[] elements) { }")]
    [InlineData("public static M Wrap(float[] elements) => default;")]
    [InlineData("public System.Span<float> AsSpan() => default;")]
    [InlineData("public int Offset(int i, int j) => 0;")]
    [InlineData("public string As => \"\";")]
    public void A_user_member_the_generated_code_relies_on_keeps_the_type_from_being_extended(string member)
    {
        // The analyzer reports it (ST0109); the generator emits nothing for the type, and no call on it is specialized.
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            namespace App;
            [Tensor(2, 2)] public partial struct M { {{member}} }
            public static class Calls { public static object Run() => new M().Dot(new M()); }
            """);

        Assert.DoesNotContain(run.GeneratedSources.Keys, key => key.StartsWith("App.", StringComparison.Ordinal));
        AssertNothingInGeneratedCode(run);
    }

    [Theory]
    [InlineData("public int Offset(int i) => 0;")]
    [InlineData("public static M Wrap(float[] elements, int start) => default;")]
    [InlineData("public M(int seed) : this() { }")]
    [InlineData("public int Dim2 => 7;")]
    public void A_user_member_that_only_shares_a_name_is_fine(string member)
    {
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            namespace App;
            [Tensor(2, 2)] public partial struct M { {{member}} }
            public static class Calls { public static object Run() => new M().Dot(new M()); }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Contains("App.M.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void Members_the_user_wrote_win_in_a_type_with_sizes_known_at_run_time()
    {
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace App;
            [Tensor("batch", "n", 4)] public partial struct P
            {
                public int Batch => 7;
                public string N() => "a method where the size property would be";
                public static P Zeros(int batch, int n) => Ones(batch, n);
                public override string ToString() => "mine";
                public TOther As<TOther>() where TOther : IShapedTensor<TOther, float> => default!;
            }
            public static class Calls { public static string Run() => P.Zeros(2, 3).ToString() + P.Ones(2, 3).Batch + P.Ones(2, 3).Shape; }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        var generated = run.Source("App.P.g.cs");
        foreach (var left in new[] { " Batch =>", " N =>", " Zeros(int batch, int n)", "ToString()", " As<TOther>" })
        {
            Assert.DoesNotContain(left, generated, StringComparison.Ordinal);
        }

        Assert.Equal("mine7(2, 3, 4)", RunProgram.Invoke(run, "App.Calls", "Run"));
    }

    [Theory]
    [InlineData("public static int StaticShape => 1;")]
    [InlineData("private ShapedTensors.Shape? _shape;")]
    [InlineData("public int Dim1 => 784;")]
    [InlineData("public static P Wrap(float[] elements, ShapedTensors.Shape shape) => default;")]
    [InlineData("private P(float[] elements, ShapedTensors.Shape shape) { }")]
    [InlineData("public ShapedTensors.Shape Shape => new(1, 784);")]
    public void A_user_member_generated_code_relies_on_keeps_a_type_with_sizes_known_at_run_time_from_being_extended(string member)
    {
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            namespace App;
            [Tensor("batch", 784)] public partial struct P { {{member}} }
            """);

        Assert.DoesNotContain(run.GeneratedSources.Keys, key => key.StartsWith("App.", StringComparison.Ordinal));
        AssertNothingInGeneratedCode(run);
    }

    [Theory]
    [InlineData("public int Dim0 => 3;")] // axis 0 is named: no Dim0 constant
    [InlineData("public P() { }")] // no parameterless constructor is generated
    [InlineData("public static P Wrap(float[] elements) => default;")] // the length-inferring Wrap, which nothing relies on
    public void A_user_member_that_only_shares_a_name_is_fine_in_a_type_with_sizes_known_at_run_time(string member)
    {
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            namespace App;
            [Tensor("batch", 784)] public partial struct P { {{member}} }
            """);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Contains("App.P.g.cs", run.GeneratedSources.Keys);
    }

    private static void AssertNoErrorsAndNothingInGeneratedCode(GeneratorRun run)
    {
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        AssertNothingInGeneratedCode(run);
    }

    private static void AssertNothingInGeneratedCode(GeneratorRun run)
    {
        var inGenerated = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && run.IsGenerated(d.Location.SourceTree))
            .ToList();
        Assert.True(inGenerated.Count == 0, string.Join("\n", inGenerated));
    }
}
