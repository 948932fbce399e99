using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Reads a C# operator <c>x + y</c>, <c>x - y</c>, <c>x * y</c>, <c>x / y</c> or <c>-x</c> on shaped tensor types as a
/// call of its catalogue operation (<see cref="OperationDescriptor.Operator"/>).
/// </summary>
/// <remarks>
/// Read from syntax and operand types rather than from the bound operation: when the shapes are incompatible the
/// generator emits no operator, the expression does not bind (CS0019, an invalid operation) and it is exactly then
/// that TensorFlow's text must be shown. A scalar of a numeric type is a rank-0 operand (it broadcasts).
/// </remarks>
internal static class OperatorCall
{
    /// <summary>The binary operator's call, or null when it is not an operator of the catalogue on shaped tensors.</summary>
    public static OperationCall? Read(BinaryExpressionSyntax binary, SemanticModel model, KnownSymbols symbols, System.Threading.CancellationToken cancellationToken)
    {
        if (OperationCatalog.FindOperator(binary.OperatorToken.Text, 2) is not { } operation || BoundElsewhere(binary, model, symbols, cancellationToken))
        {
            return null;
        }

        var left = model.GetTypeInfo(binary.Left, cancellationToken).Type;
        var right = model.GetTypeInfo(binary.Right, cancellationToken).Type;
        var x = Operand.ShapeOf(left);
        var y = Operand.ShapeOf(right);

        // At least one side is a tensor; the other a tensor or a scalar.
        if ((x is null && y is null) || (x ?? Scalar(left)) is not { } xShape || (y ?? Scalar(right)) is not { } yShape)
        {
            return null;
        }

        return new OperationCall(operation, binary, new[] { xShape, yShape }, OperationOptions.None, new SyntaxNode[] { binary.Left, binary.Right });
    }

    /// <summary>The unary minus' call (<c>Negate</c>), or null when its operand is not a shaped tensor.</summary>
    public static OperationCall? Read(PrefixUnaryExpressionSyntax unary, SemanticModel model, KnownSymbols symbols, System.Threading.CancellationToken cancellationToken)
    {
        if (OperationCatalog.FindOperator(unary.OperatorToken.Text, 1) is not { } operation
            || BoundElsewhere(unary, model, symbols, cancellationToken)
            || Operand.ShapeOf(model.GetTypeInfo(unary.Operand, cancellationToken).Type) is not { } x)
        {
            return null;
        }

        return new OperationCall(operation, unary, new[] { x }, OperationOptions.None, new SyntaxNode[] { unary.Operand });
    }

    /// <summary>The syntax kinds <see cref="Read(BinaryExpressionSyntax, SemanticModel, KnownSymbols, System.Threading.CancellationToken)"/> reads.</summary>
    public static readonly SyntaxKind[] BinaryKinds =
    {
        SyntaxKind.AddExpression, SyntaxKind.SubtractExpression, SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression,
    };

    // A numeric scalar broadcasts as rank 0 (the generator accepts the element type; another numeric type does not bind,
    // and rank 0 never fails a broadcast, so reading it the same way reports nothing either way).
    private static StaticShape? Scalar(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Int64
            or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16
            or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Decimal => StaticShape.Of(Shape.Scalar),
        _ => null,
    };

    // An operator the user declared on a tensor type is theirs, not the library's: only an unbound operator, the runtime's,
    // or one the generator emitted (its class is [GeneratedCode("ShapedTensors.Generator", ...)]) is checked.
    private static bool BoundElsewhere(ExpressionSyntax expression, SemanticModel model, KnownSymbols symbols, System.Threading.CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(expression, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } method)
        {
            return false;
        }

        // The runtime's own operators (on DynamicTensor<T> or the tensor interfaces) compute the same rules.
        if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, symbols.Fallbacks.ContainingAssembly))
        {
            return false;
        }

        // An extension block's operator sits in the block's type, nested in the generated static class. A tensor type is
        // [GeneratedCode] too through its generated part, so an operator declared in one is the user's.
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (CallBindings.IsGenerated(type, symbols) && Operand.ShapeOf(type) is null)
            {
                return false;
            }
        }

        return true;
    }
}
