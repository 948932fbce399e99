using System;
using System.Diagnostics;

namespace ShapedTensors.BuildTime;

/// <summary>Runs the dotnet CLI and times it.</summary>
internal static class DotNet
{
    /// <summary>Runs <c>dotnet {arguments}</c> in <paramref name="directory"/>; throws with its output when it fails.</summary>
    public static TimeSpan Run(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed in {directory} (exit code {process.ExitCode}):\n{output.Result}\n{error.Result}");
        }

        return clock.Elapsed;
    }
}
