using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace ShapedTensors.BuildTime;

/// <summary>The repository's runtime, generator and analyzers as built in Release, for the synthetic app to reference.</summary>
internal sealed record BuildInputs(string Runtime, string Generator, string Analyzers, string TensorsVersion)
{
    public static BuildInputs Build(string repository)
    {
        foreach (var project in new[] { "runtime/ShapedTensors.csproj", "generator/ShapedTensors.Generator.csproj", "analyzers/ShapedTensors.Analyzers.csproj" })
        {
            DotNet.Run(repository, $"build {project} -c Release -nologo -v:q");
        }

        var packages = XDocument.Load(Path.Combine(repository, "Directory.Packages.props"));
        var tensors = packages.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "System.Numerics.Tensors");
        return new BuildInputs(
            Path.Combine(repository, "runtime/bin/Release/net10.0/ShapedTensors.dll"),
            Path.Combine(repository, "generator/bin/Release/netstandard2.0/ShapedTensors.Generator.dll"),
            Path.Combine(repository, "analyzers/bin/Release/netstandard2.0/ShapedTensors.Analyzers.dll"),
            (string?)tensors.Attribute("Version") ?? throw new InvalidOperationException("Directory.Packages.props has no System.Numerics.Tensors version."));
    }

    /// <summary>The repository root: the nearest folder above the working directory that holds ShapedTensors.sln.</summary>
    public static string FindRepository()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ShapedTensors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run this from inside the ShapedTensors repository (no ShapedTensors.sln above the working directory).");
    }
}
