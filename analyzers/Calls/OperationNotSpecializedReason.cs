using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Says why a call of one of the operations of OPS.md §1–§7 whose shapes are known and compatible bound to the
/// run-time fallback, following the generator's <c>OperationPlanner</c> as <see cref="NotSpecializedReason"/> follows
/// its planner for the contractions: options it cannot read, operand types it cannot name or trace, and one overload
/// (one result type) per operation, option form and operand types.
/// </summary>
internal static class OperationNotSpecializedReason
{
    /// <param name="result">The call's result shape, or null when an option is not a compile-time constant.</param>
    /// <param name="fix">What ST0003's code fixes write for the advice: the marker, or the result type to name; null for none.</param>
    public static string Explain(OperationCall call, StaticShape? result, KnownSymbols symbols, string? assemblyName, out (IEnumerable<Location> Locations, ImmutableDictionary<string, string?> Properties)? fix)
    {
        fix = null;
        if (result is null)
        {
            var name = NonConstantOption(call.Invocation!) is { } option ? $"its '{option}' argument is" : "an option is";
            return $"{name} not a compile-time constant, so the generator cannot tell the result shape; pass a literal or a const";
        }

        if (NotSpecializedReason.OperandReason(call.Tensors, call.Tensors, assemblyName) is { } operandReason)
        {
            return operandReason;
        }

        // The generator completes every [Tensor] type it sees ([GeneratedCode] on its part): without one, it did not run.
        if (call.Operation.Options.Count > 0 && call.Tensors.Any(t => t.Type is INamedTypeSymbol type && CallBindings.IsGenerated(type, symbols)))
        {
            var types = string.Join(", ", call.Tensors.Select(t => $"'{NotSpecializedReason.Display(t.Type)}'"));
            var found = OtherResult(call, result, symbols);
            var other = found is { } o ? $"'{o.Text}' gives {o.Shape}" : "another call of it gives another result shape";

            // A marker separates the two calls only where their axes differ (not the same axis with and without keepdims).
            var sameAxis = found is { } f && Axis(f.Options) == Axis(call.Options!);
            var marker = sameAxis ? null : MarkerSpelling.For(call);
            var advice = sameAxis ? MarkerSpelling.ResultTypeAdvice(call.Operation, result, MarkerSpelling.HasMarker(call.Invocation!)) : marker?.Advice ?? MarkerSpelling.OtherAdvice(call.Operation, result);
            fix = marker?.Fix() ?? MarkerSpelling.ResultTypeFix(call.Invocation!, call.Operation, result);
            return $"this call gives {result}, {other} on the same operand types ({types}), and one overload has one result type, so the generator leaves both to the fallback; {advice}";
        }

        return "the ShapedTensors generator emitted no overload for it; reference it as an analyzer in this project (OutputItemType=\"Analyzer\")";
    }

    // The first option argument the rule cannot read as a constant.
    private static string? NonConstantOption(IInvocationOperation invocation)
        => invocation.Arguments
            .Where(a => a.Parameter is { } p && OperationCatalog.Find(invocation.TargetMethod.Name) is { } op && op.Options.Any(o => o.Name == p.Name))
            .FirstOrDefault(a => !a.Value.ConstantValue.HasValue && OptionConstants.IntList(a.Value) is null)
            ?.Parameter?.Name;

    // Another call in the same file of the same fallback overload (the generator's option form) on operands of the same
    // types whose options give another result: the call that keeps this one on the fallback. The generator groups calls
    // of the whole project, so it may be elsewhere; only this file's syntax tree is searched (an analyzer may not ask
    // for other trees' semantic models), which is where it usually is.
    // The one axis a marker would stand for: Softmax's, ExpandDims', ... or a reduction's single int.
    private static int? Axis(OperationOptions options) => options.Values is { Length: 1 } values && options.AxesGivenAsInt ? values[0] : options.Values is null ? options.Axis : null;

    private static (string Text, StaticShape Shape, OperationOptions Options)? OtherResult(OperationCall call, StaticShape result, KnownSymbols symbols)
    {
        var invocation = call.Invocation!;
        if (invocation.SemanticModel is not { } model)
        {
            return null;
        }

        var name = invocation.TargetMethod.Name;
        foreach (var syntax in invocation.Syntax.SyntaxTree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (syntax == invocation.Syntax
                || syntax.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var called }
                || called != name
                || model.GetOperation(syntax) is not IInvocationOperation operation
                || !SymbolEqualityComparer.Default.Equals(operation.TargetMethod.OriginalDefinition, invocation.TargetMethod.OriginalDefinition)
                || OperationCall.Read(operation, symbols) is not { Options: { } options } other
                || !other.Tensors.Select(t => t.Type).SequenceEqual(call.Tensors.Select(t => t.Type), SymbolEqualityComparer.Default)
                || OperationRules.Apply(other.Operation, other.Operands, options).Result is not { } shape
                || shape.ToString() == result.ToString())
            {
                continue;
            }

            return (SyntaxText.Short(syntax) ?? name, shape, options);
        }

        return null;
    }
}
