extern alias analyzers;

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using analyzers::ShapedTensors.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Help links open the rule's page in the docs that come with the ShapedTensors a project references: the package's
/// docs folder, or this repository's. (The package tests follow a real build's link to the extracted package.)
/// </summary>
public sealed class HelpLinkTests
{
    [Theory]
    [InlineData("/home/me/.nuget/packages/shapedtensors/0.1.0/lib/net10.0/ShapedTensors.dll", "file:///home/me/.nuget/packages/shapedtensors/0.1.0/docs/diagnostics/")]
    [InlineData(@"C:\Users\me\.nuget\packages\shapedtensors\0.1.0\lib\net10.0\ShapedTensors.dll", "file:///C:/Users/me/.nuget/packages/shapedtensors/0.1.0/docs/diagnostics/")]
    [InlineData("/src/shaped tensors/runtime/bin/Release/net10.0/ShapedTensors.dll", "file:///src/shaped%20tensors/docs/diagnostics/")]
    [InlineData("/src/st/runtime/obj/Debug/net10.0/ref/ShapedTensors.dll", "file:///src/st/docs/diagnostics/")]
    public void The_pages_are_found_from_the_runtime_assemblys_path(string runtimePath, string pages)
    {
        Assert.Equal(pages, HelpLinks.PagesFor(runtimePath));
    }

    [Theory]
    [InlineData("/tmp/tests/bin/Release/net10.0/ShapedTensors.dll")]
    [InlineData("ShapedTensors.dll")]
    public void An_unknown_layout_gives_no_link_rather_than_a_broken_one(string runtimePath)
    {
        Assert.Null(HelpLinks.PagesFor(runtimePath));
    }

    [Fact]
    public async Task A_reported_diagnostic_links_to_its_page_in_the_package_and_the_page_exists_in_this_repository()
    {
        // The runtime as a package would hold it (only the path matters), and the seed mismatch.
        var packaged = Path.Combine(Path.GetTempPath(), "packages", "shapedtensors", "0.1.0", "lib", "net10.0", "ShapedTensors.dll");
        var runtime = MetadataReference.CreateFromFile(typeof(Shape).Assembly.Location);
        var references = TestReferences.All.Select(r => r.Display == runtime.Display
            ? MetadataReference.CreateFromImage(File.ReadAllBytes(typeof(Shape).Assembly.Location), filePath: packaged)
            : r);
        var compilation = DirectCompilation.WithGeneratorOutput(
            "using ShapedTensors;\nnamespace App;\n[Tensor(3, 4, 5, 2)] partial struct A;\n[Tensor(2, 5, 3, 7)] partial struct B;\nstatic class Use { static object Run() => new A().Dot(new B()); }\n",
            references);

        var diagnostic = Assert.Single(await DirectCompilation.AnalyzerDiagnosticsAsync(compilation));
        Assert.Equal("ST0001", diagnostic.Id);
        var link = new Uri(diagnostic.Descriptor.HelpLinkUri);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "packages", "shapedtensors", "0.1.0", "docs", "diagnostics", "ST0001.md"), link.LocalPath);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "docs", "diagnostics", "ST0001.md")));
    }
}
