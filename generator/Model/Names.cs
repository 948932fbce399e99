using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ShapedTensors.Generator.Model;

/// <summary>Every name the generator invents, in one place, so they stay consistent and deterministic.</summary>
internal static class Names
{
    /// <summary>The class, in each calling namespace, that holds the specialized extension methods.</summary>
    public const string OperationsClass = "GeneratedTensorOperations";

    /// <summary>The class that holds the kernels.</summary>
    public const string KernelsClass = "TensorKernels";

    public static readonly string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"ShapedTensors.Generator\", \"" + ThisAssembly.Version + "\")]";

    /// <summary>
    /// The namespace of the canonical result types and kernels: one per assembly, so two assemblies that use
    /// ShapedTensors never define the same type, even when one sees the other's internals.
    /// </summary>
    public static string GeneratedNamespace(string? assemblyName) => "ShapedTensors.Generated." + AssemblyIdentifier(assemblyName ?? "Assembly");

    /// <summary>How namespaces are read from symbols: dotted, keywords not escaped (<c>App.class</c>), as models keep names.</summary>
    public static readonly SymbolDisplayFormat NamespaceFormat = new(typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    /// <summary>A name as C# code writes it: <c>@event</c> for a type named with a keyword, else the name itself.</summary>
    public static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A dotted name (a namespace) as C# code writes it, each part escaped: <c>App.@class</c>.</summary>
    public static string Qualified(string dottedName) => string.Join(".", dottedName.Split('.').Select(Identifier));

    /// <summary>The canonical type of a shape: <c>Float32_10x12x4x8</c>, <c>Float64_3</c>, <c>Float32_Scalar</c>.</summary>
    public static string CanonicalType(ElementKind element, EquatableArray<int> dims)
        => element.Name() + "_" + (dims.Count == 0 ? "Scalar" : Dims(dims));

    /// <summary>The kernel of a call: <c>BatchDot_F32_10x12x4x5_10x12x5x8</c>, <c>MatMul_F32_3x2_3x4_TA</c>, <c>BatchDot_F32_32x20_32x20_Axes1_1</c>.</summary>
    public static string Kernel(CallModel call) => Kernel(call.Signature, call.X.Element, call.X.Dims, call.Y.Dims, call.Options);

    /// <summary>The kernel of an operation on the given shapes and options.</summary>
    public static string Kernel(Signature signature, ElementKind element, EquatableArray<int> x, EquatableArray<int> y, CallOptions options)
    {
        var name = new StringBuilder()
            .Append(signature.Operation()).Append('_').Append(element.Tag())
            .Append('_').Append(Dims(x)).Append('_').Append(Dims(y));
        switch (signature)
        {
            case Signature.BatchDotInt:
            case Signature.BatchDotPair:
                name.Append("_Axes").Append(Axis(options.AxisX)).Append('_').Append(Axis(options.AxisY));
                break;
            case Signature.MatMul:
                name.Append(options.TransposeA ? "_TA" : string.Empty).Append(options.TransposeB ? "_TB" : string.Empty);
                break;
        }

        return name.ToString();
    }

    public static string Dims(EquatableArray<int> dims) => string.Join("x", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static string Axis(int axis) => axis < 0 ? "M" + (-axis).ToString(CultureInfo.InvariantCulture) : axis.ToString(CultureInfo.InvariantCulture);

    // Turns an assembly name such as "My-App.Core" into a dotted identifier: "My_App.Core"; a part that starts with a
    // digit or is a keyword ("My.class") gets a leading underscore, so the namespace never needs escaping.
    private static string AssemblyIdentifier(string name)
    {
        var parts = name.Split('.').Select(part =>
        {
            var text = new StringBuilder();
            foreach (var c in part)
            {
                text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            var identifier = text.ToString();
            return identifier.Length == 0 || char.IsDigit(identifier[0]) || SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "_" + identifier : identifier;
        });
        return string.Join(".", parts);
    }
}
