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

    /// <summary>
    /// The class, in the generated namespace, that holds the specialized <c>Einsum</c> overloads (static methods, not
    /// extensions): a generated <c>global using static</c> of it lets unqualified <c>Einsum(...)</c> calls find them.
    /// </summary>
    public const string EinsumClass = "GeneratedEinsum";

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

    /// <summary>
    /// The kernel of a plan: <c>Product_F32_120x4x5x8</c> (120 products of [4x5] . [5x8], plain row-major operands), or
    /// with the strides appended when they are not the plain ones (<c>Product_F32_3x2x4_S1_3_4_1_4</c>): distinct plans
    /// always get distinct names, and calls with equal plans share one kernel.
    /// </summary>
    public static string Kernel(ElementKind element, PlanModel plan)
    {
        var name = new StringBuilder("Product_").Append(element.Tag()).Append('_');
        if (plan.RunTimeBatch)
        {
            name.Append("Bx"); // B products, B given at run time
        }
        else if (plan.Batch.Count > 0)
        {
            name.Append(Int(plan.BatchCount)).Append('x');
        }

        name.Append(Int(plan.M)).Append('x').Append(Int(plan.K)).Append('x').Append(Int(plan.N));
        if (!plan.IsContiguous)
        {
            name.Append("_S").Append(string.Join("_", new[] { plan.XRow, plan.XDepth, plan.YDepth, plan.YColumn, plan.OutRow }.Concat(plan.Batch).Select(Int)));
        }

        return name.ToString();
    }

    public static string Dims(EquatableArray<int> dims) => string.Join("x", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The canonical type of a shape with sizes known only at run time (<paramref name="names"/> as in
    /// <see cref="DimsModel"/>): <c>Float32_batchx128</c>, <c>Float32_Nonex3x5</c> (<c>None</c> for an unknown size, as
    /// Keras prints it). Where that spelling could be ambiguous (a name containing <c>x</c>, or named <c>None</c>) a
    /// stable hash of the shape is appended, so that distinct shapes never share a name.
    /// </summary>
    public static string CanonicalType(ElementKind element, EquatableArray<int> dims, EquatableArray<string> names)
    {
        if (names.Count == 0)
        {
            return CanonicalType(element, dims);
        }

        var tokens = dims.Select((dim, i) => names[i].Length == 0 ? Int(dim) : names[i] == Dimension.UnknownSpelling ? "None" : names[i]).ToArray();
        var name = element.Name() + "_" + string.Join("x", tokens);
        var ambiguous = names.Any(n => n == "None" || n.IndexOf('x') >= 0);
        return ambiguous ? name + "_" + StableHash(string.Join(",", dims.Select((dim, i) => names[i].Length == 0 ? Int(dim) : names[i]))) : name;
    }

    // FNV-1a over the text: the same on every machine and every run (string.GetHashCode is randomized).
    private static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

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
