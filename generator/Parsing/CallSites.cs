using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>The transform of the call pipeline: a candidate invocation to a <see cref="CallModel"/>, or null.</summary>
internal static class CallSites
{
    public static CallModel? Evaluate(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        if (CallParser.Parse(invocation, model, cancellationToken) is not { } call)
        {
            return null;
        }

        var evaluator = new ShapeEvaluator(model, Names.GeneratedNamespace(model.Compilation.AssemblyName), cancellationToken);
        var enclosing = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingNamespace;
        var callNamespace = enclosing is null || enclosing.IsGlobalNamespace ? string.Empty : enclosing.ToDisplayString(Names.NamespaceFormat);
        var site = invocation.SyntaxTree.FilePath + ":" + invocation.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + invocation.Span.Length.ToString(CultureInfo.InvariantCulture);
        return evaluator.EvaluateCall(call, callNamespace, site);
    }
}
