using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>
/// Compares the members a user wrote in a tensor type with the members the generator emits for it, by key: a
/// method's name and parameter types (<c>Equals(object)</c>, <c>FromArray(float[])</c>, <c>.ctor()</c>,
/// <c>this[int, int]</c>, a conversion's <c>conversion(global::App.W):global::ShapedTensors.DynamicTensor&lt;float&gt;</c>),
/// any other member's name. A member the user wrote wins: the generator leaves its own out. A few members are
/// the storage and shape contract that generated code relies on (<see cref="IsReserved"/>); a type that declares
/// one of those is not extended (ST0109).
/// </summary>
internal static class MemberKeys
{
    /// <summary>How parameter types appear in keys: fully qualified, keywords for special types, no nullable annotations.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly char[] NameEnds = { '(', '`', '[' };

    // The names of the members the generator emits (Dim0, Dim1, ... are matched by prefix).
    private static readonly HashSet<string> GeneratedNames = new(System.StringComparer.Ordinal)
    {
        ".ctor", "Shape", "Rank", "Length", "_elements", "Elements", "Zeros", "Ones", "Random", "FromArray", "FromSpan",
        "FromFunction", "Wrap", "FromDynamic", "this[]", "Value", "Offset", "AsSpan", "AsReadOnlySpan", "ToArray",
        "ToDynamic", "As", "AsTensorSpan", "AsReadOnlyTensorSpan", "ToTensor", "FromTensorSpan", "FromMultidimensionalArray",
        "ToMultidimensionalArray", "op_Implicit", "op_Explicit", "Equals", "GetHashCode", "op_Equality", "op_Inequality", "ToString",
    };

    /// <summary>The keys of the members written in <paramref name="type"/>'s own declarations whose names the generator also uses, sorted.</summary>
    /// <remarks>Call it on a type of the compilation the generator runs on, which holds no generated member yet.</remarks>
    public static EquatableArray<string> UserWritten(INamedTypeSymbol type)
        => new(type.GetMembers()
            .Where(member => !member.IsImplicitlyDeclared)
            .Select(Key)
            .OfType<string>()
            .Distinct()
            .OrderBy(key => key, System.StringComparer.Ordinal));

    /// <summary>The key of <paramref name="member"/>, or null when the generator emits nothing of its name.</summary>
    public static string? Key(ISymbol member)
    {
        if (!GeneratedNames.Contains(member.Name) && !IsDimension(member.Name))
        {
            return null;
        }

        return member switch
        {
            IMethodSymbol { MethodKind: MethodKind.Conversion } conversion
                => "conversion(" + Parameters(conversion.Parameters) + "):" + conversion.ReturnType.ToDisplayString(TypeFormat),
            IMethodSymbol method
                => method.Name + (method.Arity > 0 ? "`" + method.Arity : string.Empty) + "(" + Parameters(method.Parameters) + ")",
            IPropertySymbol { IsIndexer: true } indexer => "this[" + Parameters(indexer.Parameters) + "]",
            _ => member.Name,
        };
    }

    /// <summary>
    /// Whether generated code relies on the member of this key, for a tensor of the given shape: the shape
    /// constants and the storage (any member of those names), the parameterless and the storage constructor,
    /// <c>Wrap</c>, <c>AsSpan</c>, <c>AsReadOnlySpan</c>, <c>ToDynamic</c>, <c>As&lt;TOther&gt;</c> (conversions use it)
    /// and the indexer's <c>Offset</c>.
    /// </summary>
    public static bool IsReserved(string key, DeclaredShape shape)
    {
        var name = NameOf(key);
        if (name is "Shape" or "Rank" or "Length" or "_elements" or "Elements"
            || (IsDimension(name) && int.TryParse(name.Substring(3), out var axis) && axis < shape.Dims.Count && name == "Dim" + axis))
        {
            return true;
        }

        var element = shape.Element.Keyword();
        return key is "Wrap" or "AsSpan" or "AsReadOnlySpan" or "ToDynamic" or "Offset" or "As"
                or ".ctor()" or "AsSpan()" or "AsReadOnlySpan()" or "ToDynamic()" or "As`1()"
            || key == ".ctor(" + element + "[])"
            || key == "Wrap(" + element + "[])"
            || key == "Offset(" + string.Join(", ", Enumerable.Repeat("int", shape.Dims.Count)) + ")";
    }

    /// <summary>The member name in a key: <c>Equals</c> for <c>Equals(object)</c>, <c>As</c> for <c>As`1()</c>.</summary>
    public static string NameOf(string key)
    {
        var end = key.IndexOfAny(NameEnds);
        return end < 0 ? key : key.Substring(0, end);
    }

    /// <summary>The first member written in <paramref name="type"/> that generated code relies on, or null.</summary>
    public static string? ReservedMember(INamedTypeSymbol type, DeclaredShape shape)
        => type.GetMembers()
            .Where(member => !member.IsImplicitlyDeclared)
            .Select(Key)
            .FirstOrDefault(key => key is not null && IsReserved(key, shape));

    private static bool IsDimension(string name) => name.Length > 3 && name.StartsWith("Dim", System.StringComparison.Ordinal) && name.Substring(3).All(char.IsDigit);

    private static string Parameters(IEnumerable<IParameterSymbol> parameters)
        => string.Join(", ", parameters.Select(parameter => parameter.Type.ToDisplayString(TypeFormat)));
}
