using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Tests.Support;
using Xunit;

namespace ShapedTensors.Generator.Tests;

/// <summary>
/// Odd or broken user code: the generator never throws (the harness fails the test if it does), emits nothing
/// for what it cannot extend, and whatever it emits compiles; the user's own errors stay the user's.
/// </summary>
public sealed class OddInputTests
{
    [Theory]
    [InlineData("[Tensor] public partial struct NoDims;")]
    [InlineData("[Tensor(0, 3)] public partial struct ZeroDim;")]
    [InlineData("[Tensor(-2)] public partial struct NegativeDim;")]
    [InlineData("[Tensor(100000, 100000)] public partial struct TooManyElements;")]
    [InlineData("[Tensor(int.MaxValue, int.MaxValue, int.MaxValue)] public partial struct Overflowing;")]
    [InlineData("[Tensor<int>(3)] public partial struct IntElements;")]
    [InlineData("[Tensor(3)] public struct NotPartial;")]
    [InlineData("[Tensor(3)] public partial struct Generic<T>;")]
    [InlineData("[Tensor(3)] public partial record struct Record;")]
    [InlineData("[Tensor(3)] public static partial class Static;")]
    [InlineData("[Tensor(3)] public abstract partial class Abstract;")]
    [InlineData("[Tensor(3)] public ref partial struct RefStruct;")]
    [InlineData("[Tensor(3)] file partial struct FileLocal;")]
    [InlineData("public class NotPartialOuter { [Tensor(3)] public partial struct Inner; }")]
    [InlineData("[Tensor(N)] public partial struct NotConstant { const int N = 3; }")]
    [InlineData("[Tensor(\"batch\", 3)] public partial struct Symbolic;")]
    [InlineData("[Tensor(3, 4] public partial struct SyntaxError;")]
    [InlineData("[Tensor(3)] [Tensor(4)] public partial struct Twice;")]
    [InlineData("[Tensor(3)] [Tensor<double>(3)] public partial struct BothAttributes;")]
    public void Bad_declarations_emit_nothing_that_fails_to_compile(string declaration)
    {
        var run = GeneratorHarness.Run("using ShapedTensors;\nnamespace App;\n" + declaration);

        AssertGeneratedCodeHasNoErrors(run);
    }

    [Theory]
    [InlineData("shape")]
    [InlineData("Shape")]
    [InlineData("staticShape")]
    [InlineData("length")]
    [InlineData("rank")]
    [InlineData("dim0")]
    [InlineData("dim7")]
    [InlineData("Dim1")]
    [InlineData("elements")]
    [InlineData("_elements")]
    [InlineData("_shape")]
    [InlineData("offset")]
    [InlineData("zeros")]
    [InlineData("wrap")]
    [InlineData("item")]
    [InlineData("equals")]
    [InlineData("toString")]
    [InlineData("getType")]
    [InlineData("memberwiseClone")]
    [InlineData("referenceEquals")]
    [InlineData("finalize")]
    [InlineData("seed")]
    [InlineData("valueAt")]
    public void A_dimension_name_that_would_clash_with_a_member_keeps_the_type_from_being_extended(string name)
    {
        // The analyzer reports it; the generator emits nothing for the type.
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            namespace App;
            [Tensor("{{name}}", 3)] public partial struct Clash;
            [Tensor<double>("{{name}}", "?")] public partial class ClashingClass;
            """);

        Assert.DoesNotContain(run.GeneratedSources.Keys, key => key.StartsWith("App.", StringComparison.Ordinal));
        AssertGeneratedCodeHasNoErrors(run);
    }

    [Fact]
    public void Two_names_differing_only_in_the_first_letters_case_or_a_name_like_the_type_keep_it_from_being_extended()
    {
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace App;
            [Tensor("batch", "Batch")] public partial struct Clash;
            [Tensor("input", 784)] public partial struct Input;
            [Tensor("batch", "bATCH")] public partial struct Fine;
            """);

        Assert.Equal(["App.Fine.g.cs"], run.GeneratedSources.Keys.Where(key => key.StartsWith("App.", StringComparison.Ordinal)));
        AssertGeneratedCodeHasNoErrors(run);
    }

    [Fact]
    public void Odd_dimension_names_that_do_not_clash_compile_cleanly()
    {
        // Keywords become escaped parameters (@class); a parameter called nameof or global, or one that the lambda of
        // FromFunction shadows (index), changes nothing; value, a scalar's property, is no member of a partial type.
        var run = GeneratorHarness.Run("""
            using ShapedTensors;
            namespace App;
            [Tensor("index", "nameof", "_", "class", "value", "global", "var", "i0", "T", 2)] public partial struct Odd;
            [Tensor<double>("int", "?", "int")] public partial class OddClass;
            """);

        CompileAssert.AssertCompilesCleanly(run);
        Assert.Contains("public static Odd Zeros(int index, int nameof, int _, int @class, int value, int global, int var, int i0, int T)", run.Source("App.Odd.g.cs"), StringComparison.Ordinal);
        Assert.Contains("public static OddClass Zeros(int @int, int dim1)", run.Source("App.OddClass.g.cs"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new A().Dot(new B())")] // mismatched: stays on the fallback
    [InlineData("new A().Dot()")] // missing argument
    [InlineData("new A().Dot(new B(), new B(), new B(), new B(), new B())")] // too many
    [InlineData("new A().MatMul(new B(), transposeA: Flag())")] // not a constant
    [InlineData("new A().BatchDot(new B(), axes: 7)")] // out of range
    [InlineData("new A().BatchDot(new B(), (1, Flag() ? 1 : 0))")]
    [InlineData("new A().Dot(Unknown())")]
    [InlineData("Generic(new A())")]
    [InlineData("new A().Dot(new A().Dot(new A().Dot(new A())))")]
    [InlineData("System.Numerics.Vector3.Dot(default, default)")]
    [InlineData("new A().Dot(new B(),")]
    [InlineData("new A().BatchDot(new A(), 1).Dot(new A().BatchDot(new A(), (1, 1)))")] // int and pair axes share a kernel
    public void Odd_calls_never_break_the_generated_code(string call)
    {
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            namespace App;
            [Tensor(3, 4)] public partial struct A;
            [Tensor(2, 5)] public partial struct B;
            public static class Calls
            {
                public static void Run() { _ = {{call}}; }
                private static bool Flag() => true;
                private static IShapedTensor<float> Unknown() => new A();
                private static object Generic<T>(T x) where T : IShapedTensor<float> => x.Dot(x);
            }
            """);

        AssertGeneratedCodeHasNoErrors(run);
    }

    [Theory]
    [InlineData("new A().Add(new B())")] // shapes that do not broadcast: the rule's error, nothing emitted
    [InlineData("new A().Sum(Axis())")] // not a constant
    [InlineData("new A().Sum(new[] { 0, Axis() })")]
    [InlineData("new A().Sum(new int[3])")] // no elements to read
    [InlineData("new A().Sum([.. Axes()])")] // a spread
    [InlineData("new A().Reshape(5, 5)")]
    [InlineData("new A().Squeeze(0)")]
    [InlineData("new A().PermuteDimensions(0, 0)")]
    [InlineData("new A().Softmax(7)")]
    [InlineData("new A().Concatenate()")]
    [InlineData("new A().Concatenate(new A(), new A(), new A(), new A())")] // five tensors: no such fallback
    [InlineData("new A().Relu(1)")]
    [InlineData("new A().Sum(axis: 0, axis: 1)")]
    [InlineData("new A().Relu().Sum().Relu().ExpandDims().Squeeze(0)")] // rank 0 and back
    [InlineData("1 + 2")]
    [InlineData("Axis() + 1")]
    [InlineData("\"a\" + 1")]
    [InlineData("-Axis()")]
    [InlineData("new A() * 2.0")] // a double scalar on a float tensor: no overload
    [InlineData("new A() +")]
    [InlineData("new A().Max(")]
    [InlineData("System.Math.Max(1, 2)")]
    [InlineData("new System.Collections.Generic.List<int>().Max()")]
    public void Odd_operation_calls_never_break_the_generated_code(string call)
    {
        // C# 13: no extension operators, which Roslyn 4.14 (the tests' compiler) cannot compile (see the snapshot tests).
        var options = HarnessOptions.Default with { LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp13 };
        var source = $$"""
            using System.Linq;
            using ShapedTensors;
            namespace App;
            [Tensor(3, 4)] public partial struct A;
            [Tensor(2, 5)] public partial struct B;
            public static class Calls
            {
                public static void Run() { _ = {{call}}; }
                private static int Axis() => 1;
                private static int[] Axes() => [1];
            }
            """;
        AssertGeneratedCodeHasNoErrors(GeneratorHarness.Run(options, source));

        // With operators: the generator never throws (the harness fails the test if it does).
        GeneratorHarness.Run(source);
    }

    [Theory]
    [InlineData("Einsum(\"ij,ij->\", new A(), new A())")] // a scalar result
    [InlineData("Einsum(\"ij,kl->\", new A(), new B())")]
    [InlineData("Einsum(\"ij,jk\", new A(), new B())")] // a label-size conflict: the rule's error, nothing emitted
    [InlineData("Einsum(\"ii,i->i\", new A(), new A())")]
    [InlineData("Einsum(\"...ij,...kj->...ik\", new A(), new B())")]
    [InlineData("Einsum(\"\", new A(), new B())")]
    [InlineData("Einsum(\"ij,kl->ijkl\\\"\", new A(), new B())")] // a quote and a backslash in the equation
    [InlineData("Einsum(Equation(), new A(), new B())")] // not a constant
    [InlineData("Einsum(b: new A(), equation: \"ij,kj->ik\", a: new A())")]
    [InlineData("Einsum(\"ij,kj->ik\", new A(), new A(), new A())")] // a destination of the wrong type
    [InlineData("Einsum(\"ij,kj->ik\", new A())")] // two subscripts, one operand: the rule's error, nothing emitted
    [InlineData("Einsum(\"ij->ji\", new A())")] // one operand: a permutation
    [InlineData("Einsum(\"ii\", new A())")] // a trace on unequal sizes: the rule's error
    [InlineData("Einsum(\"ij->\", new A())")] // a scalar result
    [InlineData("Einsum(\"...->...\", new A())")] // a copy
    [InlineData("Einsum(\"ij->i\", new A(), destination: new A())")] // one operand has no destination form
    [InlineData("Einsum(\"ij->j\", a: new A())")]
    [InlineData("Einsum(Equation(), new A())")] // not a constant
    [InlineData("Einsum(\"ij->ij\\\"\", new A())")] // a quote and a backslash in the equation
    [InlineData("Einsum(\"ij,kj->ik\", new A(), 3)")]
    [InlineData("new A().TensorDot(new B(), 0)")] // an outer product
    [InlineData("new A().TensorDot(new B(), -1)")]
    [InlineData("new A().TensorDot(new B(), 5)")]
    [InlineData("new A().TensorDot(new A(), ([0, 1], [0, 1]))")] // a scalar result
    [InlineData("new A().TensorDot(new A(), (new[] { 1 }, new[] { 1, 0 }))")]
    [InlineData("new A().TensorDot(new A(), ([1, 1], [1, 1]))")]
    [InlineData("new A().TensorDot(new A(), ([-1], [-1]))")]
    [InlineData("new A().TensorDot(new A(), (1, -1))")]
    [InlineData("new A().TensorDot(new A(), (Axis(), 1))")]
    [InlineData("new A().TensorDot(new A(), ([Axis()], [1]))")]
    [InlineData("new A().TensorDot(axes: 1, y: new A().Transpose())")]
    public void Odd_einsum_and_tensordot_calls_never_break_the_generated_code(string call)
    {
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            using static ShapedTensors.TensorMath;
            namespace App;
            [Tensor(3, 4)] public partial struct A;
            [Tensor(2, 5)] public partial struct B;
            public static class Calls
            {
                public static void Run() { _ = {{call}}; }
                private static int Axis() => 1;
                private static string Equation() => "ij,kj->ik";
            }
            """);

        AssertGeneratedCodeHasNoErrors(run);
    }

    [Fact]
    public void Deeply_nested_chains_are_bounded()
    {
        var chain = "new S()" + string.Concat(Enumerable.Repeat(".Dot(new S())", 60));
        var run = GeneratorHarness.Run($$"""
            using ShapedTensors;
            namespace App;
            [Tensor(2, 2)] public partial struct S;
            public static class Calls { public static object Run() => {{chain}}; }
            """);

        AssertGeneratedCodeHasNoErrors(run);
    }

    // Errors in the user's code are expected; errors or warnings inside generated files are not.
    private static void AssertGeneratedCodeHasNoErrors(GeneratorRun run)
    {
        var inGenerated = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && run.IsGenerated(d.Location.SourceTree))
            .ToList();
        Assert.True(inGenerated.Count == 0, string.Join("\n", inGenerated));
    }
}
