using System;
using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The names of the generated files. Roslyn requires them unique within the generator, compared without regard
/// to case, or the whole generator fails (CS8785) and every type loses its members; C# allows types <c>W</c>
/// and <c>w</c> side by side, and a user may declare a type where generated files go. So they are unique by
/// construction: canonical types and kernels live under the generated namespace, operations files end in
/// <c>.GeneratedTensorOperations</c>, and a declared type whose name would meet one of those, or another
/// declared type's, gets a number (<c>App.w.2.g.cs</c>; no identifier is a number).
/// </summary>
internal static class HintNames
{
    private const string Extension = ".g.cs";

    /// <summary>A dotted, file-name safe name for the given name parts: <c>MyApp.Outer.W.g.cs</c>.</summary>
    public static string Of(IEnumerable<string> parts)
        => new string(string.Join(".", parts.Where(part => part.Length > 0))
            .Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_')
            .ToArray()) + Extension;

    /// <summary>The operations file of each calling namespace, numbered where two namespaces differ only in case.</summary>
    public static IReadOnlyDictionary<string, string> ForOperations(IEnumerable<string> namespaces)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ns in namespaces.OrderBy(ns => ns, StringComparer.Ordinal))
        {
            names[ns] = Unique(Base(new[] { ns.Length > 0 ? ns : "global", Names.OperationsClass }), taken);
        }

        return names;
    }

    /// <summary>Each declared type with its file name.</summary>
    public static EquatableArray<(TensorTypeModel Type, string HintName)> ForDeclared(IEnumerable<TensorTypeModel> types, string generatedNamespace)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<(TensorTypeModel, string)>();
        foreach (var type in types.OrderBy(type => Base(type.NameParts), StringComparer.Ordinal).ThenBy(type => type.FullName, StringComparer.Ordinal))
        {
            var name = Base(type.NameParts);
            var generatedPlace = name.StartsWith(generatedNamespace + ".", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("." + Names.OperationsClass, StringComparison.OrdinalIgnoreCase)
                || name.Equals(Names.OperationsClass, StringComparison.OrdinalIgnoreCase);
            files.Add((type, Unique(name, taken, generatedPlace ? 2 : 1)));
        }

        return new EquatableArray<(TensorTypeModel, string)>(files);
    }

    private static string Base(IEnumerable<string> parts)
    {
        var name = Of(parts);
        return name.Substring(0, name.Length - Extension.Length);
    }

    private static string Unique(string name, HashSet<string> taken, int first = 1)
    {
        for (var n = first; ; n++)
        {
            var candidate = n == 1 ? name : name + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (taken.Add(candidate))
            {
                return candidate + Extension;
            }
        }
    }
}
