using System;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ShapedTensors.Benchmarks.Infrastructure;

/// <summary>Columns computed from <see cref="WorkloadAttribute"/>: Case, Size, Flops, GFLOP/s and Kernels.</summary>
public static class WorkloadColumns
{
    /// <summary>Every workload column.</summary>
    public static IColumn[] All { get; } =
    [
        new Column("Case", "The case a class measures", (_, w, _) => w.Case, numeric: false, priority: 0),
        new Column("Size", "Matrix size of a square case (0 elsewhere)", (_, w, _) => w.Size.ToString(CultureInfo.InvariantCulture), numeric: true, priority: 1),
        new Column("Flops", "Floating-point operations per call (2*M*K*N*batch)", (_, w, _) => w.Flops.ToString(CultureInfo.InvariantCulture), numeric: true, priority: 2),
        new Column("GFLOP/s", "Flops / Mean", GigaFlops, numeric: true, priority: 3),
        new Column("Kernels", "Generated kernels the ShapedTensors methods call", (_, w, _) => w.Kernels switch { null => "?", "" => "-", var names => names }, numeric: false, priority: 4),
    ];

    private static string GigaFlops(Summary summary, WorkloadAttribute workload, BenchmarkCase benchmark)
    {
        var mean = summary[benchmark]?.ResultStatistics?.Mean;
        return mean is > 0 ? (workload.Flops / mean.Value).ToString("0.000", CultureInfo.InvariantCulture) : "NA";
    }

    private static WorkloadAttribute? Workload(BenchmarkCase benchmark)
        => benchmark.Descriptor.WorkloadMethod.GetCustomAttribute<WorkloadAttribute>()
            ?? benchmark.Descriptor.Type.GetCustomAttribute<WorkloadAttribute>(inherit: true);

    private sealed class Column(string name, string legend, Func<Summary, WorkloadAttribute, BenchmarkCase, string> value, bool numeric, int priority) : IColumn
    {
        public string Id => nameof(WorkloadColumns) + "." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => priority;

        public bool IsNumeric => numeric;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
            => Workload(benchmarkCase) is { } workload ? value(summary, workload, benchmarkCase) : "-";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
