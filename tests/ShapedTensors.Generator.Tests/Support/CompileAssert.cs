using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Checks on the generator's output compilation: it must compile with no error and no warning, and emit.
/// </summary>
public static class CompileAssert
{
    /// <summary>The id of "missing XML comment for publicly visible type or member".</summary>
    public const string MissingXmlComment = "CS1591";

    /// <summary>
    /// Fails unless the output compilation (test sources plus generated files) has no error and no warning, the
    /// generator reported none either, and it emits to memory. Hidden and info diagnostics are allowed; so is a
    /// missing XML comment (CS1591) in a test source, which is not the generator's doing (in a generated file it
    /// counts: projects that build their docs would fail on it). The message lists every diagnostic with its
    /// location and the source around it.
    /// </summary>
    /// <param name="run">The generator run.</param>
    public static void AssertCompilesCleanly(GeneratorRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var diagnostics = run.GeneratorDiagnostics
            .Concat(run.OutputCompilation.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .Where(d => !(d.Id == MissingXmlComment && !run.IsGenerated(d.Location.SourceTree)))
            .ToList();
        if (diagnostics.Count > 0)
        {
            Assert.Fail($"The output compilation of {run.InputCompilation.AssemblyName} has {diagnostics.Count} error(s)/warning(s):\n"
                + DiagnosticReport.Format(diagnostics, run.IsGenerated)
                + GeneratedList(run));
        }

        Emit(run.OutputCompilation);
    }

    /// <summary>Emits <paramref name="compilation"/> to memory and returns the image; fails the test if emitting fails.</summary>
    /// <param name="compilation">The compilation.</param>
    public static ImmutableArray<byte> Emit(Compilation compilation) => EmitWithPdb(compilation, withPdb: false).Image;

    /// <summary>Emits <paramref name="compilation"/> to memory, with a portable PDB if asked; fails the test if emitting fails.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="withPdb">Whether to emit a portable PDB too (line numbers in stack traces of loaded code).</param>
    /// <returns>The image, and the PDB (empty when not asked for).</returns>
    public static (ImmutableArray<byte> Image, ImmutableArray<byte> Pdb) EmitWithPdb(Compilation compilation, bool withPdb = true)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        using var image = new MemoryStream();
        using var pdb = withPdb ? new MemoryStream() : null;
        var result = compilation.Emit(image, pdb, options: withPdb ? new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb) : null);
        if (!result.Success)
        {
            Assert.Fail($"Emitting {compilation.AssemblyName} failed:\n" + DiagnosticReport.Format(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return (ImmutableCollectionsMarshal.AsImmutableArray(image.ToArray()), pdb is null ? ImmutableArray<byte>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(pdb.ToArray()));
    }

    private static string GeneratedList(GeneratorRun run)
        => "Generated files: " + (run.GeneratedSources.Count == 0 ? "(none)" : string.Join(", ", run.GeneratedSources.Keys)) + "\n";
}
