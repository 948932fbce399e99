using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>
/// Sorts out the arguments of <c>Einsum(equation, a[, b][, destination])</c> and <c>x.TensorDot(y, axes[, destination])</c>
/// (OPS.md §8–§9) and reads their constant equation or axes (an einsum of one operand has no destination).
/// </summary>
internal static class LabelledCalls
{
    private static readonly string[] EinsumParameters = { "equation", "a", "b", "destination" };
    private static readonly string[] TensorDotParameters = { "y", "axes", "destination" };

    public static ParsedCall? ParseEinsum(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Slots(invocation, EinsumParameters, cancellationToken) is not { } slots
            || !slots.TryGetValue("equation", out var equation)
            || !slots.TryGetValue("a", out var a))
        {
            return null;
        }

        var text = equation is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            ? literal.Token.ValueText
            : model.GetConstantValue(equation, cancellationToken).Value as string;
        var options = text is null ? null : CallOptions.None with { Text = text };
        var destination = slots.TryGetValue("destination", out var d) ? d : null;
        if (slots.TryGetValue("b", out var b))
        {
            return new ParsedCall(Signature.Einsum, a, b, options, destination);
        }

        // One operand: no destination form (SEMANTICS.md §7), and no second operand (the call's Right is its operand).
        return destination is null ? new ParsedCall(Signature.EinsumOne, a, a, options, null) : null;
    }

    public static ParsedCall? ParseTensorDot(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Slots(invocation, TensorDotParameters, cancellationToken) is not { } slots
            || !slots.TryGetValue("y", out var y)
            || !slots.TryGetValue("axes", out var axes))
        {
            return null;
        }

        var destination = slots.TryGetValue("destination", out var d) ? d : null;
        if (axes is TupleExpressionSyntax { Arguments.Count: 2 } pair)
        {
            var (first, second) = (pair.Arguments[0].Expression, pair.Arguments[1].Expression);
            if (CallParser.Constant<int>(first, model, cancellationToken) is { } a && CallParser.Constant<int>(second, model, cancellationToken) is { } b)
            {
                return Parsed(Signature.TensorDotPair, TensorDotAxes.Of(new[] { a }, new[] { b }), new CallOptions(a, b, false, false));
            }

            return IntList(first, model, cancellationToken) is { } aList && IntList(second, model, cancellationToken) is { } bList
                ? Parsed(Signature.TensorDotLists, TensorDotAxes.Of(aList, bList), CallOptions.None)
                : new ParsedCall(Signature.TensorDotLists, receiver, y, null, destination);
        }

        var count = CallParser.Constant<int>(axes, model, cancellationToken);
        return count is { } n
            ? Parsed(Signature.TensorDotInt, TensorDotAxes.Of(n), new CallOptions(n, n, false, false))
            : new ParsedCall(Signature.TensorDotInt, receiver, y, null, destination);

        ParsedCall Parsed(Signature signature, TensorDotAxes parsed, CallOptions options)
            => new(signature, receiver, y, options with { Text = parsed.ToString() }, destination) { Axes = parsed };
    }

    // Named or positional arguments into the given parameters, in order; null when one is repeated, unknown or by ref
    // (but for a ref destination).
    private static Dictionary<string, ExpressionSyntax>? Slots(InvocationExpressionSyntax invocation, string[] parameters, CancellationToken cancellationToken)
    {
        var slots = new Dictionary<string, ExpressionSyntax>(System.StringComparer.Ordinal);
        var position = 0;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slot = argument.NameColon?.Name.Identifier.ValueText ?? (position < parameters.Length ? parameters[position++] : null);
            // By ref is only the destination of a result with inline storage.
            if ((!argument.RefKindKeyword.IsKind(SyntaxKind.None) && !(slot == "destination" && argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword))) || slot is null || System.Array.IndexOf(parameters, slot) < 0 || slots.ContainsKey(slot))
            {
                return null;
            }

            slots[slot] = argument.Expression;
        }

        return slots;
    }

    // [1, 2], new[] { 1, 2 } or new int[] { 1, 2 }, every element a constant.
    private static int[]? IntList(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var elements = new List<ExpressionSyntax>();
        switch (expression)
        {
            case CollectionExpressionSyntax collection:
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax { Expression: var value })
                    {
                        return null;
                    }

                    elements.Add(value);
                }

                break;
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                elements.AddRange(implicitArray.Initializer.Expressions);
                break;
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                elements.AddRange(initializer.Expressions);
                break;
            default:
                return null;
        }

        var result = new int[elements.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (CallParser.Constant<int>(elements[i], model, cancellationToken) is not { } value)
            {
                return null;
            }

            result[i] = value;
        }

        return result;
    }
}
