using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Snapshot tests of generated files, Verify-style without Verify. Each generated file of a run is compared with
/// <c>Snapshots/{TestClass}.{TestMethod}/{hint name without .g.cs}.verified.cs</c> in the test project (the test
/// class is the caller's file name). On a difference, or with no snapshot yet, the generated text is written next
/// to it as <c>.received.cs</c> and the test fails with a line diff; a snapshot whose file is no longer generated
/// fails too. With the environment variable <c>SHAPEDTENSORS_ACCEPT_SNAPSHOTS=1</c> the snapshots are written
/// (and stale ones deleted) instead. Line endings are compared as <c>\n</c>.
/// </summary>
public static class Snapshot
{
    /// <summary>Set to <c>1</c> (or <c>true</c>) to accept the generated files as the new snapshots.</summary>
    public const string AcceptVariable = "SHAPEDTENSORS_ACCEPT_SNAPSHOTS";

    /// <summary>The folder of the test project that holds the snapshots.</summary>
    public const string FolderName = "Snapshots";

    /// <summary>The suffix of an accepted snapshot.</summary>
    public const string VerifiedSuffix = ".verified.cs";

    /// <summary>The suffix of a generated text that did not match.</summary>
    public const string ReceivedSuffix = ".received.cs";

    private const string ProjectDirectoryKey = "ShapedTensors.Generator.Tests.ProjectDirectory";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether snapshots are being accepted rather than checked (<see cref="AcceptVariable"/>).</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "True" or "TRUE";

    /// <summary>Checks every generated file of <paramref name="run"/> against the test's snapshots.</summary>
    /// <param name="run">The run; it must have generated something.</param>
    /// <param name="file">Filled in by the compiler: the calling test's source file (its name is the test class).</param>
    /// <param name="test">Filled in by the compiler: the calling test method.</param>
    public static void Verify(GeneratorRun run, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
        => VerifyRun(run, DirectoryFor(file, test));

    /// <summary>
    /// As <see cref="Verify"/>, for one case of a theory: the folder is <c>{TestClass}.{TestMethod}.{caseName}</c>.
    /// </summary>
    /// <param name="run">The run; it must have generated something.</param>
    /// <param name="caseName">Tells this case's snapshots from the other cases' (file-name safe).</param>
    /// <param name="file">Filled in by the compiler.</param>
    /// <param name="test">Filled in by the compiler.</param>
    public static void VerifyCase(GeneratorRun run, string caseName, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
        => VerifyRun(run, DirectoryFor(file, test + "." + caseName));

    /// <summary>The snapshot folder of a test: <c>{project}/Snapshots/{file name of callerFile}.{testName}</c>.</summary>
    /// <param name="callerFile">The test's source file path.</param>
    /// <param name="testName">The test method name (plus a case name, if any).</param>
    public static string DirectoryFor(string callerFile, string testName)
    {
        ArgumentException.ThrowIfNullOrEmpty(callerFile);
        ArgumentException.ThrowIfNullOrEmpty(testName);
        return Path.Combine(ProjectDirectory(callerFile), FolderName, Path.GetFileNameWithoutExtension(callerFile) + "." + Safe(testName));
    }

    /// <summary>The snapshot file name of a generated file: <c>MyApp.W.g.cs</c> → <c>MyApp.W.verified.cs</c>.</summary>
    /// <param name="hintName">The generated file's hint name.</param>
    public static string VerifiedFileName(string hintName) => BaseName(hintName) + VerifiedSuffix;

    /// <summary>
    /// Checks <paramref name="files"/> (hint name → text) against the snapshots in <paramref name="directory"/>,
    /// as <see cref="Verify"/> does; the building block of the other methods, usable on any folder.
    /// </summary>
    /// <param name="directory">The snapshot folder (created when something is written).</param>
    /// <param name="files">The generated files.</param>
    /// <param name="accept">Write the snapshots instead of checking them (by default, <see cref="Accepting"/>).</param>
    public static void VerifyDirectory(string directory, IReadOnlyDictionary<string, string> files, bool? accept = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(files);
        var accepting = accept ?? Accepting;
        var failures = new List<string>();
        var expected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (hintName, generated) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var text = Normalize(generated);
            var verified = Path.Combine(directory, VerifiedFileName(hintName));
            var received = Path.Combine(directory, BaseName(hintName) + ReceivedSuffix);
            if (!expected.Add(verified))
            {
                failures.Add($"Two generated files map to the snapshot {verified}.");
                continue;
            }

            var old = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
            if (accepting)
            {
                Write(verified, text);
                Delete(received);
            }
            else if (old == text)
            {
                Delete(received);
            }
            else
            {
                Write(received, text);
                failures.Add(old is null
                    ? $"No snapshot for {hintName} yet: wrote {received}\n{TextDiff.Unified(string.Empty, text)}"
                    : $"{hintName} differs from {verified}\n(received: {received})\n{TextDiff.Unified(old, text)}");
            }
        }

        if (Directory.Exists(directory))
        {
            foreach (var stale in Directory.EnumerateFiles(directory, "*" + VerifiedSuffix).Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal))
            {
                if (accepting)
                {
                    File.Delete(stale);
                }
                else
                {
                    failures.Add($"{stale} has no generated file any more.");
                }
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"Snapshots in {directory} do not match ({failures.Count} problem(s)). Review the .received.cs files; "
                + $"accept them by renaming to .verified.cs or by rerunning with {AcceptVariable}=1.\n\n" + string.Join("\n", failures));
        }
    }

    private static void VerifyRun(GeneratorRun run, string directory)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Every run adds the EmbeddedAttribute definition (post-initialization output): a run that produced only that
        // generated nothing from the source.
        if (run.GeneratedSources.Keys.All(hintName => hintName.StartsWith("Microsoft.CodeAnalysis.EmbeddedAttribute", StringComparison.Ordinal)))
        {
            Assert.Fail($"Nothing to snapshot: the generator produced no file from the source ({run.InputCompilation.AssemblyName}).");
        }

        VerifyDirectory(directory, run.GeneratedSources);
    }

    // The caller's project folder when the caller's path is real; the build-time project folder otherwise (with
    // deterministic source paths, as in CI builds, [CallerFilePath] gives "/_/…").
    private static string ProjectDirectory(string callerFile)
    {
        for (var dir = Path.GetDirectoryName(callerFile); !string.IsNullOrEmpty(dir) && Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFiles(dir, "*.csproj").Any())
            {
                return dir;
            }
        }

        var built = typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == ProjectDirectoryKey)?.Value;
        if (string.IsNullOrEmpty(built) || !Directory.Exists(built))
        {
            Assert.Fail($"Cannot find the test project folder from '{callerFile}' nor from the assembly metadata '{ProjectDirectoryKey}'.");
        }

        return built;
    }

    private static string BaseName(string hintName)
    {
        var name = hintName.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) ? hintName[..^5]
            : hintName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? hintName[..^3]
            : hintName;
        return Safe(name);
    }

    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => c is '/' or '\\' || Array.IndexOf(invalid, c) >= 0 ? '_' : c).ToArray());
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8NoBom);
    }

    private static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
