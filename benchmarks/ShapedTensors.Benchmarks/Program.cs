using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using ShapedTensors.Benchmarks.Infrastructure;

namespace ShapedTensors.Benchmarks;

/// <summary>
/// Runs the suites. From the repository root:
/// <c>dotnet run -c Release --project benchmarks/ShapedTensors.Benchmarks -- --filter '*' --job short</c>
/// (drop <c>--job short</c> for BenchmarkDotNet's default, longer job). Results land in
/// BenchmarkDotNet.Artifacts/results; <c>dotnet run --project benchmarks/ShapedTensors.Report</c> turns them
/// into docs/PERFORMANCE.md and docs/performance.png.
/// </summary>
public static class Program
{
    /// <summary>Entry point: BenchmarkDotNet's command line (filters, jobs, ...).</summary>
    public static void Main(string[] args)
    {
        // Plain numbers (ns, bytes) in the CSV so the report can read them; the console keeps its units.
        var csvStyle = new SummaryStyle(CultureInfo.InvariantCulture, printUnitsInHeader: true, SizeUnit.B, TimeUnit.Nanosecond, printUnitsInContent: false, printZeroValuesInContent: true);
        var defaults = DefaultConfig.Instance;
        var config = ManualConfig.CreateEmpty()
            .AddColumnProvider(defaults.GetColumnProviders().ToArray())
            .AddLogger(defaults.GetLoggers().ToArray())
            .AddAnalyser(defaults.GetAnalysers().ToArray())
            .AddValidator(defaults.GetValidators().ToArray())
            .AddExporter(MarkdownExporter.GitHub)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
            .AddColumn(WorkloadColumns.All)
            .AddExporter(new CsvExporter(CsvSeparator.Comma, csvStyle))
            .AddExporter(JsonExporter.Full)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .WithOptions(ConfigOptions.DisableLogFile)
            // Each run builds this project again without the compiler server; on 2 busy cores that can take longer than
            // BenchmarkDotNet's default 2 minutes.
            .WithBuildTimeout(System.TimeSpan.FromMinutes(15))
            // ShapedTensors.Benchmarks.DebugCalls is compiled without optimization on purpose (the ShapedTensorsDebug rows).
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
