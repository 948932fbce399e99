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
