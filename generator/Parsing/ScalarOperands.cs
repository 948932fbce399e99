using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>Whether a non-tensor operand of an elementwise operation is a scalar the overload's parameter accepts.</summary>
internal static class ScalarOperands
{
    /// <summary>
    /// A numeric expression that converts implicitly to <paramref name="element"/>: an int, a <c>float</c> (also into a
    /// <c>double</c> tensor), or a <c>double</c> into a <c>double</c> tensor. Literals are read from the syntax.
    /// </summary>
    public static bool Fits(ExpressionSyntax expression, ElementKind element, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = Type(expression, model, cancellationToken);
        return type is SpecialType.System_Int32 or SpecialType.System_Single || (type == SpecialType.System_Double && element == ElementKind.Float64);
    }

    // The expression's numeric type. The generator sees the user's code without what it generates, so a size member of a
    // [Tensor] type (x.Batch, X.Length: ints) does not exist yet: such a member, and arithmetic on it (1f / x.Batch),
    // is typed here as it will be.
    private static SpecialType Type(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Unsigned(expression) is LiteralExpressionSyntax { Token.Value: var value })
        {
            return value switch
            {
                int => SpecialType.System_Int32,
                float => SpecialType.System_Single,
                double => SpecialType.System_Double,
                _ => SpecialType.None,
            };
        }

        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        if (type is not null && type.TypeKind != TypeKind.Error)
        {
            return type.SpecialType;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Type(parenthesized.Expression, model, cancellationToken);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression) || binary.IsKind(SyntaxKind.MultiplyExpression) || binary.IsKind(SyntaxKind.DivideExpression):
                return Wider(Type(binary.Left, model, cancellationToken), Type(binary.Right, model, cancellationToken));
            case MemberAccessExpressionSyntax access when IsTensor(model.GetTypeInfo(access.Expression, cancellationToken).Type ?? model.GetSymbolInfo(access.Expression, cancellationToken).Symbol as ITypeSymbol):
                return SpecialType.System_Int32;
            default:
                return SpecialType.None;
        }
    }

    private static bool IsTensor(ITypeSymbol? type) => TensorSymbols.GetDeclaredShape(type) is not null;

    private static bool IsNumeric(SpecialType type) => type is SpecialType.System_Int32 or SpecialType.System_Single or SpecialType.System_Double;

    // C#'s numeric promotion among the three types an operand may have; anything else is no scalar.
    private static SpecialType Wider(SpecialType left, SpecialType right)
    {
        if (!IsNumeric(left) || !IsNumeric(right))
        {
            return SpecialType.None;
        }

        return left == SpecialType.System_Double || right == SpecialType.System_Double ? SpecialType.System_Double
            : left == SpecialType.System_Single || right == SpecialType.System_Single ? SpecialType.System_Single
            : SpecialType.System_Int32;
    }

    private static ExpressionSyntax Unsigned(ExpressionSyntax expression)
        => expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax literal } ? literal : expression;
}
