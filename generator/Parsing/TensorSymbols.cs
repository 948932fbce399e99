using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>What is wrong with a <c>[Tensor]</c> declaration's shape, if anything.</summary>
internal enum DeclarationProblem
{
    None,
    NoDimensions,
    NegativeDimension,
    TooManyElements,
    UnsupportedElementType,
    NotConstant,
}

/// <summary>The shape and element type a <c>[Tensor]</c> attribute declares.</summary>
internal sealed record DeclaredShape(EquatableArray<int> Dims, ElementKind Element);

/// <summary>Recognizes tensor types by their <c>[Tensor]</c> attribute, in source or in referenced assemblies.</summary>
internal static class TensorSymbols
{
    public const string AttributeMetadataName = "ShapedTensors.TensorAttribute";
    public const string GenericAttributeMetadataName = "ShapedTensors.TensorAttribute`1";

    /// <summary>The largest element count a tensor can have: the longest array .NET allows.</summary>
    public const long MaxElements = 0x7FFFFFC7;

    /// <summary>The valid shape declared on <paramref name="type"/>, or null when it has none or it is invalid.</summary>
    public static DeclaredShape? GetDeclaredShape(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Struct or TypeKind.Class))
        {
            return null;
        }

        foreach (var attribute in named.GetAttributes())
        {
            if (IsTensorAttribute(attribute.AttributeClass))
            {
                return Read(attribute, out var problem) is { } shape && problem == DeclarationProblem.None ? shape : null;
            }
        }

        return null;
    }

    public static bool IsTensorAttribute(INamedTypeSymbol? attributeClass)
        => attributeClass is { Name: "TensorAttribute", ContainingNamespace: { Name: "ShapedTensors", ContainingNamespace.IsGlobalNamespace: true } }
            && attributeClass.Arity <= 1;

    /// <summary>Reads a <c>[Tensor]</c> attribute; <paramref name="problem"/> says why the shape is unusable.</summary>
    public static DeclaredShape? Read(AttributeData attribute, out DeclarationProblem problem)
    {
        var element = ElementKind.Float32;
        if (attribute.AttributeClass is { IsGenericType: true } generic)
        {
            switch (generic.TypeArguments[0].SpecialType)
            {
                case SpecialType.System_Single:
                    element = ElementKind.Float32;
                    break;
                case SpecialType.System_Double:
                    element = ElementKind.Float64;
                    break;
                default:
                    problem = DeclarationProblem.UnsupportedElementType;
                    return null;
            }
        }

        var dims = new List<int>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                problem = DeclarationProblem.NotConstant;
                return null;
            }

            var values = argument.Kind == TypedConstantKind.Array ? argument.Values : new[] { argument }.ToImmutableArrayShim();
            foreach (var value in values)
            {
                if (value.Value is not int dim)
                {
                    problem = DeclarationProblem.NotConstant;
                    return null;
                }

                dims.Add(dim);
            }
        }

        problem = Validate(dims);
        return problem == DeclarationProblem.None ? new DeclaredShape(new EquatableArray<int>(dims), element) : null;
    }

    public static DeclarationProblem Validate(IReadOnlyList<int> dims)
    {
        if (dims.Count == 0)
        {
            return DeclarationProblem.NoDimensions;
        }

        foreach (var dim in dims)
        {
            if (dim < 0)
            {
                return DeclarationProblem.NegativeDimension;
            }
        }

        // A 0 makes the tensor empty however large the other dimensions are.
        if (dims.Contains(0))
        {
            return DeclarationProblem.None;
        }

        long count = 1;
        foreach (var dim in dims)
        {
            count *= dim;
            if (count > MaxElements)
            {
                return DeclarationProblem.TooManyElements;
            }
        }

        return DeclarationProblem.None;
    }

    /// <summary>
    /// Whether code at namespace level of the same assembly can name <paramref name="type"/>: no private or
    /// protected nesting, and no type parameters of an enclosing generic type or method.
    /// </summary>
    public static bool IsNameableFromNamespace(ITypeSymbol type)
    {
        for (var symbol = type as INamedTypeSymbol; symbol is not null; symbol = symbol.ContainingType)
        {
            if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
                || symbol.TypeArguments.Any(argument => argument.TypeKind == TypeKind.TypeParameter))
            {
                return false;
            }
        }

        return true;
    }

    private static System.Collections.Immutable.ImmutableArray<TypedConstant> ToImmutableArrayShim(this TypedConstant[] values)
        => System.Collections.Immutable.ImmutableArray.Create(values);
}
