using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>
/// The transform of the call pipeline: a candidate invocation to the <see cref="CallModel"/> it is under each
/// <see cref="BatchDotSemantics"/>, or null when it is none under either.
/// </summary>
internal static class CallSites
{
    public static CallVariants? Evaluate(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        if (CallParser.Parse(invocation, model, cancellationToken) is not { } call)
        {
            return null;
        }

        var generatedNamespace = Names.GeneratedNamespace(model.Compilation.AssemblyName);
        var enclosing = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingNamespace;
        var callNamespace = enclosing is null || enclosing.IsGlobalNamespace ? string.Empty : enclosing.ToDisplayString(Names.NamespaceFormat);
        var site = invocation.SyntaxTree.FilePath + ":" + invocation.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + invocation.Span.Length.ToString(CultureInfo.InvariantCulture);

        // Most calls involve no BatchDot: one evaluation serves both semantics.
        var keras = new ShapeEvaluator(model, generatedNamespace, BatchDotSemantics.Keras224, cancellationToken);
        var underKeras = keras.EvaluateCall(call, callNamespace, site);
        var underTfKeras = keras.UsedBatchDot
            ? new ShapeEvaluator(model, generatedNamespace, BatchDotSemantics.TfKeras, cancellationToken).EvaluateCall(call, callNamespace, site)
            : underKeras;
        return underKeras is null && underTfKeras is null ? null : new CallVariants(underKeras, underTfKeras);
    }
}
