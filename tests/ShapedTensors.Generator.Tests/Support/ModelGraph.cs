using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Finds compiler objects (symbols, syntax, compilations, semantic models, locations…) held in a pipeline model:
/// walks its object graph through fields (which include auto-properties' backing fields) and array elements.
/// A model that holds one defeats caching and keeps whole compilations alive.
/// </summary>
public static class ModelGraph
{
    /// <summary>How deep the walk goes (a model is a few records and arrays deep).</summary>
    public const int MaxDepth = 24;

    private static readonly (Type Type, string Why)[] Banned =
    [
        (typeof(ISymbol), "a symbol"),
        (typeof(SyntaxNode), "a syntax node"),
        (typeof(SyntaxTree), "a syntax tree"),
        (typeof(Compilation), "a compilation"),
        (typeof(SemanticModel), "a semantic model"),
        (typeof(Location), "a location"),
        (typeof(SyntaxReference), "a syntax reference"),
        (typeof(AttributeData), "attribute data (holds symbols)"),
        (typeof(IOperation), "an operation"),
        (typeof(Delegate), "a delegate (can capture anything)"),
    ];

    /// <summary>Lists each compiler object reachable from <paramref name="value"/>, with its path and what it is; empty when clean.</summary>
    /// <param name="value">A pipeline output value.</param>
    /// <param name="name">Names the root in the paths.</param>
    public static IReadOnlyList<string> FindCompilerObjects(object? value, string name)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(value, name, 0, found, visited);
        return found;
    }

    private static void Visit(object? value, string path, int depth, List<string> found, HashSet<object> visited)
    {
        if (value is null || depth > MaxDepth)
        {
            return;
        }

        var type = value.GetType();
        foreach (var (bannedType, why) in Banned)
        {
            if (bannedType.IsInstanceOfType(value))
            {
                found.Add($"{path}: {why} ({type.FullName})");
                return;
            }
        }

        if (IsLeaf(type) || (!type.IsValueType && !visited.Add(value)))
        {
            return;
        }

        if (value is Array array)
        {
            if (IsLeaf(type.GetElementType()!))
            {
                return;
            }

            var i = 0;
            foreach (var item in array)
            {
                Visit(item, $"{path}[{i++}]", depth + 1, found, visited);
            }

            return;
        }

        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Visit(field.GetValue(value), path + "." + FieldName(field), depth + 1, found, visited);
                }
            }
        }
    }

    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid) || typeof(Type).IsAssignableFrom(type);

    // "<Dims>k__BackingField" reads better as "Dims".
    private static string FieldName(FieldInfo field)
        => field.Name.StartsWith('<') && field.Name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? field.Name[1..end] : field.Name;
}
