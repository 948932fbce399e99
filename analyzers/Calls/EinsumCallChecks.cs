using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Checks <c>Einsum(equation, a[, b])</c> and <c>a.TensorDot(b, axes)</c> (OPS.md §8–§9) on operands whose types declare
/// their shapes: a malformed equation, a label-size conflict, a <c>...</c> that does not broadcast or an axis out of
/// range is ST0001 with the runtime's exact text, pointing into the equation's string literal at the part it is about;
/// each size comparison a named or unknown dimension leaves to run time is ST0010; an equation or axes that are not
/// compile-time constants are ST0004, since the shapes are then checked when the call runs.
/// </summary>
/// <remarks>
/// The rules are <see cref="OperationRules.Einsum"/> and <see cref="OperationRules.TensorDot"/>, the runtime's.
/// Registered by <see cref="TensorCallAnalyzer"/>, which owns the descriptors.
/// </remarks>
internal static class EinsumCallChecks
{
    public static void Register(CompilationStartAnalysisContext start, KnownSymbols symbols, HelpLinks links)
        => start.RegisterOperationAction(operation => Check(operation, (IInvocationOperation)operation.Operation, symbols, links), OperationKind.Invocation);

    private static void Check(OperationAnalysisContext context, IInvocationOperation invocation, KnownSymbols symbols, HelpLinks links)
    {
        var method = invocation.TargetMethod;
        var isEinsum = method.Name == OperationCatalog.Einsum.Name;
        if ((!isEinsum && method.Name != OperationCatalog.TensorDot.Name) || !IsLibraryMethod(method.ContainingType, symbols))
        {
            return;
        }

        IArgumentOperation? option = null;
        var operands = new List<StaticShape>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            var name = argument.Parameter?.Name;
            if (name is "equation" or "axes")
            {
                option = argument;
            }
            else if (name != "destination")
            {
                if (Operand.Read(argument.Value).Declared is not { } shape)
                {
                    return; // a shape the compiler cannot know: DynamicTensor, IShapedTensor<T>
                }

                operands.Add(shape);
            }
        }

        if (option is null)
        {
            return;
        }

        var rule = isEinsum
            ? option.Value.ConstantValue is { HasValue: true, Value: string equation } ? OperationRules.Einsum(equation, operands) : null
            : ReadAxes(option.Value) is { } axes && operands.Count == 2 ? OperationRules.TensorDot(operands[0], operands[1], axes) : null;
        if (rule is null)
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.NonConstantOption, option.Syntax.GetLocation(), option.Parameter!.Name, method.Name));
            return;
        }

        if (rule.Outcome.Error is { } error)
        {
            var location = rule.ErrorSpan is { } span ? InLiteral(option.Value, span) ?? invocation.Syntax.GetLocation() : invocation.Syntax.GetLocation();
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.ShapeMismatch, location, error.Message));
            return;
        }

        foreach (var check in rule.Outcome.Deferred)
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.CheckedAtRunTime, invocation.Syntax.GetLocation(), method.Name, check.Describe()));
        }

        if (!CallBindings.IsGenerated(method.ContainingType, symbols))
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.NotSpecialized, invocation.Syntax.GetLocation(), method.Name, NotSpecializedReason.DescribeShapes(operands), WhyNotSpecialized(invocation, isEinsum, operands)));
        }
    }

    // ST0003's reason for a call with a constant equation or axes that bound to the run-time overloads: what the
    // generator specializes is unqualified Einsum of two operands and TensorDot, on fully known shapes, one result type
    // per operand types.
    private static string WhyNotSpecialized(IInvocationOperation invocation, bool isEinsum, List<StaticShape> operands)
    {
        if (isEinsum && invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax qualified })
        {
            return $"it is written qualified ('{qualified}'), and the generated overloads are found by an unqualified Einsum(...) (with 'using static ShapedTensors.TensorMath;'); drop the qualifier";
        }

        if (isEinsum && operands.Count == 1)
        {
            return "the generator specializes Einsum of two operands; one operand's runs through the runtime";
        }

        if (operands.Any(shape => !shape.IsFullyKnown))
        {
            return "the generator specializes Einsum and TensorDot on fully known shapes; sizes known only at run time go through the runtime";
        }

        return "the generator emitted no overload for it: another call on the same operand types gives another result shape (one overload has one result type), or the generator does not run in this project; give one of them operands of another [Tensor] type of the same shape";
    }

    // TensorMath's and ShapedTensorFallbacks' run-time overloads, or the generator's.
    private static bool IsLibraryMethod(INamedTypeSymbol? type, KnownSymbols symbols)
        => type is not null
            && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.Fallbacks)
                || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.TensorMath)
                || CallBindings.IsGenerated(type, symbols));

    // An int count, an (int, int) pair, or an (int[], int[]) pair of lists, every element a constant.
    private static TensorDotAxes? ReadAxes(IOperation value)
    {
        value = OptionConstants.StripConversions(value);
        if (OptionConstants.Int(value) is { } count)
        {
            return TensorDotAxes.Of(count);
        }

        if (value is not ITupleOperation { Elements.Length: 2 } tuple)
        {
            return null;
        }

        if (OptionConstants.Int(tuple.Elements[0]) is { } a && OptionConstants.Int(tuple.Elements[1]) is { } b)
        {
            return TensorDotAxes.Of(new[] { a }, new[] { b });
        }

        return OptionConstants.IntList(tuple.Elements[0]) is { } aList && OptionConstants.IntList(tuple.Elements[1]) is { } bList
            ? TensorDotAxes.Of(aList, bList)
            : null;
    }

    // The part of a string literal the error is about, when the literal spells its text character for character (a
    // regular or verbatim literal without escapes); null otherwise (a constant, a concatenation, an escape).
    private static Location? InLiteral(IOperation value, EquationSpan span)
    {
        if (OptionConstants.StripConversions(value).Syntax is not LiteralExpressionSyntax { Token: var token } literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        var opening = token.Text.StartsWith("@\"", System.StringComparison.Ordinal) ? 2 : token.Text.StartsWith("\"", System.StringComparison.Ordinal) ? 1 : -1;
        if (opening < 0 || token.Text.Length != token.ValueText.Length + opening + 1)
        {
            return null;
        }

        return Location.Create(literal.SyntaxTree, new TextSpan(token.SpanStart + opening + span.Start, span.Length));
    }
}
