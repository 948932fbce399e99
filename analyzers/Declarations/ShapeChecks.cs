using System.Globalization;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        if (DeclaredDimension.Read(attribute) is not { } dims)
        {
            return;
        }

        if (dims.Count == 0)
        {
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.NoDimensions, attributeLocation, type.Name);
            return;
        }

        // Point at the dimension itself when the attribute lists them one by one.
        var arguments = syntax?.ArgumentList?.Arguments;
        Location At(int axis) => arguments is { } list && list.Count == dims.Count ? list[axis].GetLocation() : attributeLocation;

        var invalid = Enumerable.Range(0, dims.Count).Where(axis => dims[axis].Kind == DimensionKind.Invalid).ToList();
        foreach (var axis in invalid)
        {
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.InvalidDimensionName, At(axis), axis, type.Name, dims[axis].Constant.ToCSharpString());
        }

        var bad = dims.FindIndex(dim => dim.Kind == DimensionKind.Size && dim.Size < 0);
        if (bad >= 0)
        {
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.NegativeDimension, At(bad), bad, type.Name, dims[bad].Size);
            return;
        }

        if (invalid.Count > 0)
        {
            return;
        }

        // A size known only at run time counts as its smallest non-empty size, 1: the known sizes alone are too many.
        var sizes = dims.Select(dim => dim.Kind == DimensionKind.Size ? dim.Size : -1).ToList();
        if (TensorSymbols.Validate(sizes) == DeclarationProblem.TooManyElements)
        {
            var count = sizes.Aggregate(BigInteger.One, (product, dim) => product * System.Math.Max(dim, 1));
            var shape = StaticShape.Parse(dims.Select(dim => dim.Constant.Value!).ToArray()).ToString();
            TensorDeclarationAnalyzer.Report(context, links, DiagnosticDescriptors.TooManyElements, attributeLocation, shape, type.Name, count.ToString(CultureInfo.InvariantCulture), TensorSymbols.MaxElements.ToString(CultureInfo.InvariantCulture));
        }

        NameChecks.Report(context, links, type, dims, At);
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
