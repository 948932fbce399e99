using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace ShapedTensors.PackageTests;

/// <summary>What the packed .nupkg holds: its files, its nuspec metadata and dependencies, its analyzer assemblies.</summary>
[Collection(PackageTestsDefinition.Name)]
public sealed class PackageLayoutTests(PackageFixture fixture)
{
    private static readonly string[] AnalyzerAssemblies =
    [
        "analyzers/dotnet/cs/ShapedTensors.Generator.dll",
        "analyzers/dotnet/cs/ShapedTensors.Analyzers.dll",
        "analyzers/dotnet/cs/ShapedTensors.CodeFixes.dll",
    ];

    private static readonly string[] Props = ["build/net10.0/ShapedTensors.props", "buildTransitive/net10.0/ShapedTensors.props"];

    [Fact]
    public void Package_holds_the_runtime_the_analyzers_the_props_the_readme_and_the_rule_pages()
    {
        var entries = Entries();
        var pages = Directory.GetFiles(Path.Combine(fixture.RepositoryRoot, "docs", "diagnostics"), "*.md")
            .Select(path => "docs/diagnostics/" + Path.GetFileName(path))
            .ToList();
        string[] expected =
        [
            "lib/net10.0/ShapedTensors.dll",
            "lib/net10.0/ShapedTensors.xml",
            .. AnalyzerAssemblies,
            .. Props,
            .. pages,
            "README.md",
            "ShapedTensors.nuspec",
        ];
        var missing = expected.Except(entries, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Missing from the package: {string.Join(", ", missing)}. It holds:\n{string.Join("\n", entries)}");

        // Nothing else that a consumer would load: no other assembly, no Roslyn copy, no lib/ for another framework.
        var assemblies = entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["analyzers/dotnet/cs/ShapedTensors.Analyzers.dll", "analyzers/dotnet/cs/ShapedTensors.CodeFixes.dll",
            "analyzers/dotnet/cs/ShapedTensors.Generator.dll", "lib/net10.0/ShapedTensors.dll"], assemblies);
        Assert.All(entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)), e => Assert.StartsWith("lib/net10.0/", e, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("content", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));

        // Every build asset is under the one framework: a framework-neutral build/ file would make NuGet take the package
        // as compatible with every framework (ConsumerTests checks that a net8.0 project is refused).
        Assert.All(entries.Where(e => e.StartsWith("build", StringComparison.Ordinal)), e => Assert.Contains("/net10.0/", e, StringComparison.Ordinal));
        Assert.Contains(pages, page => page.EndsWith("/ST0001.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Symbols_package_is_written_next_to_it()
    {
        _ = fixture.PackagePath;
        var symbols = Path.Combine(fixture.Feed, $"{PackageFixture.PackageId}.{fixture.Version}.snupkg");
        Assert.True(File.Exists(symbols), $"{symbols} is missing.");
        using var zip = ZipFile.OpenRead(symbols);
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/ShapedTensors.pdb");
    }

    [Fact]
    public void Props_make_the_generator_settings_visible_to_it()
    {
        foreach (var path in Props)
        {
            var props = XDocument.Parse(ReadEntry(path));
            var visible = props.Descendants("CompilerVisibleProperty").Select(e => (string?)e.Attribute("Include")).ToList();
            Assert.Equal(["ShapedTensorsUnrollBudget", "ShapedTensorsCheckedKernels", "ShapedTensorsPublicResultTypes", "ShapedTensorsBatchDot", "ShapedTensorsInlineStorage"], visible);
        }
    }

    [Fact]
    public void Nuspec_has_the_metadata_and_only_System_Numerics_Tensors_as_a_dependency()
    {
        var nuspec = XDocument.Parse(ReadEntry("ShapedTensors.nuspec"));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string? Value(string name) => (string?)metadata.Element(ns + name);

        Assert.Equal(PackageFixture.PackageId, Value("id"));
        Assert.Equal(fixture.Version, Value("version"));
        var license = metadata.Element(ns + "license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Equal("ShapedTensors contributors", Value("authors"));
        Assert.Contains("source-generator", Value("tags")!.Split(' '));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal("https://github.com/shapedtensors/shapedtensors", (string?)repository.Attribute("url"));

        // One group, for the one framework in lib/, holding System.Numerics.Tensors and nothing else: the generator,
        // analyzers and code fixes are in the package itself, not dependencies.
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();
        var group = Assert.Single(groups);
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        var dependency = Assert.Single(group.Elements(ns + "dependency"));
        Assert.Equal("System.Numerics.Tensors", (string?)dependency.Attribute("id"));
        Assert.Empty(metadata.Elements(ns + "frameworkAssemblies"));
    }

    [Fact]
    public void Analyzer_assemblies_target_netstandard_and_load_in_the_compiler()
    {
        foreach (var path in AnalyzerAssemblies)
        {
            var references = AssemblyReferences(path, out var targetFramework);
            Assert.True(targetFramework == ".NETStandard,Version=v2.0", $"{path} targets '{targetFramework}', not netstandard2.0.");

            // The compiler (csc) has Microsoft.CodeAnalysis and Microsoft.CodeAnalysis.CSharp, not the Workspaces: only
            // the code fixes, which only an IDE loads, may use them. No Roslyn newer than the one the generator is
            // built against (4.14), so older SDKs and IDEs still load them.
            foreach (var (name, version) in references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
            {
                Assert.True(version <= new Version(4, 14, 0, 0), $"{path} references {name} {version}, newer than 4.14.");
                if (!path.EndsWith("CodeFixes.dll", StringComparison.Ordinal))
                {
                    Assert.DoesNotContain("Workspaces", name, StringComparison.Ordinal);
                }
            }

            // Nothing that is not in the package or the compiler (the shape algebra is compiled in, not referenced).
            var allowed = new[] { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces",
                "Microsoft.CodeAnalysis.CSharp.Workspaces", "ShapedTensors.Analyzers", "ShapedTensors.Generator", "System.Collections.Immutable",
                "System.Memory", "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "System.Composition.AttributedModel" };
            var unexpected = references.Select(r => r.Name).Except(allowed, StringComparer.Ordinal).ToList();
            Assert.True(unexpected.Count == 0, $"{path} references {string.Join(", ", unexpected)}, which a consumer's compiler does not have.");
            Assert.DoesNotContain("ShapedTensors", references.Select(r => r.Name));
        }
    }

    private List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private string ReadEntry(string path)
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var entry = zip.GetEntry(path);
        Assert.True(entry is not null, $"{path} is not in the package.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private List<(string Name, Version Version)> AssemblyReferences(string path, out string? targetFramework)
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var entry = zip.GetEntry(path);
        Assert.True(entry is not null, $"{path} is not in the package.");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        targetFramework = null;
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
            {
                // The blob: prolog (2 bytes), then the framework name as a serialized string.
                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16();
                targetFramework = blob.ReadSerializedString();
            }
        }

        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToList();
    }
}
