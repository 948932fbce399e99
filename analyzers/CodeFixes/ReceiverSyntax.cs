using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShapedTensors.CodeFixes;

/// <summary>An expression made the receiver of a new <c>.Op(...)</c> call by a code fix.</summary>
internal static class ReceiverSyntax
{
    /// <summary>
    /// <paramref name="expression"/> as it may stand before <c>.Op(...)</c>: an expression that is not primary (a cast,
    /// a binary or conditional expression, ...) needs parentheses.
    /// </summary>
    public static ExpressionSyntax Of(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ObjectCreationExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax => expression,
        _ => SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()),
    };
}
