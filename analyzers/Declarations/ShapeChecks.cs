using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Analyzers.Declarations;

/// <summary>
/// The shape and element type checks of a <c>[Tensor]</c> attribute: the same rules as the generator's
/// <see cref="TensorSymbols.Read"/>, but every problem is reported, each where it is written.
/// </summary>
internal static class ShapeChecks
{
    public static void Report(SymbolAnalysisContext context, HelpLinks links, INamedTypeSymbol type, AttributeData attribute, AttributeSyntax? syntax)
    {
        var attributeLocation = syntax?.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
        if (attribute.AttributeClass is { IsGenericType: true, TypeArguments: { Length: 1 } typeArguments }
            && typeArguments[0] is var element
            && element.SpecialType is not (SpecialType.System_Single or SpecialType.System_Double))
        {
            var location = TypeArgumentOf(syntax)?.GetLocation() ?? attributeLocation;
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.UnsupportedElementType, location, element.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), type.Name);
        }

        // Dimensions that are not constants are already a compiler error.
        if (Dimensions(attribute) is not { } dims)
        {
            return;
        }

        if (dims.Count == 0)
        {
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.NoDimensions, attributeLocation, type.Name);
            return;
        }

        var bad = dims.FindIndex(dim => dim < 0);
        if (bad >= 0)
        {
            // Point at the dimension itself when the attribute lists them one by one.
            var arguments = syntax?.ArgumentList?.Arguments;
            var location = arguments is { } list && list.Count == dims.Count ? list[bad].GetLocation() : attributeLocation;
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.NegativeDimension, location, bad, type.Name, dims[bad]);
            return;
        }

        if (TensorSymbols.Validate(dims) == DeclarationProblem.TooManyElements)
        {
            var count = dims.Aggregate(BigInteger.One, (product, dim) => product * dim);
            var shape = "(" + string.Join(", ", dims.Select(dim => dim.ToString(CultureInfo.InvariantCulture))) + (dims.Count == 1 ? ",)" : ")");
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.TooManyElements, attributeLocation, shape, type.Name, count.ToString(CultureInfo.InvariantCulture), TensorSymbols.MaxElements.ToString(CultureInfo.InvariantCulture));
        }
    }

    // The dimensions as TensorSymbols.Read collects them (params array or single values), or null if one is not a constant int.
    private static List<int>? Dimensions(AttributeData attribute)
    {
        var dims = new List<int>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                return null;
            }

            var values = argument.Kind == TypedConstantKind.Array ? argument.Values : ImmutableArray.Create(argument);
            foreach (var value in values)
            {
                if (value.Value is not int dim)
                {
                    return null;
                }

                dims.Add(dim);
            }
        }

        return dims;
    }

    // The T of [Tensor<T>], [ShapedTensors.Tensor<T>] or [global::ShapedTensors.Tensor<T>].
    private static TypeSyntax? TypeArgumentOf(AttributeSyntax? syntax)
    {
        var name = syntax?.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax alias => alias.Name,
            var simple => simple,
        };
        return name is GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } arguments } ? arguments[0] : null;
    }
}
