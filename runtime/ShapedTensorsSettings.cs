using System;

namespace ShapedTensors;

/// <summary>Process-wide settings of the ShapedTensors kernels.</summary>
public static class ShapedTensorsSettings
{
    private static int s_maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// How many threads one large matrix product may use (default: the processor count). Small products always
    /// run on the calling thread. Set 1 to keep every product on the calling thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxDegreeOfParallelism
    {
        get => s_maxDegreeOfParallelism;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxDegreeOfParallelism = value;
        }
    }
}
