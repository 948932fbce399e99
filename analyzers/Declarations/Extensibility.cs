using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Analyzers.Declarations;

/// <summary>Whether the generator can extend a declaration, and if not, why, in words.</summary>
internal static class Extensibility
{
    /// <summary>Why the generator cannot extend the type whatever its modifiers, or null when it can (given partial).</summary>
    public static string? Problem(INamedTypeSymbol type, MemberDeclarationSyntax? declaration)
    {
        var reason = type.TypeKind switch
        {
            TypeKind.Interface => "an interface",
            TypeKind.Enum => "an enum",
            TypeKind.Delegate => "a delegate",
            _ when type.IsRecord => type.TypeKind == TypeKind.Struct ? "a record struct" : "a record",
            _ when type.IsFileLocal => "a file-local type",
            _ when type.IsStatic => "a static class",
            _ when type.IsAbstract => "an abstract class",
            _ when type.IsRefLikeType => "a ref struct",
            _ when type.TypeParameters.Length > 0 => "a generic type",
            _ when type.IsGenericType => "nested in a generic type",
            _ => null,
        };
        if (reason is not null)
        {
            return reason;
        }

        // The generator's own test is the last word: should it refuse a partial declaration for a reason not
        // listed above, say so rather than stay silent.
        if (declaration is TypeDeclarationSyntax typeDeclaration
            && typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword)
            && !DeclarationParser.CanExtend(type, typeDeclaration))
        {
            return "not a type the ShapedTensors generator can extend";
        }

        return null;
    }

    /// <summary>The enclosing type declarations that lack <c>partial</c>, outermost first.</summary>
    public static List<string> NonPartialContainers(TypeDeclarationSyntax declaration)
    {
        var names = new List<string>();
        for (var node = declaration.Parent as TypeDeclarationSyntax; node is not null; node = node.Parent as TypeDeclarationSyntax)
        {
            if (!node.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                names.Insert(0, node.Identifier.ValueText);
            }
        }

        return names;
    }

    /// <summary><c>'A'</c>, <c>'A' and 'B'</c>, <c>'A', 'B' and 'C'</c>.</summary>
    public static string JoinNames(IReadOnlyList<string> names)
    {
        var quoted = names.Select(name => "'" + name + "'").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[quoted.Count - 1];
    }
}
