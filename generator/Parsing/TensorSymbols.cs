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
    InvalidDimensionName,
}

/// <summary>The shape and element type a <c>[Tensor]</c> attribute declares.</summary>
/// <param name="Dims">The sizes; -1 where a dimension is named or unknown.</param>
/// <param name="Names">Empty when every size is known; else, per dimension, "" (known), "?" (unknown) or its name.</param>
internal sealed record DeclaredShape(EquatableArray<int> Dims, ElementKind Element, EquatableArray<string> Names)
{
    public bool IsPartial => Names.Count > 0;

    /// <summary>The shape as the shape algebra sees it.</summary>
    public StaticShape ToStatic() => DimsModel.ToStatic(Dims, Names);
}

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
        var names = new List<string>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                problem = DeclarationProblem.NotConstant;
                return null;
            }

            // A null params array ([Tensor("b", null)]) is one dimension that is neither a size nor a name.
            if (argument.Kind == TypedConstantKind.Array && argument.IsNull)
            {
                problem = DeclarationProblem.InvalidDimensionName;
                return null;
            }

            var values = argument.Kind == TypedConstantKind.Array ? argument.Values : new[] { argument }.ToImmutableArrayShim();
            foreach (var value in values)
            {
                switch (value.Value)
                {
                    case int dim when dim < 0:
                        problem = DeclarationProblem.NegativeDimension;
                        return null;
                    case int dim:
                        dims.Add(dim);
                        names.Add(string.Empty);
                        break;
                    case string name when name == Dimension.UnknownSpelling || Dimension.IsValidName(name):
                        dims.Add(-1);
                        names.Add(name);
                        break;
                    case string:
                        problem = DeclarationProblem.InvalidDimensionName;
                        return null;
                    default:
                        problem = DeclarationProblem.NotConstant;
                        return null;
                }
            }
        }

        problem = Validate(dims);
        var partial = names.Exists(name => name.Length > 0);
        return problem == DeclarationProblem.None
            ? new DeclaredShape(new EquatableArray<int>(dims), element, partial ? new EquatableArray<string>(names) : EquatableArray<string>.Empty)
            : null;
    }

    public static DeclarationProblem Validate(IReadOnlyList<int> dims)
    {
        if (dims.Count == 0)
        {
            return DeclarationProblem.NoDimensions;
        }

        foreach (var dim in dims)
        {
            if (dim < -1)
            {
                return DeclarationProblem.NegativeDimension;
            }
        }

        // A 0 makes the tensor empty however large the other dimensions are.
        if (dims.Contains(0))
        {
            return DeclarationProblem.None;
        }

        // Sizes known only at run time (-1) are checked when a value is made.
        long count = 1;
        foreach (var dim in dims)
        {
            count *= Math.Max(dim, 1);
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
