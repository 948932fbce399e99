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
        ".ctor", "Shape", "StaticShape", "Rank", "Length", "_elements", "_shape", "Elements", "Zeros", "Ones", "Random", "FromArray", "FromSpan",
        "FromFunction", "Wrap", "FromDynamic", "this[]", "Value", "Offset", "AsSpan", "AsReadOnlySpan", "ToArray",
        "ToDynamic", "As", "AsTensorSpan", "AsReadOnlyTensorSpan", "ToTensor", "FromTensorSpan", "FromMultidimensionalArray",
        "ToMultidimensionalArray", "op_Implicit", "op_Explicit", "Equals", "GetHashCode", "op_Equality", "op_Inequality", "ToString",
    };

    // The members a type whose sizes are known only at run time has besides the fully known types' (its name
    // properties aside), and those every type inherits: a dimension name whose property would be one of them is
    // rejected (ClashingDimensionName).
    private static readonly HashSet<string> InheritedNames = new(System.StringComparer.Ordinal)
    {
        "Item", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    // The parameter and local names of a partial type's factories, besides the sizes: Random(int seed, ...),
    // FromArray(T[] elements, ...), FromFunction(Func<...> valueAt, ...) and the `out var shape` they share.
    private static readonly HashSet<string> FactoryNames = new(System.StringComparer.Ordinal) { "elements", "seed", "valueAt", "shape" };

    /// <summary>The keys of the members written in <paramref name="type"/>'s own declarations whose names the generator also uses, sorted.</summary>
    /// <remarks>Call it on a type of the compilation the generator runs on, which holds no generated member yet.</remarks>
    public static EquatableArray<string> UserWritten(INamedTypeSymbol type, DeclaredShape shape)
        => new(type.GetMembers()
            .Where(member => !member.IsImplicitlyDeclared)
            .Select(member => Key(member, shape))
            .OfType<string>()
            .Distinct()
            .OrderBy(key => key, System.StringComparer.Ordinal));

    /// <summary>The key of <paramref name="member"/>, or null when the generator emits nothing of its name for any shape but a partial one.</summary>
    public static string? Key(ISymbol member) => Key(member, null);

    /// <summary>
    /// The key of <paramref name="member"/> in a type of <paramref name="shape"/> (whose name properties count), or null
    /// when the generator emits nothing of its name.
    /// </summary>
    public static string? Key(ISymbol member, DeclaredShape? shape)
    {
        if (!GeneratedNames.Contains(member.Name) && !IsDimension(member.Name) && !(shape is not null && SizeProperties(shape).Contains(member.Name)))
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
    /// <remarks>
    /// A type whose sizes are known only at run time also keeps <c>StaticShape</c> and <c>_shape</c>; its storage
    /// constructor and the <c>Wrap</c> that generated calls use take the run-time shape too (<c>.ctor(T[], Shape)</c>,
    /// <c>Wrap(T[], Shape)</c>), and it has no parameterless constructor, <c>Wrap(T[])</c> or <c>As</c> that others rely on.
    /// </remarks>
    public static bool IsReserved(string key, DeclaredShape shape)
    {
        var name = NameOf(key);
        if (name is "Shape" or "Rank" or "Length" or "_elements" or "Elements"
            || (shape.IsPartial && name is "StaticShape" or "_shape")
            || (IsDimension(name) && int.TryParse(name.Substring(3), out var axis) && axis < shape.Dims.Count && name == "Dim" + axis && !DimsModel.IsRunTime(shape.Names, axis)))
        {
            return true;
        }

        var element = shape.Element.Keyword();
        var storage = shape.IsPartial ? element + "[], global::ShapedTensors.Shape" : element + "[]";
        return key is "Wrap" or "AsSpan" or "AsReadOnlySpan" or "ToDynamic" or "Offset" or "AsSpan()" or "AsReadOnlySpan()" or "ToDynamic()"
            || (!shape.IsPartial && key is "As" or ".ctor()" or "As`1()")
            || key == ".ctor(" + storage + ")"
            || key == "Wrap(" + storage + ")"
            || key == "Offset(" + string.Join(", ", Enumerable.Repeat("int", shape.Dims.Count)) + ")";
    }

    /// <summary>The property of a dimension name: its first letter upper-cased (<c>batch</c> → <c>Batch</c>).</summary>
    public static string SizeProperty(string dimensionName)
        => dimensionName.Length == 0 ? dimensionName : char.ToUpperInvariant(dimensionName[0]) + dimensionName.Substring(1);

    /// <summary>The size properties of a shape, one per distinct dimension name, in order of first appearance.</summary>
    public static IReadOnlyList<string> SizeProperties(DeclaredShape shape)
        => DimsModel.DistinctNames(shape.Names).Select(SizeProperty).ToList();

    /// <summary>
    /// The first dimension name of <paramref name="shape"/> that the generator cannot turn into a member and a
    /// parameter of the type <paramref name="typeName"/>, or null when there is none: a name whose property
    /// (<see cref="SizeProperty"/>) would be a member the generator emits for some tensor type (but <c>Value</c>, a
    /// scalar's, which no partial type is) or an inherited one (<c>shape</c>, <c>length</c>,
    /// <c>dim0</c>, <c>item</c>, <c>getType</c>, ...) or the type itself, that of another name (<c>batch</c> and
    /// <c>Batch</c>), or a name that a factory already uses for a parameter (<c>elements</c>, <c>seed</c>, <c>valueAt</c>).
    /// </summary>
    public static string? ClashingDimensionName(DeclaredShape shape, string typeName)
    {
        var properties = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in DimsModel.DistinctNames(shape.Names))
        {
            if (UnavailableName(name, typeName) is not null || !properties.Add(SizeProperty(name)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Why the dimension name <paramref name="name"/> alone cannot have its size property in type
    /// <paramref name="typeName"/> (see <see cref="ClashingDimensionName"/>), as ST0112 says it, or null when it can.
    /// </summary>
    public static string? UnavailableName(string name, string typeName)
    {
        var property = SizeProperty(name);
        return (GeneratedNames.Contains(property) && property != "Value") || InheritedNames.Contains(property) || IsDimension(property) ? "is already a member of every tensor type"
            : property == typeName ? "is the type's own name"
            : FactoryNames.Contains(name) ? $"would be that of the factories' parameter '{name}'"
            : null;
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
