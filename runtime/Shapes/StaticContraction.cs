// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// What graph time says about a call on static shapes (PARTIAL_SHAPES.md §3): either the exact error (G2), or the
/// static result with its names (G1, §9), the checks deferred to the run time (§8.3) and what the run time must
/// evaluate (§8.1, §8.4).
/// </summary>
internal sealed class StaticContraction
{
    private StaticContraction(StaticShape? result, ShapeError? error, IReadOnlyList<DeferredCheck> deferred, KernelChecks? runTime)
    {
        Result = result;
        Error = error;
        Deferred = deferred;
        RunTime = runTime;
    }

    /// <summary>Whether graph time passes.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The static result shape, when <see cref="Succeeded"/>.</summary>
    public StaticShape? Result { get; }

    /// <summary>The graph-time error, with <c>?</c> in its frame, when not <see cref="Succeeded"/>.</summary>
    public ShapeError? Error { get; }

    /// <summary>The checks only the run time can make, in TensorFlow's graph-time order (empty for fully known shapes).</summary>
    public IReadOnlyList<DeferredCheck> Deferred { get; }

    /// <summary>The kernel checks and the name binding, when <see cref="Succeeded"/>.</summary>
    public KernelChecks? RunTime { get; }

    /// <inheritdoc/>
    public override string ToString() => Error?.Message ?? Result!.ToString();

    internal static StaticContraction Success(TracedDimension[] result, IReadOnlyList<DeferredCheck> deferred, KernelChecks runTime)
        => new(TracedDimension.ToShape(result), null, deferred, runTime);

    internal static StaticContraction Failure(ShapeError error) => new(null, error, Array.Empty<DeferredCheck>(), null);
}
