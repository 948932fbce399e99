using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// The premise of the call rules, checked directly: in the final compilation a mismatched call binds to the
/// fallback, or to a generated overload when one exists for its operand types, and ST0001 fires on both.
/// </summary>
public sealed class BindingTests
{
    [Fact]
    public async System.Threading.Tasks.Task Mismatched_calls_bind_to_the_fallback_or_to_a_generated_overload_and_both_are_reported()
    {
        var compilation = DirectCompilation.WithGeneratorOutput(Source.Program(
            "[Tensor(3, 4, 5, 2)] partial struct A;\n[Tensor(2, 5, 3, 7)] partial struct B;\n[Tensor(3, 4)] partial struct P;\n[Tensor(3, 5)] partial struct Q;",
            "var seed = new A().Dot(new B());\n        var ok = new P().MatMul(new Q(), transposeA: true);\n        var flags = new P().MatMul(new Q());"));
        var tree = compilation.SyntaxTrees.First(t => t.FilePath == "Test0.cs");
        var model = compilation.GetSemanticModel(tree);
        var targets = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(call => (Call: call.ToString(), Type: (model.GetSymbolInfo(call).Symbol as IMethodSymbol)?.ContainingType?.Name))
            .ToDictionary(pair => pair.Call, pair => pair.Type);

        Assert.Equal("ShapedTensorFallbacks", targets["new A().Dot(new B())"]);
        Assert.Equal("GeneratedTensorOperations", targets["new P().MatMul(new Q(), transposeA: true)"]);
        Assert.Equal("GeneratedTensorOperations", targets["new P().MatMul(new Q())"]);

        var reported = (await DirectCompilation.AnalyzerDiagnosticsAsync(compilation)).Select(d => (d.Id, Call: tree.GetText().ToString(d.Location.SourceSpan))).ToList();
        Assert.Equal(new[] { ("ST0001", "new A().Dot(new B())"), ("ST0001", "new P().MatMul(new Q())") }, reported.OrderBy(r => r.Call));
    }
}
