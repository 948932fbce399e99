using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ScottPlot;

namespace ShapedTensors.Report;

/// <summary>GFLOP/s against square size (float32, 4×4 included), one line per implementation, with the measured peak.</summary>
internal static class Chart
{
    private static readonly (string Method, string Label)[] Lines =
    [
        ("ShapedTensorsInto", "ShapedTensors (into destination)"),
        ("ShapedTensors", "ShapedTensors (allocating)"),
        ("ShapedTensorsIntoTwoThreads", "ShapedTensors (into, 2 threads)"),
        ("Torch", "TorchSharp matmul (1 thread)"),
        ("TorchInto", "TorchSharp addmm_ (1 thread)"),
        ("TorchTwoThreads", "TorchSharp matmul (2 threads)"),
        ("MathNet", "MathNet managed (1 thread)"),
        ("DynamicTensor", "DynamicTensor (runtime)"),
        ("Naive", "naive loop"),
        ("Matrix4x4Multiply", "Matrix4x4.Multiply"),
    ];

    public static void Write(List<Row> rows, string path)
    {
        var square = rows.Where(r => r.Case is "square f32" or "4x4" && r.Size > 0).ToList();
        var plot = new Plot();
        var sizes = square.Select(r => r.Size).Distinct().Order().ToArray();
        foreach (var (method, label) in Lines)
        {
            var points = square.Where(r => r.Method == method && !double.IsNaN(r.GigaFlops)).OrderBy(r => r.Size).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => Math.Log2(p.Size)).ToArray(), points.Select(p => p.GigaFlops).ToArray());
            line.LegendText = label;
            line.LineWidth = method.StartsWith("ShapedTensors", StringComparison.Ordinal) ? 3 : 1.5f;
            line.MarkerSize = 7;
        }

        var peak = rows.Where(r => r.Type == "Peak").OrderByDescending(r => r.GigaFlops).FirstOrDefault();
        if (peak is not null)
        {
            var line = plot.Add.HorizontalLine(peak.GigaFlops);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"measured FMA peak, {peak.Method} ({peak.GigaFlops:0} GFLOP/s)");
            line.LinePattern = LinePattern.Dashed;
        }

        if (sizes.Length > 0)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                sizes.Select(s => Math.Log2(s)).ToArray(),
                sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray());
        }

        plot.Title("Square float32 N×N·N×N, single core unless noted");
        plot.XLabel("N (log scale)");
        plot.YLabel("GFLOP/s (2·N³ / time)");
        plot.Axes.SetLimitsY(0, Math.Max(peak?.GigaFlops ?? 0, square.Where(r => !double.IsNaN(r.GigaFlops)).Select(r => r.GigaFlops).DefaultIfEmpty(1).Max()) * 1.08);
        plot.ShowLegend(Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 1100, 650);
    }
}
