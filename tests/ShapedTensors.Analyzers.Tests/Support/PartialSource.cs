using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>
/// Programs on partially shaped types that do not depend on what the generator emits for them: each type is written
/// by hand (explicit interface members only) with its <c>[Tensor("b", 4, 5)]</c> attribute, so calls bind to the
/// run-time fallbacks and the analyzer reads the shapes from the attributes, as it does for generated types.
/// </summary>
internal static class PartialSource
{
    /// <summary>A hand-written tensor class <paramref name="name"/> of shape <paramref name="shape"/>, spelled as in PARTIAL_SHAPES.md §10: <c>(b,4,5)</c>, <c>(?,3)</c>, <c>(4,)</c>.</summary>
    public static string Tensor(string name, string shape) => $$"""
        [Tensor({{AttributeArguments(shape)}})]
        internal sealed partial class {{name}} : IShapedTensor<float>
        {
            Shape IShapedTensor<float>.Shape => throw new System.NotSupportedException();
            System.ReadOnlySpan<float> IShapedTensor<float>.AsReadOnlySpan() => throw new System.NotSupportedException();
            System.Span<float> IShapedTensor<float>.AsSpan() => throw new System.NotSupportedException();
            DynamicTensor<float> IShapedTensor<float>.ToDynamic() => throw new System.NotSupportedException();
        }
        """;

    /// <summary><c>(b,4,5)</c> → <c>"b", 4, 5</c>.</summary>
    public static string AttributeArguments(string shape)
        => string.Join(", ", shape.Trim('(', ')').Split(',', System.StringSplitOptions.RemoveEmptyEntries)
            .Select(dim => int.TryParse(dim, out _) ? dim : "\"" + dim + "\""));

    /// <summary>
    /// Compiles without the generator and requires exactly <paramref name="expected"/>. ST0003 is off: without the
    /// generator every call is left to the fallback, which is not what these tests are about.
    /// </summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ShapedTensorsTest(runGenerator: false) { TestCode = source };
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.ST0003.severity = none\ndotnet_diagnostic.ST0008.severity = none\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
