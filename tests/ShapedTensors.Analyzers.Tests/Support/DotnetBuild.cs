using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>Runs <c>dotnet build</c> on a project as a user would, and returns what it printed.</summary>
internal static class DotnetBuild
{
    /// <summary>The configuration these tests were built in: the referenced projects are then already up to date.</summary>
    public static string Configuration { get; } =
        typeof(DotnetBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static async Task<(int ExitCode, string Output)> RunAsync(string project, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No build servers: nothing outlives the test, and no compiler server caches an old analyzer.
        foreach (var argument in new[] { "build", project, "-c", Configuration, "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may carry MSBuild settings of the build that started it; the child build must find its own.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new System.Threading.CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build did not finish within {timeout}:\n{await stdout}{await stderr}");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
