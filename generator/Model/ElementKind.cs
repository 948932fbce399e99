namespace ShapedTensors.Generator.Model;

/// <summary>The element type of a tensor.</summary>
internal enum ElementKind
{
    Float32,
    Float64,
}

internal static class ElementKindExtensions
{
    /// <summary>The C# keyword: <c>float</c> or <c>double</c>.</summary>
    public static string Keyword(this ElementKind kind) => kind == ElementKind.Float32 ? "float" : "double";

    /// <summary>The TensorFlow-style name used in type names: <c>Float32</c> or <c>Float64</c>.</summary>
    public static string Name(this ElementKind kind) => kind == ElementKind.Float32 ? "Float32" : "Float64";

    /// <summary>The short tag used in kernel names: <c>F32</c> or <c>F64</c>.</summary>
    public static string Tag(this ElementKind kind) => kind == ElementKind.Float32 ? "F32" : "F64";

    /// <summary>The size of one element in bytes.</summary>
    public static int Size(this ElementKind kind) => kind == ElementKind.Float32 ? 4 : 8;
}
