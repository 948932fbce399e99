using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ShapedTensors.BuildTime;

// Usage: dotnet run -c Release --project benchmarks/ShapedTensors.BuildTime -- [--calls 100] [--seed 1] [--repeat 3]
//        [--configurations Debug,Release] [--compiler-server true|false] [--keep DIR]
var options = Options.Parse(args);
var repository = BuildInputs.FindRepository();
Console.WriteLine($"Building the runtime, generator and analyzers of {repository} (Release)...");
var inputs = BuildInputs.Build(repository);

var root = options.Keep ?? Path.Combine(Path.GetTempPath(), "shapedtensors-buildtime-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
var calls = RandomCalls.Create(options.Calls, options.Seed);
var apps = new[] { ("without calls", false), ($"with {calls.Count} calls", true) };
var rows = new List<string>();
try
{
    foreach (var (name, withCalls) in apps)
    {
        var directory = Path.Combine(root, withCalls ? "WithCalls" : "WithoutCalls");
        SyntheticApp.Write(directory, calls, withCalls, inputs);
        DotNet.Run(directory, "restore -nologo -v:q");
    }

    foreach (var configuration in options.Configurations)
    {
        var measured = new List<Measurement>();
        foreach (var (name, withCalls) in apps)
        {
            var directory = Path.Combine(root, withCalls ? "WithCalls" : "WithoutCalls");
            Console.WriteLine($"{configuration}, {name}...");
            measured.Add(Measurement.Take(directory, configuration, options.Repeat, options.CompilerServer));
        }

        var (without, with) = (measured[0], measured[1]);
        rows.Add(Row(configuration, apps[0].Item1, without, null, calls.Count));
        rows.Add(Row(configuration, apps[1].Item1, with, without, calls.Count));
    }
}
finally
{
    if (options.Keep is null)
    {
        Directory.Delete(root, recursive: true);
    }
}

Console.WriteLine();
Console.WriteLine($"{calls.Count} calls of distinct random shapes (seed {options.Seed}, ranks 2-4, dimensions 1-64); times are the median of {options.Repeat} builds (min in parentheses), {(options.CompilerServer ? "with the compiler server (warm)" : "without the compiler server (a cold csc per build)")}.");
Console.WriteLine();
Console.WriteLine("| configuration | app | clean build | incremental build | generated files | generated lines | lines per call |");
Console.WriteLine("|---|---|--:|--:|--:|--:|--:|");
rows.ForEach(Console.WriteLine);

static string Row(string configuration, string app, Measurement m, Measurement? baseline, int calls)
{
    string Time(IReadOnlyList<TimeSpan> times, IReadOnlyList<TimeSpan>? baseTimes)
    {
        var text = $"{Seconds(Median(times))} s ({Seconds(times.Min())})";
        return baseTimes is null ? text : text + $", +{Seconds(Median(times) - Median(baseTimes))} s";
    }

    var perCall = baseline is null ? "—" : ((m.Lines - baseline.Lines) / (double)calls).ToString("F0", CultureInfo.InvariantCulture);
    return $"| {configuration} | {app} | {Time(m.Clean, baseline?.Clean)} | {Time(m.Incremental, baseline?.Incremental)} | {m.Files} | {m.Lines:N0} | {perCall} |";
}

static TimeSpan Median(IReadOnlyList<TimeSpan> times) => times.OrderBy(t => t).ElementAt(times.Count / 2);

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

/// <summary>Build times and generated code of one app in one configuration.</summary>
internal sealed record Measurement(IReadOnlyList<TimeSpan> Clean, IReadOnlyList<TimeSpan> Incremental, int Files, long Lines)
{
    private static int _edits;

    public static Measurement Take(string directory, string configuration, int repeat, bool compilerServer)
    {
        // Set either way: a machine may turn the compiler server off in its environment (UseSharedCompilation=false).
        var build = $"build -c {configuration} --no-restore -nologo -v:q -p:UseSharedCompilation={(compilerServer ? "true" : "false")}";

        // A first build starts the compiler server and fills every cache; it is not counted.
        DotNet.Run(directory, build + " --no-incremental");
        var clean = Enumerable.Range(0, repeat).Select(_ => DotNet.Run(directory, build + " --no-incremental")).ToList();
        var incremental = Enumerable.Range(0, repeat).Select(_ =>
        {
            File.WriteAllText(Path.Combine(directory, SyntheticApp.EditedFile), SyntheticApp.ProgramText(++_edits));
            return DotNet.Run(directory, build);
        }).ToList();

        var generated = Path.Combine(directory, "obj", configuration, "net10.0", "generated");
        var files = Directory.Exists(generated) ? Directory.GetFiles(generated, "*.cs", SearchOption.AllDirectories) : [];
        return new Measurement(clean, incremental, files.Length, files.Sum(file => (long)File.ReadLines(file).Count()));
    }
}

/// <summary>The command line.</summary>
internal sealed record Options(int Calls, int Seed, int Repeat, IReadOnlyList<string> Configurations, bool CompilerServer, string? Keep)
{
    public static Options Parse(string[] args)
    {
        // The compiler server is on by default, as `dotnet build` has it on a developer's machine.
        var options = new Options(100, 1, 3, ["Debug", "Release"], true, null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--calls" => options with { Calls = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--repeat" => options with { Repeat = int.Parse(value, CultureInfo.InvariantCulture) },
                "--configurations" => options with { Configurations = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--compiler-server" => options with { CompilerServer = bool.Parse(value) },
                "--keep" => options with { Keep = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; options: --calls N, --seed N, --repeat N, --configurations Debug,Release, --compiler-server true|false, --keep DIR."),
            };
            i++;
        }

        return options;
    }
}
