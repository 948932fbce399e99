using System;

namespace ShapedTensors.Benchmarks.Infrastructure;

/// <summary>
/// What one benchmark class measures: its case name, the floating-point operations of one call
/// (2·M·K·N·batch for a product) and the generated kernels it exercises. The columns in
/// <see cref="WorkloadColumns"/> read it, so the CSV results carry everything the report needs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class WorkloadAttribute : Attribute
{
    /// <param name="caseName">The case, e.g. "square f32" or "seed BatchDot".</param>
    /// <param name="flops">Floating-point operations per call.</param>
    public WorkloadAttribute(string caseName, long flops)
    {
        Case = caseName;
        Flops = flops;
    }

    /// <summary>The case, e.g. "square f32".</summary>
    public string Case { get; }

    /// <summary>Floating-point operations per call.</summary>
    public long Flops { get; }

    /// <summary>The matrix size for square cases (the chart's x axis); 0 elsewhere.</summary>
    public int Size { get; set; }

    /// <summary>
    /// The generated kernels the ShapedTensors methods call, separated by ';' (the report counts their lines); empty
    /// when they call the runtime's product; null when not listed (the sweep's cases: their kernel files are reported
    /// together).
    /// </summary>
    public string? Kernels { get; set; }

    /// <summary>FLOPs of a 2·M·K·N·batch product.</summary>
    public static long Product(long batch, long m, long k, long n) => 2 * batch * m * k * n;
}
