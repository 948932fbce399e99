using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Reads an option argument as the compile-time constant its <see cref="OptionKind"/> takes. Null means "not a
/// constant": the call's shapes then depend on a run-time value and nothing is reported.
/// </summary>
internal static class OptionConstants
{
    /// <summary>
    /// An <see cref="int"/> (an axis); an omitted optional argument is its default value, a constant too. An axis marker
    /// (<c>Axis.At1</c>, passed as itself or converted to the int it stands for) is its type's value.
    /// </summary>
    public static int? Int(IOperation value)
        => value.ConstantValue is { HasValue: true, Value: int result } ? result
            : StripConversions(value).Type is INamedTypeSymbol type && IsMarker(type) ? OptionMarkers.Axis(type.Name) : null;

    /// <summary>The transpose flags of a marker (<c>Transpose.A</c>), or null when the value is not one.</summary>
    public static (bool A, bool B)? Transpose(IOperation value)
        => StripConversions(value).Type is INamedTypeSymbol type && IsMarker(type) ? OptionMarkers.Transpose(type.Name) : null;

    /// <summary>Whether the value is an option marker (<c>Axis.At1</c>, <c>Transpose.A</c>).</summary>
    public static bool IsMarker(IOperation value) => StripConversions(value).Type is INamedTypeSymbol type && IsMarker(type);

    private static bool IsMarker(INamedTypeSymbol type)
        => type.ContainingNamespace is { Name: OptionMarkers.Namespace, ContainingNamespace.IsGlobalNamespace: true } && type.TypeKind == TypeKind.Struct;

    /// <summary>A <see cref="bool"/> (a flag).</summary>
    public static bool? Bool(IOperation value) => value.ConstantValue is { HasValue: true, Value: bool result } ? result : null;

    /// <summary>
    /// A list of ints: the elements of a <c>params</c> argument (its implicit array), of <c>new[] { .. }</c> or of a
    /// collection expression <c>[..]</c>, each a constant. An array created by size alone (<c>new int[3]</c>) or any
    /// other expression is not read.
    /// </summary>
    public static int[]? IntList(IOperation value)
    {
        var elements = Elements(StripConversions(value));
        if (elements is null)
        {
            return null;
        }

        var result = new int[elements.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (Int(elements[i]) is not { } element)
            {
                return null;
            }

            result[i] = element;
        }

        return result;
    }

    private static IReadOnlyList<IOperation>? Elements(IOperation value) => value switch
    {
        IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,

        // new int[0] (what an empty params list compiles to) has no initializer.
        IArrayCreationOperation { Initializer: null, DimensionSizes.Length: 1 } empty when empty.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 } => System.Array.Empty<IOperation>(),
        ICollectionExpressionOperation collection => collection.Elements,
        _ => null,
    };

    /// <summary>
    /// The value under its implicit conversions: a collection expression reaches its int[] parameter through one, a
    /// tuple literal its (int, int) parameter.
    /// </summary>
    public static IOperation StripConversions(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true, Operand: { } inner })
        {
            value = inner;
        }

        return value;
    }
}
