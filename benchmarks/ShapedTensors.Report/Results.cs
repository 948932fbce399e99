using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ShapedTensors.Report;

/// <summary>One benchmark of a BenchmarkDotNet CSV report, with the workload columns the benchmarks add. TimeNs is the chosen statistic (Min, Median or Mean) per call.</summary>
internal sealed record Row(string Type, string Method, double TimeNs, double AllocatedBytes, string Case, int Size, long Flops, string Kernels, string Source)
{
    /// <summary>Flops per nanosecond = GFLOP/s.</summary>
    public double GigaFlops => TimeNs > 0 ? Flops / TimeNs : double.NaN;
}

/// <summary>Reads BenchmarkDotNet's CSV reports.</summary>
internal static class Results
{
    /// <summary>
    /// The rows of the newest run in <paramref name="folder"/>: the newest joined report
    /// (BenchmarkRun-joined-*-report.csv) when there is one, else every per-class report (newest per class).
    /// </summary>
    public static (List<Row> Rows, string Source, string Environment) Load(string folder, string statistic)
    {
        // Several folders may be given (separated by ';'): the newest result of each benchmark (class, method) wins.
        var folders = folder.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var missing in folders.Where(f => !Directory.Exists(f)))
        {
            throw new DirectoryNotFoundException($"No results in '{missing}': run the benchmarks first (see docs/PERFORMANCE.md).");
        }

        // Only the kernel benchmarks: the generator's benchmark writes its report into the same folder.
        var reports = folders.SelectMany(f => new DirectoryInfo(f).GetFiles("*-report.csv"))
            .Where(f => !f.Name.StartsWith("ShapedTensors.GeneratorBenchmarks.", StringComparison.Ordinal))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ToList();
        var joined = reports.FirstOrDefault(f => f.Name.StartsWith("BenchmarkRun-joined-", StringComparison.Ordinal));
        var files = joined is not null ? [joined] : reports;
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No *-report.csv in '{folder}'.");
        }

        var rows = new List<Row>();
        var seen = new HashSet<(string, string)>();
        foreach (var file in files)
        {
            var fallbackType = TypeFromFileName(file.Name);
            foreach (var row in Parse(file.FullName, fallbackType, statistic))
            {
                if (seen.Add((row.Type, row.Method)))
                {
                    rows.Add(row);
                }
            }
        }

        var used = files.Where(f => rows.Any(r => r.Source == f.FullName))
            .GroupBy(f => f.DirectoryName)
            .Select(g => $"{Path.GetFileName(g.Key)} ({string.Join(", ", g.Select(f => TypeFromFileName(f.Name)).Order(StringComparer.Ordinal))})");
        return (rows, string.Join("; ", used), EnvironmentOf(files[^1].FullName));
    }

    // "ShapedTensors.Benchmarks.Square0064-report.csv" -> "Square0064".
    private static string TypeFromFileName(string name)
    {
        var stem = name[..^"-report.csv".Length];
        return stem[(stem.LastIndexOf('.') + 1)..];
    }

    // The environment block (```...```) at the top of the matching GitHub markdown report.
    private static string EnvironmentOf(string csv)
    {
        var markdown = csv[..^".csv".Length] + "-github.md";
        if (!File.Exists(markdown))
        {
            return string.Empty;
        }

        var lines = File.ReadAllLines(markdown);
        var start = Array.IndexOf(lines, "```");
        var end = start < 0 ? -1 : Array.IndexOf(lines, "```", start + 1);
        return start < 0 || end < 0 ? string.Empty : string.Join("\n", lines[(start + 1)..end]).Trim();
    }

    private static IEnumerable<Row> Parse(string path, string fallbackType, string statistic)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count < 2)
        {
            yield break;
        }

        var header = Split(lines[0]);
        int Column(string name) => header.FindIndex(h => h == name || h.StartsWith(name + " [", StringComparison.Ordinal));
        int type = Column("Type"), method = Column("Method"), mean = Column(statistic), allocated = Column("Allocated");
        int @case = Column("Case"), size = Column("Size"), flops = Column("Flops"), kernels = Column("Kernels");
        if (method < 0 || mean < 0)
        {
            throw new InvalidDataException($"{path}: no Method or {statistic} column.");
        }

        var timeScale = UnitScale(header[mean]);
        var sizeScale = allocated >= 0 ? SizeScale(header[allocated]) : 1;
        foreach (var line in lines.Skip(1))
        {
            var cells = Split(line);
            string Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : string.Empty;
            yield return new Row(
                type >= 0 ? Cell(type) : fallbackType,
                Cell(method),
                Number(Cell(mean)) * timeScale,
                Number(Cell(allocated), zeroWhenMissing: true) * sizeScale,
                Cell(@case),
                (int)Number(Cell(size), zeroWhenMissing: true),
                (long)Number(Cell(flops), zeroWhenMissing: true),
                Cell(kernels) is "-" ? string.Empty : Cell(kernels),
                path);
        }
    }

    // "Mean [us]" -> nanoseconds per unit.
    private static double UnitScale(string header) => Unit(header) switch
    {
        "s" => 1e9,
        "ms" => 1e6,
        "us" or "μs" => 1e3,
        _ => 1,
    };

    private static double SizeScale(string header) => Unit(header) switch
    {
        "KB" => 1024,
        "MB" => 1024 * 1024,
        "GB" => 1024 * 1024 * 1024,
        _ => 1,
    };

    private static string Unit(string header)
    {
        var open = header.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? string.Empty : header[(open + 1)..header.IndexOf(']', open)];
    }

    // A number as BenchmarkDotNet prints it: "1,234.5", "1.5 us", "NA", "-".
    private static double Number(string text, bool zeroWhenMissing = false)
    {
        var value = text.Trim();
        if (value.Length == 0 || value is "-" or "NA" or "?")
        {
            return zeroWhenMissing ? 0 : double.NaN;
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = double.Parse(parts[0].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
        return parts.Length > 1 ? number * UnitScale($"[{parts[1]}]") : number;
    }

    // One CSV line, with BenchmarkDotNet's quoting ("a, b" and "" for a quote).
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
