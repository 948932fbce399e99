using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ShapedTensors.Report;

/// <summary>
/// Writes the generated part of docs/PERFORMANCE.md (between the report markers) and docs/performance.png
/// from the newest BenchmarkDotNet results. Run from the repository root:
/// <c>dotnet run -c Release --project benchmarks/ShapedTensors.Report [-- --results DIR --doc FILE --chart FILE --generated DIR --statistic Min|Median|Mean]</c>.
/// </summary>
internal static class Program
{
    public const string Begin = "<!-- report:begin (written by benchmarks/ShapedTensors.Report; edit outside these markers) -->";
    public const string End = "<!-- report:end -->";

    public static int Main(string[] args)
    {
        var options = Options(args);
        var results = options.GetValueOrDefault("results", Path.Combine("BenchmarkDotNet.Artifacts", "results"));
        var doc = options.GetValueOrDefault("doc", Path.Combine("docs", "PERFORMANCE.md"));
        var chart = options.GetValueOrDefault("chart", Path.Combine("docs", "performance.png"));
        var generated = options.GetValueOrDefault("generated", Path.Combine("benchmarks", "ShapedTensors.Benchmarks", "obj"));
        var statistic = options.GetValueOrDefault("statistic", "Min");
        if (statistic is not ("Min" or "Median" or "Mean"))
        {
            throw new ArgumentException($"--statistic must be Min, Median or Mean, not '{statistic}'.");
        }

        var (rows, source, environment) = Results.Load(results, statistic);
        var kernels = KernelLines.Count(generated);
        var chartName = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(doc))!, Path.GetFullPath(chart)).Replace('\\', '/');
        Chart.Write(rows, chart);
        var section = Tables.Write(rows, kernels, source, environment, chartName, statistic);
        Splice(doc, section);
        Console.WriteLine($"{rows.Count} results from {source}; wrote {doc} and {chart}.");
        return 0;
    }

    // Replaces the text between the markers (or appends the markers and the text).
    private static void Splice(string doc, string section)
    {
        var text = File.Exists(doc) ? File.ReadAllText(doc) : "# Performance\n\n";
        var block = Begin + "\n" + section.TrimEnd() + "\n" + End;
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? text[..start] + block + text[(end + End.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(doc))!);
        File.WriteAllText(doc, text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}

/// <summary>Counts the lines of each generated kernel file (…Kernels.NAME.g.cs or Kernels/NAME.g.cs).</summary>
internal static class KernelLines
{
    public static Dictionary<string, int> Count(string folder)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return counts;
        }

        // Prefer the Release build's files when both configurations are there.
        var files = Directory.EnumerateFiles(folder, "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Replace('\\', '/').Contains("/generated/", StringComparison.Ordinal))
            .OrderBy(f => f.Contains("Release", StringComparison.Ordinal) ? 0 : 1);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file)[..^".g.cs".Length];
            var parent = Path.GetFileName(Path.GetDirectoryName(file));
            var marker = name.LastIndexOf(".Kernels.", StringComparison.Ordinal);
            var kernel = marker >= 0 ? name[(marker + ".Kernels.".Length)..] : parent == "Kernels" ? name : null;
            if (kernel is not null && !counts.ContainsKey(kernel))
            {
                counts[kernel] = File.ReadLines(file).Count();
            }
        }

        return counts;
    }
}

/// <summary>The markdown tables.</summary>
internal static class Tables
{
    // The baselines each row is compared with, in column order: (method, column title).
    private static readonly (string Method, string Title)[] Baselines =
    [
        ("Naive", "vs naive"),
        ("DynamicTensor", "vs DynamicTensor"),
        ("Torch", "vs Torch"),
        ("TorchInto", "vs TorchInto"),
        ("MathNet", "vs MathNet"),
        ("Matrix4x4Multiply", "vs Matrix4x4"),
        ("OpenBlas", "vs OpenBLAS"),
        ("Eigen", "vs Eigen"),
        ("TensorPrimitives", "vs TensorPrimitives"),
    ];

    public static string Write(List<Row> rows, Dictionary<string, int> kernels, string source, string environment, string chart, string statistic)
    {
        var text = new StringBuilder();
        // The machine's peak is its widest FMA: the kernels use Vector512 where the hardware has it.
        var peak256 = rows.FirstOrDefault(r => r.Type == "Peak" && r.Method == "Fma256");
        var peak512 = rows.FirstOrDefault(r => r.Type == "Peak" && r.Method == "Fma512");
        var peak = peak512 is not null && (peak256 is null || peak512.GigaFlops > peak256.GigaFlops) ? peak512 : peak256;
        var peakRate = peak?.GigaFlops ?? double.NaN;

        text.AppendLine(Invariant($"Results: `{source}`."));
        text.AppendLine();
        if (environment.Length > 0)
        {
            text.AppendLine("```");
            text.AppendLine(environment);
            text.AppendLine("```");
            text.AppendLine();
        }

        text.AppendLine("### Peak");
        text.AppendLine();
        text.AppendLine(peak is null
            ? "No `Peak` result in this run: the % of peak columns are empty."
            : Invariant($"Measured single-core float32 peak (12 independent FMA accumulators): **{peakRate:0.0} GFLOP/s** with `{(peak == peak512 ? "Vector512" : "Vector256")}`, the 100% of the tables (the kernels use the widest vectors the hardware has).")
              + (peak256 is null || peak == peak256 ? string.Empty : Invariant($" With `Vector256` FMAs it is {peak256.GigaFlops:0.0} GFLOP/s.")));
        text.AppendLine();

        text.AppendLine("### Results");
        text.AppendLine();
        text.AppendLine(Invariant($"Time is BenchmarkDotNet's **{statistic}** per call over the measured iterations{(statistic == "Min" ? " (the best iteration: this 2-core machine is shared, and other work only ever adds time)" : string.Empty)}; GFLOP/s = 2·M·K·N·batch / time; \"vs X\" is X's time / this row's time (above 1: this row is faster)."));
        text.AppendLine("`ShapedTensors` allocates its result (`var z = x.Op(y)`), `ShapedTensorsInto` writes into a destination (`x.Op(y, destination)`); everything runs on one thread except the `*TwoThreads` rows.");
        text.AppendLine();
        text.AppendLine("| Case | Method | Time | Allocated | GFLOP/s | % of peak | " + string.Join(" | ", Baselines.Select(b => b.Title)) + " |");
        text.AppendLine("|---|---|--:|--:|--:|--:|" + string.Concat(Baselines.Select(_ => "--:|")));
        foreach (var group in Cases(rows).Where(group => !IsSweep(group[0])))
        {
            foreach (var row in group)
            {
                var cells = new List<string>
                {
                    CaseName(row),
                    row.Method.StartsWith("ShapedTensors", StringComparison.Ordinal) ? $"**{row.Method}**" : row.Method,
                    Time(row.TimeNs),
                    Bytes(row.AllocatedBytes),
                    double.IsNaN(row.GigaFlops) ? "NA" : Invariant($"{row.GigaFlops:0.00}"),
                    row.Type == "Peak" || double.IsNaN(peakRate) ? "—" : Invariant($"{100 * row.GigaFlops / peakRate:0.0}%"),
                };
                foreach (var (method, _) in Baselines)
                {
                    var baseline = group.FirstOrDefault(r => r.Method == method);
                    cells.Add(baseline is null || baseline == row ? "—" : Ratio(baseline.TimeNs / row.TimeNs));
                }

                text.AppendLine("| " + string.Join(" | ", cells) + " |");
            }
        }

        text.AppendLine();
        text.AppendLine(Invariant($"![GFLOP/s against square size]({chart})"));
        text.AppendLine();
        Targets.Write(text, rows, peakRate);
        WriteSweep(text, rows);
        WriteDebug(text, rows);
        WriteKernelLines(text, rows, kernels);
        return text.ToString();
    }

    // Cases in a stable, readable order: peak, seed, 4x4, square by size, float64, batched, N-D.
    private static IEnumerable<List<Row>> Cases(List<Row> rows)
        => rows.GroupBy(r => r.Type)
            .OrderBy(g => Order(g.First()))
            .ThenBy(g => g.First().Size)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => MethodOrder(r.Method)).ThenBy(r => r.Method, StringComparer.Ordinal).ToList());

    private static int Order(Row row) => row.Case switch
    {
        "peak" => 0,
        var c when c.StartsWith("seed", StringComparison.Ordinal) => 1,
        "4x4" => 2,
        "square f32" => 3,
        "square f64" => 4,
        var c when c.StartsWith("batched", StringComparison.Ordinal) => 5,
        _ => 6,
    };

    private static int MethodOrder(string method) => method switch
    {
        "ShapedTensors" => 0,
        "ShapedTensorsInto" => 1,
        "ShapedTensorsIntoTwoThreads" => 3,
        "ShapedTensorsDebug" => 3,
        var m when m.StartsWith("ShapedTensors", StringComparison.Ordinal) => 2,
        "Naive" => 4,
        "DynamicTensor" => 4,
        "Torch" => 5,
        "TorchInto" => 6,
        "TorchTwoThreads" => 7,
        _ => 8,
    };

    /// <summary>Whether a row belongs to the sweep of random shapes (benchmarks/ShapedTensors.Benchmarks/Sweep).</summary>
    public static bool IsSweep(Row row) => row.Case.StartsWith("sweep ", StringComparison.Ordinal);

    // The sweep of random shapes: the generated call against the runtime path and a naive loop.
    private static void WriteSweep(StringBuilder text, List<Row> rows)
    {
        var cases = Cases(rows).Where(group => IsSweep(group[0])).ToList();
        if (cases.Count == 0)
        {
            return;
        }

        text.AppendLine("### Sweep: random shapes");
        text.AppendLine();
        text.AppendLine("Calls of random shapes (ranks 2–5, dimensions 1–64, `Sweep/make_sweep.py`, fixed seed), into a destination: the generated call against the runtime path a user would otherwise take (`DynamicTensor`, into a destination) and a naive loop. Target: no shape slower than the runtime path by more than 5% (the calls left to the runtime run the same kernel as `DynamicTensor`: closer than that is noise).");
        text.AppendLine();
        text.AppendLine("| Call | Generated | DynamicTensor | Naive | GFLOP/s | vs DynamicTensor | vs naive |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var group in cases)
        {
            var generated = group.FirstOrDefault(r => r.Method == "ShapedTensorsInto");
            var runtime = group.FirstOrDefault(r => r.Method == "DynamicTensor");
            var naive = group.FirstOrDefault(r => r.Method == "Naive");
            string T(Row? r) => r is null ? "—" : Time(r.TimeNs);
            string Vs(Row? baseline) => generated is null || baseline is null ? "—" : Ratio(baseline.TimeNs / generated.TimeNs);
            text.AppendLine(Invariant($"| {group[0].Case["sweep ".Length..]} | {T(generated)} | {T(runtime)} | {T(naive)} | {(generated is null ? "—" : Invariant($"{generated.GigaFlops:0.0}"))} | {Vs(runtime)} | {Vs(naive)} |"));
        }

        text.AppendLine();
    }

    // The same call in a Debug build (ShapedTensors.Benchmarks.DebugCalls, compiled without optimization) against Release.
    private static void WriteDebug(StringBuilder text, List<Row> rows)
    {
        var pairs = Cases(rows)
            .Select(group => (Release: group.FirstOrDefault(r => r.Method == "ShapedTensorsInto"), Debug: group.FirstOrDefault(r => r.Method == "ShapedTensorsDebug")))
            .Where(pair => pair.Release is not null && pair.Debug is not null)
            .ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        text.AppendLine("### Debug builds");
        text.AppendLine();
        text.AppendLine("The same call (into a destination) compiled in Release and in Debug (`ShapedTensors.Benchmarks.DebugCalls`, `Optimize=false`: the JIT does not optimize it, and the generator emits no kernel there, only calls into the runtime's precompiled product). Target: Debug within 2× of Release.");
        text.AppendLine();
        text.AppendLine("| Case | Release | Debug | Debug / Release |");
        text.AppendLine("|---|--:|--:|--:|");
        foreach (var (release, debug) in pairs)
        {
            text.AppendLine(Invariant($"| {CaseName(release!)} | {Time(release!.TimeNs)} | {Time(debug!.TimeNs)} | {Ratio(debug.TimeNs / release.TimeNs)} |"));
        }

        text.AppendLine();
    }

    private static void WriteKernelLines(StringBuilder text, List<Row> rows, Dictionary<string, int> kernels)
    {
        text.AppendLine("### Generated lines per kernel");
        text.AppendLine();
        text.AppendLine("Lines of each generated kernel file (`obj/<config>/net10.0/generated/**/*.Kernels.*.g.cs` of the benchmark project; one file per contraction plan of at most 8³ multiply-adds per product: the vector paths that differ). The other cases have no kernel file: their calls go to the runtime's precompiled product with constant arguments.");
        text.AppendLine();
        text.AppendLine("| Case | Kernel | Lines |");
        text.AppendLine("|---|---|--:|");
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Cases(rows).Where(group => group[0].Kernels != "?"))
        {
            var names = group[0].Kernels.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0 && group.Any(r => r.Method.StartsWith("ShapedTensors", StringComparison.Ordinal)))
            {
                text.AppendLine(Invariant($"| {CaseName(group[0])} | (the runtime's product) | 0 |"));
            }

            foreach (var kernel in names)
            {
                listed.Add(kernel);
                text.AppendLine(Invariant($"| {CaseName(group[0])} | `{kernel}` | {(kernels.TryGetValue(kernel, out var lines) ? lines.ToString(CultureInfo.InvariantCulture) : "not found")} |"));
            }
        }

        foreach (var (kernel, lines) in kernels.Where(k => !listed.Contains(k.Key)).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant($"| (a sweep call) | `{kernel}` | {lines} |"));
        }

        text.AppendLine();
    }

    /// <summary>The case as the tables show it: "square f32 64×64" for square cases.</summary>
    public static string CaseName(Row row)
        => row.Case.Length == 0 ? row.Type
            : row.Case.StartsWith("square", StringComparison.Ordinal) && row.Size > 0 ? Invariant($"{row.Case} {row.Size}×{row.Size}")
            : row.Case;

    public static string Time(double ns) => ns switch
    {
        double.NaN => "NA",
        < 1e3 => Invariant($"{ns:0.00} ns"),
        < 1e6 => Invariant($"{ns / 1e3:0.00} µs"),
        < 1e9 => Invariant($"{ns / 1e6:0.00} ms"),
        _ => Invariant($"{ns / 1e9:0.00} s"),
    };

    public static string Bytes(double bytes) => bytes switch
    {
        0 => "0 B",
        < 1024 => Invariant($"{bytes:0} B"),
        < 1024 * 1024 => Invariant($"{bytes / 1024:0.0} KB"),
        _ => Invariant($"{bytes / 1024 / 1024:0.0} MB"),
    };

    public static string Ratio(double ratio) => double.IsNaN(ratio) ? "NA" : ratio >= 10 ? Invariant($"{ratio:0}×") : Invariant($"{ratio:0.00}×");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
