using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// A library compiled in memory (generator output included) for cross-assembly tests: reference it from another
/// test compilation through <see cref="Reference"/>, load it next to that one through
/// <see cref="RunProgram.Invoke(GeneratorRun, System.Collections.Generic.IEnumerable{CompiledLibrary}, string, string, object?[])"/>.
/// </summary>
public sealed class CompiledLibrary
{
    internal CompiledLibrary(GeneratorRun run, ImmutableArray<byte> image)
    {
        Run = run;
        Image = image;
        Reference = MetadataReference.CreateFromImage(image, filePath: AssemblyName + ".dll");
    }

    /// <summary>The library's assembly name.</summary>
    public string AssemblyName => Run.OutputCompilation.AssemblyName!;

    /// <summary>The generator run that produced it (to inspect or snapshot the library's own generated files).</summary>
    public GeneratorRun Run { get; }

    /// <summary>The emitted assembly: metadata only, as a referencing project sees a package or project reference.</summary>
    public ImmutableArray<byte> Image { get; }

    /// <summary>A reference to the emitted image (not to the compilation, so nothing but metadata crosses over).</summary>
    public MetadataReference Reference { get; }
}
