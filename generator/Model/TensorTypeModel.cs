namespace ShapedTensors.Generator.Model;

/// <summary>A type that encloses a declared tensor type: its declaration keyword (<c>class</c>, <c>record struct</c>, ...) and name.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>
/// A tensor type to emit: a user's <c>[Tensor]</c> declaration or a canonical result type. Strings and
/// numbers only, so the pipeline can cache it.
/// </summary>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">Enclosing types, outermost first.</param>
/// <param name="Name">The type's name.</param>
/// <param name="Keyword"><c>struct</c>, <c>readonly struct</c> or <c>class</c>.</param>
/// <param name="Accessibility">The accessibility written on canonical types (<c>internal</c>), or empty to leave the user's.</param>
/// <param name="Dims">The shape.</param>
/// <param name="Element">The element type.</param>
/// <param name="AddTensorAttribute">Whether to put <c>[Tensor]</c> on the type (canonical types), so analyzers see its shape.</param>
internal sealed record TensorTypeModel(
    string Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string Keyword,
    string Accessibility,
    EquatableArray<int> Dims,
    ElementKind Element,
    bool AddTensorAttribute)
{
    public bool IsStruct => Keyword.EndsWith("struct", System.StringComparison.Ordinal);

    /// <summary>The name as written in generated code: <c>global::Ns.Outer.Name</c>.</summary>
    public string FullName
    {
        get
        {
            var name = "global::" + (Namespace.Length > 0 ? Namespace + "." : string.Empty);
            foreach (var containing in ContainingTypes)
            {
                name += containing.Name + ".";
            }

            return name + Name;
        }
    }
}
