using System.Threading;
using Microsoft.CodeAnalysis;
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
        var type = Unsigned(expression) is LiteralExpressionSyntax { Token.Value: var value }
            ? value switch
            {
                int => SpecialType.System_Int32,
                float => SpecialType.System_Single,
                double => SpecialType.System_Double,
                _ => SpecialType.None,
            }
            : model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType ?? SpecialType.None;
        return type is SpecialType.System_Int32 or SpecialType.System_Single || (type == SpecialType.System_Double && element == ElementKind.Float64);
    }

    private static ExpressionSyntax Unsigned(ExpressionSyntax expression)
        => expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax literal } ? literal : expression;
}
