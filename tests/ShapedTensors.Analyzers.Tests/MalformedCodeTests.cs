using System.Linq;
using System.Threading.Tasks;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>Code being typed is often broken: the analyzers must never throw on it (AD0001).</summary>
public sealed class MalformedCodeTests
{
    [Theory]
    [InlineData("var r = new P().Dot(;")]
    [InlineData("var r = new P().Dot();")]
    [InlineData("var r = new P().MatMul(new Q(), transposeA: );")]
    [InlineData("var r = new P().MatMul(new Q(), transposeC: true);")]
    [InlineData("var r = new P().BatchDot(new Q(), (1, ));")]
    [InlineData("var r = new P().BatchDot(new Q(), (1, 2, 3));")]
    [InlineData("var r = new P().BatchDot(new Q(), axes: \"1\");")]
    [InlineData("var r = new P().Dot(new Missing());")]
    [InlineData("var r = Missing.Dot(new P());")]
    [InlineData("var r = new P().Dot(default);")]
    [InlineData("var r = new P().Dot(null!);")]
    [InlineData("ShapedTensorFallbacks.Dot<float>(null!, null!);")]
    [InlineData("var r = new P().Dot(new Q(), new P(), new Q());")]
    public async Task Broken_calls_do_not_crash_the_analyzers(string body)
    {
        var source = Source.Program("[Tensor(3, 4)] partial struct P;\n[Tensor(4, 5)] partial class Q;", body);
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Theory]
    [InlineData("var r = new P().Sum(;")]
    [InlineData("var r = new P().Sum(new[] { 1, );")]
    [InlineData("var r = new P().Sum([1, \"a\"]);")]
    [InlineData("var r = new P().Sum(axis: null, keepdims: true);")]
    [InlineData("var r = new P().Softmax(axis: );")]
    [InlineData("var r = new P().Squeeze();")]
    [InlineData("var r = new P().Reshape(new int[2]);")]
    [InlineData("var r = new P().Reshape(null!);")]
    [InlineData("var r = new P().PermuteDimensions(1, 2.5);")]
    [InlineData("var r = new P().Concatenate();")]
    [InlineData("var r = new P().Concatenate(new Q(), new P(), new Q(), new P(), new Q());")]
    [InlineData("var r = new P() + ;")]
    [InlineData("var r = new P() + new Missing();")]
    [InlineData("var r = - ;")]
    [InlineData("var r = new P() * \"s\";")]
    [InlineData("var r = default(P) / null;")]
    [InlineData("var r = new P().BiasAdd(new Q(), new Q());")]
    public async Task Broken_operation_calls_do_not_crash_the_analyzers(string body)
    {
        var source = Source.Program("[Tensor(3, 4)] partial struct P;\n[Tensor(4, 5)] partial class Q;", body);
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Theory]
    [InlineData("[Tensor(] partial struct S;")]
    [InlineData("[Tensor(3, N)] partial struct S;")]
    [InlineData("[Tensor(3.5)] partial struct S;")]
    [InlineData("[Tensor(\"batch\", 3)] partial struct S;")]
    [InlineData("[Tensor((object[])null)] partial struct S;")]
    [InlineData("[Tensor((int[])null)] partial struct S;")]
    [InlineData("[Tensor(null)] partial struct S;")]
    [InlineData("[Tensor(\"b\", null)] partial struct S;")]
    [InlineData("[Tensor(\"\")] partial struct S;")]
    [InlineData("[Tensor(\"b\", new object[] { 1 })] partial struct S;")]
    [InlineData("[Tensor(\"b\", typeof(int), 2.5f, 3L)] partial struct S;")]
    [InlineData("[Tensor(\"b\", -1, N)] partial struct S;")]
    [InlineData("[Tensor(\"?\", \"?\", \"Rank\", \"rank\")] partial struct S;")]
    [InlineData("[Tensor<Missing>(3)] partial struct S;")]
    [InlineData("[Tensor<int>(3)] partial struct S;")]
    [InlineData("[Tensor(3)] partial struct;")]
    [InlineData("[Tensor(3)] partial delegate void D();")]
    [InlineData("[Tensor(3)] partial struct S; partial struct S { }")]
    [InlineData("[Tensor(3)] partial struct S; [Tensor(4)] partial struct S { }")]
    public async Task Broken_declarations_do_not_crash_the_analyzers(string declaration)
    {
        var source = Source.Program(declaration, string.Empty);
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.All(diagnostics.Select(d => d.Id), id => Assert.StartsWith("ST", id, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[Tensor(\"b\", 4)] partial struct P;\n[Tensor(-1, 5)] partial struct Q;")]
    [InlineData("[Tensor(\"b\", 4)] partial struct P;\n[Tensor(\"b\", null)] partial struct Q;")]
    [InlineData("[Tensor(\"b\", 4)] partial struct P;\n[Tensor((object[])null)] partial struct Q;")]
    [InlineData("[Tensor(\"b\", 4)] partial struct P;\n[Tensor(\"?\", \"b\", \"b\", 4, 5)] partial struct Q;")]
    [InlineData("[Tensor(\"?\")] partial struct P;\n[Tensor(\"length\", 4)] partial struct Q;")]
    public async Task Calls_on_odd_partial_declarations_do_not_crash_the_analyzers(string declarations)
    {
        var body = "var a = new P().Dot(new Q());\n        var b = new P().BatchDot(new Q(), (0, -1));\n        var c = new P().MatMul(new Q(), transposeA: true);\n        new P().Dot(new Q(), new P());";
        var source = Source.Program(declarations, body);
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
