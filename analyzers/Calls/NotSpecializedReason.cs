using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Model;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Says why the generator emitted no specialized overload for a call whose shapes and options are known and
/// compatible. The generator cannot tell (it reports nothing), so this follows its rules: it names operand
/// types from namespace level, it sees its own result types only through expressions it can trace, and it
/// emits one overload per operation and pair of operand types, so a pair whose calls give different result
/// shapes stays on the fallback.
/// </summary>
internal static class NotSpecializedReason
{
    public static string Explain(TensorCall call, Operand x, Operand y, Operand? destination, Shape result, string? assemblyName)
    {
        foreach (var operand in new[] { x, y, destination })
        {
            if (operand?.Type is { } type && !TensorSymbols.IsNameableFromNamespace(type))
            {
                return $"'{Display(type)}' is private, protected or nested in a generic type, so generated code cannot name it; make it internal or public";
            }
        }

        foreach (var operand in new[] { x, y })
        {
            if (operand.Type is { } type && IsGeneratedResultType(type, assemblyName))
            {
                var expression = SyntaxText.Short(operand.Value.Syntax) is { } text ? $"'{text}'" : "an operand";
                return $"{expression} has the generated result type '{type.Name}', which the generator only recognizes through var locals, chained calls, casts and factories; give it a [Tensor] type of that shape";
            }
        }

        if (call.Semantics is { ArgumentKind: not Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue })
        {
            return "it passes a semantics argument, and specialized overloads follow the project's ShapedTensorsBatchDot instead; set that property (or drop the argument where it says the same)";
        }

        if (call.Axes is not null || call.TransposeA is not null || call.TransposeB is not null)
        {
            return $"the generator emits one overload per operation and pair of operand types, and leaves every call on '{Display(x.Type)}' and '{Display(y.Type)}' to the fallback when their option values give different result shapes (this one gives {result}); declare a second type of the same shape for one of them";
        }

        return "the ShapedTensors generator emitted no overload for it; reference it as an analyzer in this project (OutputItemType=\"Analyzer\")";
    }

    // The generator's canonical result types are the top-level types of ShapedTensors.Generated.<Assembly>.
    private static bool IsGeneratedResultType(ITypeSymbol type, string? assemblyName)
        => type.ContainingType is null
            && type.ContainingNamespace?.ToDisplayString() == Names.GeneratedNamespace(assemblyName);

    private static string Display(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) ?? "?";
}
