using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>What a call of one of the catalogue's operations (<see cref="OperationCatalog"/>) bound to.</summary>
internal enum CallBinding
{
    /// <summary>Something else (a <c>DynamicTensor</c> instance method, a user's own method): not ours to check.</summary>
    None,

    /// <summary>A generic overload of <c>ShapedTensorFallbacks</c>: computed through the runtime.</summary>
    Fallback,

    /// <summary>An overload the generator emitted for these operand types.</summary>
    Specialized,
}

/// <summary>Tells which of the three kinds of method a call bound to.</summary>
internal static class CallBindings
{
    private const string GeneratorName = "ShapedTensors.Generator";

    public static CallBinding Classify(IMethodSymbol method, KnownSymbols symbols)
    {
        if (!method.IsStatic || OperationCatalog.Find(method.Name) is null)
        {
            return CallBinding.None;
        }

        var type = method.ContainingType;
        if (type is null)
        {
            return CallBinding.None;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.Fallbacks))
        {
            return CallBinding.Fallback;
        }

        return type.Name == Names.OperationsClass && IsGenerated(type, symbols) ? CallBinding.Specialized : CallBinding.None;
    }

    /// <summary>Whether the generator emitted <paramref name="type"/>: it marks its classes [GeneratedCode("ShapedTensors.Generator", version)].</summary>
    public static bool IsGenerated(INamedTypeSymbol type, KnownSymbols symbols)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (symbols.GeneratedCodeAttribute is not null
                && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.GeneratedCodeAttribute)
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value as string == GeneratorName)
            {
                return true;
            }
        }

        return false;
    }
}
