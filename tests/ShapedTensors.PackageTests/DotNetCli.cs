using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ShapedTensors.PackageTests;

/// <summary>What one <c>dotnet</c> command did: its exit code and everything it printed (stdout and stderr, interleaved).</summary>
internal sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string Output)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The distinct MSBuild error lines (the console logger repeats them in its summary).</summary>
    public IReadOnlyList<string> Errors => DistinctLines(": error ");

    /// <summary>The distinct MSBuild warning lines.</summary>
    public IReadOnlyList<string> Warnings => DistinctLines(": warning ");

    /// <summary>The whole story, for an assertion message: the command, how it ended, and its output.</summary>
    public string Describe()
    {
        var ending = TimedOut ? "timed out and was killed" : $"exited with code {ExitCode.ToString(CultureInfo.InvariantCulture)}";
        return $"""
            `{CommandLine}` (in {WorkingDirectory}) {ending} after {Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s. Output:
            ----------------------------------------------------------------
            {Output}
            ----------------------------------------------------------------
            """;
    }

    private List<string> DistinctLines(string marker) => Output
        .Split('\n')
        .Select(line => line.TrimEnd('\r').Trim())
        .Where(line => line.Contains(marker, StringComparison.Ordinal))
        // The summary repeats each line with the project appended in brackets: compare without it.
        .Select(line => Regex.Replace(line, @"\s+\[[^\[\]]+\.csproj\]$", string.Empty))
        .Distinct(StringComparer.Ordinal)
        .ToList();
}

/// <summary>Runs the dotnet CLI the way a user would, in a clean environment, with a time limit.</summary>
internal static class DotNetCli
{
    /// <summary>Long enough for a cold restore and build on a busy two-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Every build command gets these: no MSBuild node or compiler server left running after the test, and plain
    /// console output (no terminal logger) that the tests can read.
    /// </summary>
    public static readonly string[] IsolatedBuildArguments = ["-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off"];

    public static CommandResult Run(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var start = new ProcessStartInfo(DotNetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild/VSTest: what they put in the environment must not steer the child build.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var commandLine = "dotnet " + string.Join(' ', start.ArgumentList.Select(Quote));
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = !process.WaitForExit(limit);
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended just now.
            }
        }

        process.WaitForExit(); // drains the output readers
        stopwatch.Stop();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new CommandResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, stopwatch.Elapsed, text);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument;

    // The dotnet that runs these tests (the SDK that built them), else the one on PATH.
    private static string DotNetExecutable()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var host = Environment.ProcessPath;
        if (host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return host;
        }

        return "dotnet";
    }

    /// <summary>The folder NuGet extracts packages into for this user (where the repository's own restore put them).</summary>
    public static string GlobalPackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrEmpty(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
