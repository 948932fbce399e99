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

    /// <summary>
    /// A result-type form of <c>ShapedTensorFallbacks</c> (<c>x.Sum&lt;T41&gt;(1, keepdims: true)</c>): its result is
    /// the tensor type it names, checked against the rule's result shape (ST0011).
    /// </summary>
    ResultType,
}

/// <summary>Tells which of the kinds of method above a call bound to.</summary>
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
            return ResultTypeOf(method) is null ? CallBinding.Fallback : CallBinding.ResultType;
        }

        return type.Name == Names.OperationsClass && IsGenerated(type, symbols) ? CallBinding.Specialized : CallBinding.None;
    }

    /// <summary>The type a result-type form names (its one type parameter, <c>TResult</c>), or null for another method.</summary>
    public static ITypeSymbol? ResultTypeOf(IMethodSymbol method)
        => method.TypeParameters.Length == 1 && method.TypeParameters[0].Name == "TResult" ? method.TypeArguments[0] : null;

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
