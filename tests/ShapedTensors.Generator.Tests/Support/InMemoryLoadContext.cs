using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// A collectible load context for assemblies compiled in memory. It resolves the ShapedTensors runtime to the
/// copy the tests already loaded (so <c>typeof(Shape)</c> is the same type on both sides), other in-memory
/// assemblies registered with it from their images, and everything else (the framework) as the default context does.
/// </summary>
internal sealed class InMemoryLoadContext : AssemblyLoadContext
{
    private readonly Dictionary<string, (ImmutableArray<byte> Image, ImmutableArray<byte> Pdb)> _images = new(System.StringComparer.Ordinal);

    /// <summary>Creates an empty collectible context.</summary>
    /// <param name="name">Names the context (shows in debuggers).</param>
    public InMemoryLoadContext(string name)
        : base(name, isCollectible: true)
    {
    }

    /// <summary>Makes an assembly image loadable by name, for when another assembly of the context refers to it.</summary>
    /// <param name="assemblyName">The simple name.</param>
    /// <param name="image">The image.</param>
    /// <param name="pdb">Its portable PDB, or empty.</param>
    public void Register(string assemblyName, ImmutableArray<byte> image, ImmutableArray<byte> pdb) => _images[assemblyName] = (image, pdb);

    /// <summary>Loads an image into this context now.</summary>
    /// <param name="image">The image.</param>
    /// <param name="pdb">Its portable PDB, or empty.</param>
    public Assembly LoadImage(ImmutableArray<byte> image, ImmutableArray<byte> pdb)
    {
        using var assembly = new MemoryStream(ImmutableCollectionsMarshal.AsArray(image)!, writable: false);
        using var symbols = pdb.IsDefaultOrEmpty ? null : new MemoryStream(ImmutableCollectionsMarshal.AsArray(pdb)!, writable: false);
        return LoadFromStream(assembly, symbols);
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var runtime = GeneratorHarness.RuntimeAssembly;
        if (assemblyName.Name == runtime.GetName().Name)
        {
            return runtime;
        }

        return assemblyName.Name is { } name && _images.TryGetValue(name, out var found) ? LoadImage(found.Image, found.Pdb) : null;
    }
}
