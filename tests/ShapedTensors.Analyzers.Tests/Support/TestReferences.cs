using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>
/// What every test compilation references: .NET 10's reference assemblies (offline), the runtime, and the
/// runtime's own dependencies beyond the framework (System.Numerics.Tensors, say), which generated code may use.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        var framework = Net100.References.All.ToList();
        var frameworkNames = new HashSet<string>(framework.Select(reference => System.IO.Path.GetFileNameWithoutExtension(reference.FilePath ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
        var runtime = typeof(Shape).Assembly;

        // The dependencies are copied next to the tests, so loading them by name finds those copies.
        var dependencies = runtime.GetReferencedAssemblies()
            .Where(name => name.Name is not null && !frameworkNames.Contains(name.Name))
            .Select(name => MetadataReference.CreateFromFile(Assembly.Load(name).Location));

        return framework.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(runtime.Location))
            .Concat(dependencies)
            .ToImmutableArray();
    }
}
