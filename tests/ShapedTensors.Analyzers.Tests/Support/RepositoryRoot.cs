using System;
using System.IO;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>The repository's root: the nearest folder above the test binaries that holds ShapedTensors.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ShapedTensors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ShapedTensors.sln was not found above " + AppContext.BaseDirectory);
    }
}
