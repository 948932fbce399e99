using System.Linq;

namespace ShapedTensors.Generator.Model;

/// <summary>A type that encloses a declared tensor type: its declaration keyword (<c>class</c>, <c>record struct</c>, ...) and name.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>
/// A tensor type to emit: a user's <c>[Tensor]</c> declaration or a canonical result type. Strings and
/// numbers only, so the pipeline can cache it. Names are as the symbols have them (<c>event</c>, not
/// <c>@event</c>): emitters escape them (<see cref="Names.Identifier"/>), hint names use them as they are.
/// </summary>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="Name">The type's name.</param>
/// <param name="Keyword"><c>struct</c>, <c>readonly struct</c> or <c>class</c>.</param>
/// <param name="Accessibility">The accessibility written on canonical types (<c>internal</c>), or empty to leave the user's.</param>
/// <param name="Dims">The shape.</param>
/// <param name="Element">The element type.</param>
/// <param name="AddTensorAttribute">Whether to put <c>[Tensor]</c> on the type (canonical types), so analyzers see its shape.</param>
/// <param name="IsNameable">Whether code at namespace level can name the type (see <c>TensorSymbols.IsNameableFromNamespace</c>).</param>
/// <param name="UserMembers">
/// The members the user wrote that the generator would also emit, as <see cref="Parsing.MemberKeys"/> keys: the generator
/// leaves those out (the user's win).
/// </param>
internal sealed record TensorTypeModel(
    string Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string Keyword,
    string Accessibility,
    EquatableArray<int> Dims,
    ElementKind Element,
    bool AddTensorAttribute,
    bool IsNameable,
    EquatableArray<string> UserMembers)
{
    public bool IsStruct => Keyword.EndsWith("struct", System.StringComparison.Ordinal);

    /// <summary>Whether the elements live in the value itself instead of an array (see <c>InlineStorage</c>).</summary>
    public bool InlineStorage { get; init; }

    /// <summary>Empty when every size is known; else the dimensions' names (see <see cref="DimsModel"/>), and <see cref="Dims"/> has -1 at each.</summary>
    public EquatableArray<string> DimNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether some sizes are known only at run time (the value carries them).</summary>
    public bool IsPartial => DimNames.Count > 0;

    /// <summary>The name as written in generated code: <c>global::Ns.Outer.Name</c>.</summary>
    public string FullName
        => "global::" + string.Join(".", NameParts.Select(Names.Identifier));

    /// <summary>The namespace parts, the containing types and the name, as the symbols have them.</summary>
    public string[] NameParts
        => (Namespace.Length > 0 ? Namespace.Split('.') : System.Array.Empty<string>())
            .Concat(ContainingTypes.Select(containing => containing.Name))
            .Append(Name)
            .ToArray();
}

/// <summary>A tensor type of the same shape and element type as a canonical type, which converts to and from it.</summary>
/// <param name="FullName">The name as generated code writes it: <c>global::Ns.Name</c>.</param>
/// <param name="IsClass">Whether it is a class (so a comparison with it checks for null).</param>
internal sealed record SameShapeType(string FullName, bool IsClass);
