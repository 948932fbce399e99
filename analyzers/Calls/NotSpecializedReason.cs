using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Says why a call whose shapes and options are known and compatible bound to the run-time fallback. The generator
/// cannot tell (it reports nothing), so this follows its rules: it names operand types from namespace level, it sees
/// its own result types only through expressions it can trace, and it emits one overload per operation and pair of
/// operand types, so a pair whose calls give different result shapes stays on the fallback. When an overload for the
/// operand types exists and the call still missed it, the arguments are the reason.
/// </summary>
internal static class NotSpecializedReason
{
    /// <param name="fix">What ST0003's code fixes write for the advice: the marker, or the result type to name; null for none.</param>
    public static string Explain(TensorCall call, Operand x, Operand y, Operand? destination, StaticShape result, KnownSymbols symbols, string? assemblyName, out (IEnumerable<Location> Locations, ImmutableDictionary<string, string?> Properties)? fix)
    {
        fix = null;
        if (OperandReason(new[] { x, y, destination }, new[] { x, y }, assemblyName) is { } operandReason)
        {
            return operandReason;
        }

        if (call.Semantics is { ArgumentKind: not Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue })
        {
            return "it passes a semantics argument, and specialized overloads follow the project's ShapedTensorsBatchDot instead; set that property (or drop the argument where it says the same)";
        }

        if (GeneratedOverload(call, x, y, symbols) is { } overload)
        {
            return destination?.Type is { } destinationType && overload.Parameters.FirstOrDefault(p => p.Name == "destination")?.Type is { } resultType
                ? $"its destination's type '{Display(destinationType)}' does not convert to '{Display(resultType)}', the result type of the generated overload"
                : $"its arguments do not fit the generated overload '{overload.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}'";
        }

        if (call.Axes is not null || IsWritten(call.TransposeA) || IsWritten(call.TransposeB))
        {
            var marker = MarkerSpelling.For(call);
            var advice = marker?.Advice ?? MarkerSpelling.OtherAdvice(call.Operation, result);
            fix = marker?.Fix() ?? MarkerSpelling.ResultTypeFix(call.Invocation, call.Operation, result);
            return $"one overload has one result type, and the calls on '{Display(x.Type)}' and '{Display(y.Type)}' have option values that give different result shapes (this one gives {result}), so the generator leaves them to the fallback; {advice}";
        }

        return "the ShapedTensors generator emitted no overload for it; reference it as an analyzer in this project (OutputItemType=\"Analyzer\")";
    }

    /// <summary>
    /// The reasons every call shares, from its operands' types: a type of <paramref name="named"/> (the destination
    /// included; null entries are skipped) that generated code cannot name, or a generated result type among the
    /// <paramref name="traced"/> operands that the generator cannot trace to its expression. Null when neither applies.
    /// </summary>
    public static string? OperandReason(IEnumerable<Operand?> named, IEnumerable<Operand> traced, string? assemblyName)
    {
        foreach (var operand in named)
        {
            if (operand?.Type is { } type && !TensorSymbols.IsNameableFromNamespace(type))
            {
                return $"'{Display(type)}' is private, protected or nested in a generic type, so generated code cannot name it; make it internal or public";
            }
        }

        foreach (var operand in traced)
        {
            if (operand.Type is { } type && IsGeneratedResultType(type, assemblyName))
            {
                var expression = SyntaxText.Short(operand.Value.Syntax) is { } text ? $"'{text}'" : "an operand";
                return $"{expression} has the generated result type '{type.Name}', which the generator only recognizes through var locals, chained calls, casts and factories; give it a [Tensor] type of that shape";
            }
        }

        return null;
    }

    /// <summary>ST0003's operands: "shape (3, 4)", "shapes (3, 4) and (4, 5)", "shapes (2, 3), (2, 3) and (2, 4)".</summary>
    public static string DescribeShapes(IReadOnlyList<StaticShape> shapes)
        => shapes.Count == 1
            ? $"shape {shapes[0]}"
            : "shapes " + string.Join(", ", shapes.Take(shapes.Count - 1)) + " and " + shapes[shapes.Count - 1];

    /// <summary>How the reasons show a type: as the compiler's messages do.</summary>
    public static string Display(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? "?";

    // A generated overload of the call's operation for its operand types, in scope where the call is (the allocation-free
    // form when the call has a destination), or null.
    private static IMethodSymbol? GeneratedOverload(TensorCall call, Operand x, Operand y, KnownSymbols symbols)
    {
        if (call.Invocation.SemanticModel is not { } model || x.Type is not INamedTypeSymbol receiver || y.Type is null)
        {
            return null;
        }

        var destinationForm = call.Destination is not null;
        return model.LookupSymbols(call.Invocation.Syntax.SpanStart, receiver, call.Operation.Name, includeReducedExtensionMethods: true)
            .OfType<IMethodSymbol>()
            .Select(method => method.ReducedFrom)
            .OfType<IMethodSymbol>()
            .FirstOrDefault(method => CallBindings.Classify(method, symbols) == CallBinding.Specialized
                && method.Parameters.Length > 1
                && SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, y.Type)
                && method.Parameters.Any(p => p.Name == "destination") == destinationForm);
    }

    // An option argument the user wrote (an omitted optional one is there too, with its default value).
    private static bool IsWritten(IArgumentOperation? argument) => argument is { ArgumentKind: not ArgumentKind.DefaultValue };

    // The generator's canonical result types are the top-level types of ShapedTensors.Generated.<Assembly>.
    private static bool IsGeneratedResultType(ITypeSymbol type, string? assemblyName)
        => type.ContainingType is null
            && type.ContainingNamespace?.ToDisplayString() == Names.GeneratedNamespace(assemblyName);

}
