using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ShapedTensors.Analyzers;

/// <summary>
/// Help links that open: the rule's page (<c>docs/diagnostics/STxxxx.md</c>) as a <c>file:</c> URI in the copy of the
/// docs that comes with the ShapedTensors the compilation references: the package's <c>docs/</c> folder (the package
/// ships the pages), or this repository's <c>docs/</c> when the runtime is a project reference
/// (<c>runtime/bin/...</c>, <c>runtime/obj/.../ref/...</c>). Nothing is published on the web yet, so a web address
/// would not open. When neither layout is recognized, diagnostics carry no link rather than a broken one.
/// </summary>
/// <remarks>
/// Worked out once per compilation from the path of the referenced runtime assembly, without touching the file
/// system. The descriptors in <c>SupportedDiagnostics</c> carry no link: no address is right for every project.
/// </remarks>
internal sealed class HelpLinks
{
    private const string RuntimeAssemblyName = "ShapedTensors";

    private readonly string? _pages;
    private readonly ConcurrentDictionary<string, DiagnosticDescriptor> _linked = new(StringComparer.Ordinal);

    private HelpLinks(string? pages) => _pages = pages;

    /// <summary>The folder URI of the rule pages, ending in <c>/</c>, or null when the compilation's ShapedTensors has none known.</summary>
    public string? Pages => _pages;

    public static HelpLinks For(Compilation compilation)
    {
        var runtime = compilation.GetTypeByMetadataName("ShapedTensors.TensorAttribute")?.ContainingAssembly;
        var path = runtime is { Name: RuntimeAssemblyName } && compilation.GetMetadataReference(runtime) is PortableExecutableReference { FilePath: { } file }
            ? file
            : null;
        return new HelpLinks(path is null ? null : PagesFor(path));
    }

    /// <summary>A diagnostic of <paramref name="descriptor"/> whose help link is its page, when known.</summary>
    public Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
        => Diagnostic.Create(Linked(descriptor), location, arguments);

    /// <summary>As <see cref="Create(DiagnosticDescriptor, Location, object?[])"/>, with more locations and properties.</summary>
    public Diagnostic Create(DiagnosticDescriptor descriptor, Location location, System.Collections.Generic.IEnumerable<Location> additionalLocations, System.Collections.Immutable.ImmutableDictionary<string, string?> properties, params object?[] arguments)
        => Diagnostic.Create(Linked(descriptor), location, additionalLocations, properties, arguments);

    /// <summary>
    /// The rule pages of the ShapedTensors whose runtime assembly is at <paramref name="runtimePath"/>: a package
    /// (<c>.../shapedtensors/0.1.0/lib/net10.0/ShapedTensors.dll</c>) or this repository's runtime project.
    /// </summary>
    public static string? PagesFor(string runtimePath)
    {
        var parts = runtimePath.Replace('\\', '/').Split('/');
        var root = -1;
        if (parts.Length >= 4 && parts[parts.Length - 3].Equals("lib", StringComparison.OrdinalIgnoreCase))
        {
            root = parts.Length - 3;
        }
        else
        {
            for (var i = parts.Length - 2; i >= 1; i--)
            {
                if (parts[i] == "runtime" && parts[i + 1] is "bin" or "obj")
                {
                    root = i;
                    break;
                }
            }
        }

        if (root < 1)
        {
            return null;
        }

        var folder = string.Join("/", parts.Take(root)) + "/docs/diagnostics/";
        return Uri.TryCreate(folder.StartsWith("/", StringComparison.Ordinal) ? "file://" + folder : "file:///" + folder, UriKind.Absolute, out var uri)
            ? uri.AbsoluteUri
            : null;
    }

    private DiagnosticDescriptor Linked(DiagnosticDescriptor descriptor)
        => _pages is null
            ? descriptor
            : _linked.GetOrAdd(descriptor.Id, _ => new DiagnosticDescriptor(
                descriptor.Id,
                descriptor.Title,
                descriptor.MessageFormat,
                descriptor.Category,
                descriptor.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                descriptor.Description,
                _pages + descriptor.Id + ".md",
                descriptor.CustomTags.ToArray()));
}
