using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
/// compile-time constants are ST0004, since the shapes are then checked when the call runs. A call the generator left to
/// the runtime is ST0003 with the reason: written qualified, or another call on the same
/// operand types with another result shape (an einsum's named when it is in the same file).
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
        if ((!isEinsum && method.Name != OperationCatalog.TensorDot.Name) || !IsLibraryMethod(method.ContainingType, symbols)
            || ReadArguments(invocation) is not var (option, operands) || option is null)
        {
            return;
        }

        var shapes = operands.ConvertAll(operand => operand.Declared!);
        var rule = isEinsum
            ? option.Value.ConstantValue is { HasValue: true, Value: string equation } ? OperationRules.Einsum(equation, shapes) : null
            : ReadAxes(option.Value) is { } axes && shapes.Count == 2 ? OperationRules.TensorDot(shapes[0], shapes[1], axes) : null;
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
            var reason = WhyNotSpecialized(invocation, isEinsum, operands, rule.Outcome.Result, symbols, context.CancellationToken);
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.NotSpecialized, invocation.Syntax.GetLocation(), method.Name, NotSpecializedReason.DescribeShapes(shapes), reason));
        }
    }

    // The equation or axes argument (null when there is none) and the operands in order, the destination left out; null
    // when an operand's type declares no shape (DynamicTensor, IShapedTensor<T>): the compiler cannot know it.
    private static (IArgumentOperation? Option, List<Operand> Operands)? ReadArguments(IInvocationOperation invocation)
    {
        IArgumentOperation? option = null;
        var operands = new List<Operand>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            var name = argument.Parameter?.Name;
            if (name is "equation" or "axes")
            {
                option = argument;
            }
            else if (name != "destination")
            {
                var operand = Operand.Read(argument.Value);
                if (operand.Declared is null)
                {
                    return null;
                }

                operands.Add(operand);
            }
        }

        return (option, operands);
    }

    // ST0003's reason for a call with a constant equation or axes that bound to the run-time overloads: what the
    // generator specializes is unqualified Einsum (of one operand or two) and TensorDot, on fully or partially known shapes, one
    // result type per operand types.
    private static string WhyNotSpecialized(IInvocationOperation invocation, bool isEinsum, List<Operand> operands, StaticShape? result, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (isEinsum && invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax qualified })
        {
            return $"it is written qualified ('{qualified}'), and the generated overloads are found by an unqualified Einsum(...) (with 'using static ShapedTensors.TensorMath;'); drop the qualifier";
        }

        // The generator completes every [Tensor] type it sees ([GeneratedCode] on its part): without one, it did not run.
        if (!operands.Exists(operand => operand.Type is INamedTypeSymbol type && CallBindings.IsGenerated(type, symbols)))
        {
            return "the ShapedTensors generator emitted no overload for it; reference it as an analyzer in this project (OutputItemType=\"Analyzer\")";
        }

        // One overload per operand types, and an equation (a string) or axes cannot tell overloads apart.
        var types = string.Join(" and ", operands.Select(operand => $"'{NotSpecializedReason.Display(operand.Type)}'"));
        var other = isEinsum && result is not null && ConflictingEinsum(invocation, operands, result, cancellationToken) is { } found
            ? $"'{found.Text}' gives {found.Result}"
            : $"another {invocation.TargetMethod.Name} call gives another result shape";
        var option = isEinsum ? "the equation is a string, which cannot tell overloads apart" : "the axes are values, which cannot tell overloads apart";
        return $"this call gives {result}, {other} on the same operand types ({types}), and one overload has one result type, so the generator leaves both to the fallback ({option}); {MarkerSpelling.OwnType}";
    }

    // Another unqualified Einsum in the same file on operands of the same types whose constant equation gives another
    // result shape: why the generator emitted no overload for either (SpecializationPlanner drops such a group). Null
    // when the file has none (the other call may be in another file).
    private static (string Text, StaticShape Result)? ConflictingEinsum(IInvocationOperation invocation, List<Operand> operands, StaticShape result, CancellationToken cancellationToken)
    {
        if (invocation.SemanticModel is not { } model)
        {
            return null;
        }

        foreach (var node in invocation.Syntax.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (node == invocation.Syntax
                || node.Expression is not IdentifierNameSyntax { Identifier.ValueText: "Einsum" }
                || model.GetOperation(node, cancellationToken) is not IInvocationOperation other
                || ReadArguments(other) is not ({ Value.ConstantValue: { HasValue: true, Value: string equation } }, var otherOperands)
                || otherOperands.Count != operands.Count
                || otherOperands.Where((operand, i) => !SymbolEqualityComparer.Default.Equals(operand.Type, operands[i].Type)).Any())
            {
                continue;
            }

            if (OperationRules.Einsum(equation, otherOperands.ConvertAll(operand => operand.Declared!)).Outcome.Result is { } shape && shape.ToString() != result.ToString())
            {
                return (SyntaxText.Short(node) ?? $"Einsum(\"{equation}\", ...)", shape);
            }
        }

        return null;
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
