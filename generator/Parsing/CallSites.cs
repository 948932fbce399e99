using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>
/// The transforms of the call pipelines: a candidate contraction or operation to the model it is under each
/// <see cref="BatchDotSemantics"/>, or null when it is none under either.
/// </summary>
internal static class CallSites
{
    public static CallVariants<CallModel>? Evaluate(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        return CallParser.Parse(invocation, context.SemanticModel, cancellationToken) is { } call
            ? Variants(context, (evaluator, ns, site) => evaluator.EvaluateCall(call, ns, site), cancellationToken)
            : null;
    }

    public static CallVariants<OperationCallModel>? EvaluateOperation(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        => OperationParser.Parse((ExpressionSyntax)context.Node, context.SemanticModel, cancellationToken) is { } operation
            ? Variants(context, (evaluator, ns, site) => evaluator.EvaluateOperation(operation, ns, site), cancellationToken)
            : null;

    private static CallVariants<T>? Variants<T>(GeneratorSyntaxContext context, System.Func<ShapeEvaluator, string, string, T?> evaluate, CancellationToken cancellationToken)
        where T : class
    {
        var node = context.Node;
        var model = context.SemanticModel;
        var generatedNamespace = Names.GeneratedNamespace(model.Compilation.AssemblyName);
        var enclosing = model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingNamespace;
        var callNamespace = enclosing is null || enclosing.IsGlobalNamespace ? string.Empty : enclosing.ToDisplayString(Names.NamespaceFormat);
        var site = node.SyntaxTree.FilePath + ":" + node.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + node.Span.Length.ToString(CultureInfo.InvariantCulture);

        // Most calls involve no BatchDot: one evaluation serves both semantics.
        var keras = new ShapeEvaluator(model, generatedNamespace, BatchDotSemantics.Keras224, cancellationToken);
        var underKeras = evaluate(keras, callNamespace, site);
        var underTfKeras = keras.UsedBatchDot
            ? evaluate(new ShapeEvaluator(model, generatedNamespace, BatchDotSemantics.TfKeras, cancellationToken), callNamespace, site)
            : underKeras;
        return underKeras is null && underTfKeras is null ? null : new CallVariants<T>(underKeras, underTfKeras);
    }
}
