using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>Turns a <c>[Tensor]</c> declaration into a <see cref="TensorTypeModel"/>, or null when the generator cannot extend it (the analyzer says why).</summary>
internal static class DeclarationParser
{
    public static TensorTypeModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || context.TargetNode is not TypeDeclarationSyntax declaration
            || context.Attributes.Length != 1
            || TensorSymbols.Read(context.Attributes[0], out _) is not { } shape
            || !IsExtensible(type, cancellationToken))
        {
            return null;
        }

        var containing = new List<ContainingType>();
        for (var (outer, node) = (type.ContainingType, declaration.Parent as TypeDeclarationSyntax); outer is not null; (outer, node) = (outer.ContainingType, node?.Parent as TypeDeclarationSyntax))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is null || !node.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            containing.Insert(0, new ContainingType(Keyword(node), node.Identifier.ValueText));
        }

        return new TensorTypeModel(
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(Names.NamespaceFormat),
            new EquatableArray<ContainingType>(containing),
            type.Name,
            type.TypeKind == TypeKind.Struct ? (type.IsReadOnly ? "readonly struct" : "struct") : "class",
            Accessibility: string.Empty,
            shape.Dims,
            shape.Element,
            AddTensorAttribute: false,
            TensorSymbols.IsNameableFromNamespace(type),
            MemberKeys.UserWritten(type, shape))
        {
            DimNames = shape.Names,
        };
    }

    /// <summary>
    /// Whether the generator extends <paramref name="type"/> (in this compilation or, for a type from a
    /// referenced assembly, in its own): one tensor attribute with a valid shape, every declaration a partial
    /// class or struct of one kind inside partial types, no other type of that name beside it, no member the
    /// generated code relies on written by the user (<see cref="MemberKeys.IsReserved"/>), no dimension name the
    /// generated members cannot take (<see cref="MemberKeys.ClashingDimensionName"/>), and <see cref="CanExtend"/>.
    /// </summary>
    public static bool IsExtensible(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            // Extended by the generator of the assembly that declared it: every generated type is an IShapedTensor<T>,
            // and a fully known one an IShapedTensor<TSelf, T> too (a partial one cannot be: its shape is not static).
            var arity = TensorSymbols.GetDeclaredShape(type) is { IsPartial: true } ? 1 : 2;
            return type.AllInterfaces.Any(i => i is { Name: "IShapedTensor", ContainingNamespace: { Name: "ShapedTensors", ContainingNamespace.IsGlobalNamespace: true } } && i.Arity == arity);
        }

        if (type.GetAttributes().Count(attribute => TensorSymbols.IsTensorAttribute(attribute.AttributeClass)) != 1 // [Tensor] and [Tensor<T>] together: ST0108
            || string.IsNullOrEmpty(type.Name)
            || (type.ContainingType?.GetTypeMembers(type.Name, type.Arity) ?? type.ContainingNamespace.GetTypeMembers(type.Name, type.Arity)).Length != 1)
        {
            return false;
        }

        TypeDeclarationSyntax? first = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || declaration.Identifier.IsMissing
                || (first is not null && !declaration.IsKind(first.Kind()))
                || !CanExtend(type, declaration)
                || !AllContainersPartial(declaration))
            {
                return false;
            }

            first ??= declaration;
        }

        return first is not null
            && TensorSymbols.GetDeclaredShape(type) is { } shape
            && MemberKeys.ReservedMember(type, shape) is null
            && MemberKeys.ClashingDimensionName(shape, type.Name) is null;
    }

    private static bool AllContainersPartial(TypeDeclarationSyntax declaration)
    {
        for (var node = declaration.Parent as TypeDeclarationSyntax; node is not null; node = node.Parent as TypeDeclarationSyntax)
        {
            if (!node.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the generator can add members to this type: a partial, non-generic, non-record class or struct that can be instantiated.</summary>
    public static bool CanExtend(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
        => declaration is ClassDeclarationSyntax or StructDeclarationSyntax
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
            && !type.IsGenericType
            && !type.IsStatic
            && !type.IsAbstract
            && !type.IsRefLikeType
            && !type.IsRecord
            && !type.IsFileLocal;

    private static string Keyword(TypeDeclarationSyntax node) => node switch
    {
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        _ => node.Keyword.ValueText,
    };
}
