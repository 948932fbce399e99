using Microsoft.CodeAnalysis;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>The runtime and framework types the call analysis compares against, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(INamedTypeSymbol fallbacks, INamedTypeSymbol? dynamicTensor, INamedTypeSymbol? generatedCodeAttribute, INamedTypeSymbol? tensorMath)
    {
        Fallbacks = fallbacks;
        TensorMath = tensorMath;
        DynamicTensor = dynamicTensor;
        GeneratedCodeAttribute = generatedCodeAttribute;
    }

    /// <summary><c>ShapedTensors.ShapedTensorFallbacks</c>: the generic run-time overloads.</summary>
    public INamedTypeSymbol Fallbacks { get; }

    /// <summary><c>ShapedTensors.TensorMath</c>: <c>Einsum</c>'s run-time overloads (null for a runtime without it).</summary>
    public INamedTypeSymbol? TensorMath { get; }

    /// <summary><c>ShapedTensors.DynamicTensor&lt;T&gt;</c>, whose BatchDot has a <c>semantics</c> parameter too.</summary>
    public INamedTypeSymbol? DynamicTensor { get; }

    /// <summary><c>System.CodeDom.Compiler.GeneratedCodeAttribute</c>, which marks the generator's overloads.</summary>
    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    /// <summary>The symbols, or null when the compilation does not reference the ShapedTensors runtime (then no call can be ours).</summary>
    public static KnownSymbols? Resolve(Compilation compilation)
        => compilation.GetTypeByMetadataName("ShapedTensors.ShapedTensorFallbacks") is { } fallbacks
            ? new KnownSymbols(
                fallbacks,
                compilation.GetTypeByMetadataName("ShapedTensors.DynamicTensor`1"),
                compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute"),
                compilation.GetTypeByMetadataName("ShapedTensors.TensorMath"))
            : null;
}
