using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>A call of a non-contraction operation, its arguments sorted out.</summary>
/// <param name="Operands">The operand expressions, receiver (or left operand) first.</param>
/// <param name="OptionForm">Which overload shape the options take (see <see cref="OptionForms"/>).</param>
/// <param name="Options">The options, or null when one of them is not a compile-time constant.</param>
internal sealed record ParsedOperation(OperationDescriptor Descriptor, OperationSpelling Spelling, string OptionForm, IReadOnlyList<ExpressionSyntax> Operands, OperationOptions? Options);

/// <summary>
/// Recognizes the operations of OPS.md §1–§7 by looking method names and operator tokens up in
/// <see cref="OperationCatalog"/>, and reads their options as compile-time constants of their <see cref="OptionKind"/>.
/// </summary>
internal static class OperationParser
{
    /// <summary>
    /// A cheap syntax-only test. Operators are everywhere (<c>i + 1</c>): expressions whose operands cannot be tensors
    /// (literals on both sides, strings) are dropped here; the transform drops the rest after looking names up.
    /// </summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } }
            => OperationCatalog.Find(name.Identifier.ValueText) is { Family: not OperationFamily.Contraction },
        BinaryExpressionSyntax binary
            => OperationCatalog.FindOperator(binary.OperatorToken.ValueText, 2) is not null
                && !(IsLiteral(binary.Left) && IsLiteral(binary.Right))
                && !IsNeverTensor(binary.Left) && !IsNeverTensor(binary.Right),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } unary
            => !IsLiteral(unary.Operand) && !IsNeverTensor(unary.Operand),
        _ => false,
    };

    /// <summary>Sorts out the operands and options, or returns null when they do not fit any overload.</summary>
    public static ParsedOperation? Parse(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case BinaryExpressionSyntax binary when OperationCatalog.FindOperator(binary.OperatorToken.ValueText, 2) is { } operation:
                return new ParsedOperation(operation, OperationSpelling.Operator, string.Empty, new[] { binary.Left, binary.Right }, OperationOptions.None);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } unary:
                return new ParsedOperation(OperationCatalog.Negate, OperationSpelling.Operator, string.Empty, new[] { unary.Operand }, OperationOptions.None);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access } invocation
                when OperationCatalog.Find(name.Identifier.ValueText) is { Family: not OperationFamily.Contraction } operation:
                return ParseInvocation(operation, access.Expression, invocation.ArgumentList.Arguments, model, cancellationToken);
            default:
                return null;
        }
    }

    // Tensor operands first (by position, or by name), then the options by position or by name.
    private static ParsedOperation? ParseInvocation(OperationDescriptor operation, ExpressionSyntax receiver, SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        var operandNames = OptionForms.OperandNames(operation);
        var operands = new ExpressionSyntax?[operandNames.Count];
        var options = new List<ExpressionSyntax>?[operation.Options.Count];
        var positionalOperands = 0;
        var positionalOption = 0;
        foreach (var argument in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return null;
            }

            // The destination form (x.Relu(destination)) computes what the allocating form does: the same overload.
            if (argument.NameColon?.Name.Identifier.ValueText == "destination" && operation.Family != OperationFamily.Concatenate)
            {
                continue;
            }

            if (argument.NameColon?.Name.Identifier.ValueText is { } named)
            {
                var operandSlot = IndexOf(operandNames, named);
                var optionSlot = operation.Options.TakeWhile(o => o.Name != named).Count();
                if (operandSlot >= 0 && operands[operandSlot] is null)
                {
                    operands[operandSlot] = argument.Expression;
                }
                else if (optionSlot < options.Length && options[optionSlot] is null)
                {
                    options[optionSlot] = new List<ExpressionSyntax> { argument.Expression };
                }
                else
                {
                    return null;
                }

                continue;
            }

            // A variadic operand list (Concatenate) ends at the first int or axis marker: the axis.
            var isOperand = positionalOperands < operands.Length
                && (operation.Operands != 0 || positionalOperands == 0 || OptionReader.Axis(argument.Expression, model, cancellationToken) is null);
            if (isOperand)
            {
                operands[positionalOperands++] = argument.Expression;
                continue;
            }

            if (IsDestination(operation, argument.Expression, model, cancellationToken))
            {
                continue;
            }

            if (positionalOption >= options.Length)
            {
                return null;
            }

            // params int[]: every remaining positional argument is an element.
            options[positionalOption] ??= new List<ExpressionSyntax>();
            options[positionalOption]!.Add(argument.Expression);
            if (operation.Options[positionalOption].Kind != OptionKind.IntList)
            {
                positionalOption++;
            }
        }

        // Fixed operand counts must be complete; Concatenate needs at least one more tensor.
        var given = operands.TakeWhile(o => o is not null).Count();
        if (given != operands.Count(o => o is not null) || (operation.Operands != 0 ? given != operands.Length : given == 0))
        {
            return null;
        }

        var all = new List<ExpressionSyntax> { receiver };
        all.AddRange(operands.Take(given)!);
        var form = OptionForms.Of(operation, options, model, cancellationToken);
        return form is null ? null : new ParsedOperation(operation, OperationSpelling.Method, form, all, OptionReader.Read(operation, options, model, cancellationToken));
    }

    // A positional argument after the operands that is no option: neither an int, a bool, a list, an int[] nor a marker.
    // (Concatenate has no destination form: a third tensor and a destination would look alike.)
    private static bool IsDestination(OperationDescriptor operation, ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken)
        => operation.Family != OperationFamily.Concatenate
            && CallParser.Literal(argument) is null
            && !OptionReader.IsList(argument)
            && model.GetTypeInfo(argument, cancellationToken).Type is { } type
            && type.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Boolean)
            && type is not IArrayTypeSymbol
            && CallParser.Marker(argument, model, cancellationToken) is null;

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsLiteral(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax || expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax };

    // Operands that are never a tensor: strings, interpolations, characters, booleans, null, typeof/sizeof.
    private static bool IsNeverTensor(ExpressionSyntax expression) => expression is InterpolatedStringExpressionSyntax or TypeOfExpressionSyntax or SizeOfExpressionSyntax
        || expression is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.NumericLiteralExpression);
}
