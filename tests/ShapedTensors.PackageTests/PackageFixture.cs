using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace ShapedTensors.PackageTests;

/// <summary>
/// Packs the ShapedTensors package once for every test of the collection: <c>dotnet pack runtime/ShapedTensors.csproj</c>
/// into a temporary folder feed, with a unique prerelease version and with its build output kept in the temporary
/// folder too (<c>--artifacts-path</c>), so the repository's own bin/obj are left alone. Consumers made with
/// <see cref="CreateConsumer"/> restore from that feed into a package folder of their own.
/// </summary>
/// <remarks>Set SHAPEDTENSORS_KEEP_TEST_DIRS=1 to keep the temporary folder for a look after the run.</remarks>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "ShapedTensors";

    private readonly Lazy<CommandResult> _pack;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Version = $"0.1.0-test.{stamp}";
        Root = Path.Combine(Path.GetTempPath(), "ShapedTensors.PackageTests", $"{stamp}-{Guid.NewGuid():N}");
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);

        // Nothing from the folders above (a Directory.Build.props, central package management) reaches the consumers.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        _pack = new Lazy<CommandResult>(Pack);
    }

    /// <summary>The repository (where ShapedTensors.sln is).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The package version of this run: 0.1.0-test.&lt;UTC time stamp&gt;.</summary>
    public string Version { get; }

    /// <summary>The temporary folder holding everything of this run; deleted at the end.</summary>
    public string Root { get; }

    /// <summary>The local folder feed the package is packed into.</summary>
    public string Feed { get; }

    /// <summary>The consumers' NuGet package folder (RestorePackagesPath), so no user cache is read or written.</summary>
    public string PackagesFolder { get; }

    /// <summary>The path of the packed .nupkg; fails the calling test, with pack's output, if packing failed.</summary>
    public string PackagePath
    {
        get
        {
            var pack = _pack.Value;
            Assert.True(pack.Succeeded, "dotnet pack failed.\n" + pack.Describe());
            var path = Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");
            Assert.True(File.Exists(path), $"dotnet pack succeeded but {path} is missing; the feed holds: "
                + string.Join(", ", Directory.GetFiles(Feed).Select(Path.GetFileName)) + "\n" + pack.Describe());
            return path;
        }
    }

    /// <summary>The result of dotnet pack (run on first use).</summary>
    internal CommandResult PackResult => _pack.Value;

    /// <summary>
    /// Writes a consumer project into a new folder: a nuget.config that adds the local feed (keeping the machine's
    /// sources, which serve System.Numerics.Tensors), the project file with a PackageReference to this run's package
    /// and the given sources. Returns the folder.
    /// </summary>
    /// <param name="name">The folder and project name.</param>
    /// <param name="outputType">Exe or Library.</param>
    /// <param name="sources">File name to contents.</param>
    /// <param name="extraProperties">More MSBuild properties, as XML elements.</param>
    /// <param name="extraItems">More items (for example a ProjectReference), as XML elements.</param>
    /// <param name="referencePackage">false for a project that gets the package only through a project reference.</param>
    public string CreateConsumer(
        string name,
        string outputType,
        (string File, string Text)[] sources,
        string extraProperties = "",
        string extraItems = "",
        bool referencePackage = true)
    {
        var folder = CreateFolder(name, []);
        WriteProject(folder, name, outputType, sources, extraProperties, extraItems, referencePackage);
        return folder;
    }

    /// <summary>A new folder under the consumers' folder with a nuget.config that adds the local feed, and the given files.</summary>
    /// <param name="name">The folder name.</param>
    /// <param name="files">Relative path to contents.</param>
    public string CreateFolder(string name, (string Path, string Text)[] files)
    {
        var folder = Path.Combine(Root, "consumers", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="shapedtensors-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return folder;
    }

    /// <summary>
    /// Writes the project <paramref name="name"/>.csproj into <paramref name="folder"/> (net10.0, nullable and implicit
    /// usings on, generated files written to obj/) with a PackageReference to this run's package, and its sources.
    /// </summary>
    /// <param name="folder">Where the project goes.</param>
    /// <param name="name">The project name.</param>
    /// <param name="outputType">Exe or Library.</param>
    /// <param name="sources">File name to contents.</param>
    /// <param name="extraProperties">More MSBuild properties, as XML elements.</param>
    /// <param name="extraItems">More items (for example a ProjectReference), as XML elements.</param>
    /// <param name="referencePackage">false for a project that gets the package only through a project reference.</param>
    public void WriteProject(string folder, string name, string outputType, (string File, string Text)[] sources, string extraProperties = "", string extraItems = "", bool referencePackage = true)
    {
        Directory.CreateDirectory(folder);
        var packageReference = referencePackage
            ? $"""<PackageReference Include="{PackageId}" Version="{Version}" />"""
            : string.Empty;
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {packageReference}
                {extraItems}
              </ItemGroup>
            </Project>
            """);

        foreach (var (file, text) in sources)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }
    }

    /// <summary>
    /// <c>dotnet build</c> of a consumer, warnings as errors, restoring into <see cref="PackagesFolder"/>. Packages the
    /// repository's own restore already extracted (System.Numerics.Tensors) are read from the user's package folder
    /// as a fallback folder, read-only, so the test needs no download.
    /// </summary>
    internal CommandResult Build(string folder, params string[] extraArguments) => Dotnet("build", folder, extraArguments);

    /// <summary>
    /// <c>dotnet {command} {target}</c> (build, restore, test) with the restore settings of <see cref="Build"/> and
    /// warnings as errors.
    /// </summary>
    internal CommandResult Dotnet(string command, string target, params string[] extraArguments)
    {
        _ = PackagePath; // packed, or fail here with pack's output
        var arguments = new[]
        {
            command, target, "-warnaserror",
            $"-p:RestorePackagesPath={PackagesFolder}",
        }.Concat(extraArguments).ToList();
        var globalPackages = DotNetCli.GlobalPackagesFolder();
        if (Directory.Exists(globalPackages))
        {
            arguments.Add($"-p:RestoreFallbackFolders={globalPackages}");
        }

        arguments.AddRange(DotNetCli.IsolatedBuildArguments);
        return DotNetCli.Run(Directory.Exists(target) ? target : Path.GetDirectoryName(target)!, arguments);
    }

    /// <summary><c>dotnet run --no-build</c> of a built consumer.</summary>
    internal static CommandResult Run(string folder) =>
        DotNetCli.Run(folder, ["run", "--no-build", "--project", folder], TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SHAPEDTENSORS_KEEP_TEST_DIRS") == "1")
        {
            return;
        }

        for (var attempt = 0; attempt < 3 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                System.Threading.Thread.Sleep(500);
            }
            catch (UnauthorizedAccessException)
            {
                System.Threading.Thread.Sleep(500);
            }
        }

        // The shared parent, once no other run uses it.
        var parent = Path.GetDirectoryName(Root)!;
        try
        {
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // Another run has just started in it.
        }
    }

    private CommandResult Pack()
    {
        var project = Path.Combine(RepositoryRoot, "runtime", "ShapedTensors.csproj");
        string[] arguments =
        [
            "pack", project, "-c", "Release", "-o", Feed, $"-p:Version={Version}",
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            .. DotNetCli.IsolatedBuildArguments,
        ];
        return DotNetCli.Run(RepositoryRoot, arguments);
    }

    private static string FindRepositoryRoot()
    {
        var recorded = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ShapedTensors.PackageTests.RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "ShapedTensors.sln")))
        {
            return recorded;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ShapedTensors.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"ShapedTensors.sln not found (recorded root: '{recorded}', tests in {AppContext.BaseDirectory}).");
    }
}

/// <summary>Every test of the package shares one pack (and runs one at a time: they drive builds on a small machine).</summary>
[CollectionDefinition(Name)]
public sealed class PackageTestsDefinition : ICollectionFixture<PackageFixture>
{
    public const string Name = "ShapedTensors package";
}
