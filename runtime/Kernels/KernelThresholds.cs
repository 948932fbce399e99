// Compiled into the runtime and the generator (netstandard2.0): the one place where the sizes that choose a kernel
// strategy live, so that the generator's choice (emit a kernel or call the runtime's) and the runtime's own
// dispatch cannot drift.
namespace ShapedTensors.Kernels;

/// <summary>The product sizes (multiply-adds of one matrix product, M·N·K) at which kernel strategies change.</summary>
internal static class KernelThresholds
{
    /// <summary>
    /// From this many multiply-adds on, one thread runs the packed, cache-blocked product (<c>BlockedGemm</c>);
    /// below it the register-blocked loops over the unpacked operands are faster (measured: 64² at ~100% and 256²
    /// at 84% of the Vector512 peak, against 37% and 66% packed).
    /// </summary>
    public const long LargeProduct = 512L * 512 * 512;

    /// <summary>From this many multiply-adds on, a product may be shared among threads (when more than one is allowed).</summary>
    public const long ParallelProduct = 1L << 22;

    /// <summary>The packed product needs at least one whole micro-tile: this many rows ...</summary>
    public const int PackedMinRows = 6;

    /// <summary>... and this many columns.</summary>
    public const int PackedMinColumns = 8;

    /// <summary>
    /// Up to this many multiply-adds per product (and with few enough products), the generator emits a kernel with every
    /// dimension a constant, unrolled; beyond it, the generated call is a thin call into the runtime's precompiled kernels
    /// (<c>StridedProduct</c>), which run as fast there: the loops dominate, not the constant offsets. Measured side by
    /// side (docs/PERFORMANCE.md, the Debug rows are the runtime's product): 16×16 and 1000 products of 16×16 within 3%
    /// of their emitted kernels, 8×8 and smaller faster emitted; each emitted kernel costs every build 100–400 lines.
    /// </summary>
    public const long EmittedProduct = 8L * 8 * 8;

    /// <summary>
    /// Whether the runtime computes each output element as one vectorized dot product along k: rows narrower than the
    /// narrowest vector (16 bytes), x contiguous along k, and k at least two such vectors long. The generator leaves
    /// these products to the runtime too, since its kernels would compute narrow rows with scalars.
    /// </summary>
    public static bool IsDotAlongK(long n, long k, long xDepthStride, int elementSize)
        => n * elementSize < 16 && xDepthStride == 1 && k * elementSize >= 32;

    /// <summary>Whether one thread runs the packed product for an M x K by K x N product.</summary>
    public static bool IsLarge(long m, long n, long k)
        => m * n * k >= LargeProduct && m >= PackedMinRows && n >= PackedMinColumns;

    /// <summary>Whether the packed product shares an M x K by K x N product among <paramref name="threads"/> threads.</summary>
    public static bool IsParallel(long m, long n, long k, int threads)
        => threads > 1 && m * n * k >= ParallelProduct && m >= PackedMinRows && n >= PackedMinColumns;
}
