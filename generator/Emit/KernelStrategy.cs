using ShapedTensors.Generator.Model;
using ShapedTensors.Kernels;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Whether a plan gets a kernel emitted for it, or its calls go straight to the runtime's precompiled
/// <c>StridedProduct</c> with every size and stride a constant argument (one line instead of a file).
/// </summary>
/// <remarks>
/// Unrolled code with constant offsets pays only for small products, where the runtime's per-call work (choosing a
/// strategy, looping over tiles) would be a large part of the time; beyond <see cref="KernelThresholds.EmittedProduct"/>
/// multiply-adds per product the runtime's register-blocked loops and packed product run as fast as emitted ones
/// (see docs/PERFORMANCE.md). Rows narrower than a vector over a long k are dot products along k, which the runtime
/// vectorizes and an emitted kernel would not. In a Debug build nothing is emitted: the JIT does not optimize the consumer's code,
/// but the runtime's is optimized.
/// </remarks>
internal static class KernelStrategy
{
    public static bool IsEmitted(KernelModel kernel, KernelSettings settings)
        => settings.Optimized
            && kernel.Plan.M > 0
            && kernel.Plan.N > 0
            && kernel.Plan.K > 0
            && (kernel.Plan.RunTimeBatch || kernel.Plan.BatchCount > 0)
            && kernel.Plan.MultiplyAdds <= KernelThresholds.EmittedProduct
            && !KernelThresholds.IsDotAlongK(kernel.Plan.N, kernel.Plan.K, kernel.Plan.XDepth, kernel.Element.Size());
}
