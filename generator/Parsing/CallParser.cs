using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>A call of <c>Dot</c>, <c>BatchDot</c> or <c>MatMul</c>, its arguments sorted out.</summary>
/// <param name="Receiver">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="Options">The options, or null when one of them is not a compile-time constant.</param>
/// <param name="Destination">The destination argument of an allocation-free form, if any.</param>
internal sealed record ParsedCall(Signature Signature, ExpressionSyntax Receiver, ExpressionSyntax Right, CallOptions? Options, ExpressionSyntax? Destination)
{
    /// <summary>A TensorDot's constant axes (<see cref="CallOptions.Text"/> spells them too).</summary>
    public TensorDotAxes? Axes { get; init; }
}

/// <summary>Recognizes calls of the three operations by syntax and reads their constant options.</summary>
internal static class CallParser
{
    /// <summary>
    /// A cheap syntax-only test: <c>something.Dot(...)</c>, <c>.BatchDot(...)</c>, <c>.MatMul(...)</c> or
    /// <c>.TensorDot(...)</c>, or an unqualified <c>Einsum(equation, a[, b][, destination])</c> (the form
    /// <c>using static</c> lets the generated overloads take; <c>TensorMath.Einsum(...)</c> can only bind to TensorMath's).
    /// </summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
        => node is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name },
            ArgumentList.Arguments.Count: >= 1 and <= 4,
        }
        && (OperationCatalog.Find(name.Identifier.ValueText) is { Family: OperationFamily.Contraction } || name.Identifier.ValueText == OperationCatalog.TensorDot.Name)
        || node is InvocationExpressionSyntax
        {
            Expression: IdentifierNameSyntax { Identifier.ValueText: "Einsum" },
            ArgumentList.Arguments.Count: >= 2 and <= 4,
        };

    /// <summary>Sorts out the arguments, or returns null when they do not fit any overload.</summary>
    public static ParsedCall? Parse(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "Einsum" })
        {
            return LabelledCalls.ParseEinsum(invocation, model, cancellationToken);
        }

        if (invocation.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access)
        {
            return null;
        }

        if (name.Identifier.ValueText == OperationCatalog.TensorDot.Name)
        {
            return LabelledCalls.ParseTensorDot(invocation, access.Expression, model, cancellationToken);
        }

        var operation = OperationCatalog.Find(name.Identifier.ValueText);
        ExpressionSyntax? right = null, destination = null, axes = null, transposeA = null, transposeB = null, transpose = null;
        var position = 0;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }

            var slot = argument.NameColon?.Name.Identifier.ValueText ?? PositionalSlot(operation, position++, argument.Expression, model, cancellationToken);
            ref var target = ref right;
            switch (slot)
            {
                case "y":
                    break;
                case "destination":
                    target = ref destination;
                    break;
                case "axes" when operation == OperationCatalog.BatchDot:
                    target = ref axes;
                    break;
                case "transposeA" when operation == OperationCatalog.MatMul:
                    target = ref transposeA;
                    break;
                case "transposeB" when operation == OperationCatalog.MatMul:
                    target = ref transposeB;
                    break;
                case "transpose" when operation == OperationCatalog.MatMul:
                    target = ref transpose;
                    break;
                default:
                    return null;
            }

            if (target is not null)
            {
                return null;
            }

            target = argument.Expression;
        }

        if (right is null)
        {
            return null;
        }

        if (operation == OperationCatalog.Dot)
        {
            return new ParsedCall(Signature.Dot, access.Expression, right, CallOptions.None, destination);
        }

        if (operation == OperationCatalog.BatchDot)
        {
            if (axes is null)
            {
                return new ParsedCall(Signature.BatchDotDefault, access.Expression, right, CallOptions.None, destination);
            }

            if (axes is TupleExpressionSyntax { Arguments.Count: 2 } pair)
            {
                var (x, y) = (Constant<int>(pair.Arguments[0].Expression, model, cancellationToken), Constant<int>(pair.Arguments[1].Expression, model, cancellationToken));
                var options = x is { } ax && y is { } ay ? new CallOptions(ax, ay, false, false) : null;
                return new ParsedCall(Signature.BatchDotPair, access.Expression, right, options, destination);
            }

            var axis = Constant<int>(axes, model, cancellationToken);
            if (axis is not null || IsOfType(axes, SpecialType.System_Int32, model, cancellationToken))
            {
                return new ParsedCall(Signature.BatchDotInt, access.Expression, right, axis is { } a ? new CallOptions(a, a, false, false) : null, destination);
            }

            // A non-constant pair (a tuple variable, say).
            return new ParsedCall(Signature.BatchDotPair, access.Expression, right, null, destination);
        }

        if (transpose is not null)
        {
            // Transpose.A and the like: the flags are the marker's type (a marker is a constant whatever expression has it).
            var marked = transposeA is null && transposeB is null && Marker(transpose, model, cancellationToken) is { } type ? OptionMarkers.Transpose(type) : null;
            return marked is { } m ? new ParsedCall(Signature.MatMulMarker, access.Expression, right, new CallOptions(0, 0, m.A, m.B), destination) : null;
        }

        var a1 = transposeA is null ? false : Constant<bool>(transposeA, model, cancellationToken);
        var b1 = transposeB is null ? false : Constant<bool>(transposeB, model, cancellationToken);
        var flags = a1 is { } ta && b1 is { } tb ? new CallOptions(0, 0, ta, tb) : null;
        return new ParsedCall(Signature.MatMul, access.Expression, right, flags, destination);
    }

    // The parameter a positional argument fills; the second argument of BatchDot and MatMul depends on its type.
    private static string PositionalSlot(OperationDescriptor? operation, int position, ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (operation, position)
        {
            case (_, 0):
                return "y";
            case (_, 1) when operation == OperationCatalog.Dot:
                return "destination";
            case (_, 1) when operation == OperationCatalog.BatchDot:
                return argument is TupleExpressionSyntax || IsOfType(argument, SpecialType.System_Int32, model, cancellationToken) || model.GetTypeInfo(argument, cancellationToken).Type is INamedTypeSymbol { IsTupleType: true }
                    ? "axes"
                    : "destination";
            case (_, 2) when operation == OperationCatalog.BatchDot:
                return "destination";
            case (_, 1) when operation == OperationCatalog.MatMul:
                return IsOfType(argument, SpecialType.System_Boolean, model, cancellationToken) ? "transposeA" : IsTransposeMarker(argument, model, cancellationToken) ? "transpose" : "destination";
            case (_, 2) when operation == OperationCatalog.MatMul:
                return IsOfType(argument, SpecialType.System_Boolean, model, cancellationToken) ? "transposeA or B" : IsTransposeMarker(argument, model, cancellationToken) ? "transpose" : "?";
            default:
                return "?";
        }
    }

    private static bool IsTransposeMarker(ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken)
        => Marker(argument, model, cancellationToken) is { } type && OptionMarkers.Transpose(type) is not null;

    /// <summary>
    /// The name of an option marker's type (<c>Axis1</c>, <c>TransposeA</c>: see <see cref="OptionMarkers"/>) that the
    /// expression has, or null. Only <c>Axis.</c> and <c>Transpose.</c> member accesses are bound, so ordinary arguments
    /// cost nothing.
    /// </summary>
    internal static string? Marker(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax or QualifiedNameSyntax }
            || model.GetTypeInfo(expression, cancellationToken).Type is not INamedTypeSymbol { ContainingNamespace: { Name: OptionMarkers.Namespace, ContainingNamespace.IsGlobalNamespace: true } } type)
        {
            return null;
        }

        return OptionMarkers.Axis(type.Name) is not null || OptionMarkers.Transpose(type.Name) is not null ? type.Name : null;
    }

    // Literals are read from the syntax; anything else is bound (the expensive query, so the last resort).
    internal static bool IsOfType(ExpressionSyntax expression, SpecialType type, SemanticModel model, CancellationToken cancellationToken)
        => Literal(expression) is { } literal
            ? (literal is bool ? SpecialType.System_Boolean : literal is int ? SpecialType.System_Int32 : SpecialType.None) == type
            : model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == type;

    internal static T? Constant<T>(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        where T : struct
        => (Literal(expression) ?? model.GetConstantValue(expression, cancellationToken).Value) is T value ? value : null;

    // true, false, 3 or -3, as written.
    internal static object? Literal(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } => true,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } => false,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: int value } => value,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.Value: int value } } => -value,
        _ => null,
    };
}
