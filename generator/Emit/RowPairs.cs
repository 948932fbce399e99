namespace ShapedTensors.Generator.Emit;

/// <summary>
/// When a kernel path may hold two output rows in one vector, and where x's values for them come from.
/// </summary>
/// <remarks>
/// A row exactly half a vector wide (4 floats or 2 doubles in a Vector256, 8 floats or 4 doubles in a
/// Vector512) would otherwise use half-width multiply-adds. Output rows m and m + 1 are adjacent in memory, so
/// one accumulator holds both: y's row k is duplicated into both halves, and x[m, k] and x[m + 1, k] go into
/// the lower and upper half by one constant shuffle of a <em>window</em>, a vector load of x covering both
/// rows' k values. That needs the two rows to fit in one vector (short k), so the steps are always unrolled.
/// Measured: the seed BatchDot kernel ([4x5]·[5x8], Vector512) 390 → 275 ns, the 4×4 kernel (Vector256) about twice as fast.
/// </remarks>
internal static class RowPairs
{
    /// <summary>
    /// Whether a path pairs rows for <paramref name="plan"/>: only Vector256 and Vector512 paths, whose halves
    /// are Vector128 and Vector256.
    /// </summary>
    public static bool Apply(ContractionPlan plan, VectorKind kind, int elementSize, int unrollBudget)
        => kind switch
        {
            // The alternative is Vector128 multiply-adds, half as wide: pairing always pays (4×4: twice as fast).
            VectorKind.V256 => Apply(plan, VectorKernel.Lanes(kind, elementSize), unrollBudget),

            // The alternative is full Vector256 rows, one accumulator each. Pairing halves the multiply-adds but adds a
            // shuffle to each and halves the independent accumulators; it pays only with enough pairs in flight to
            // hide the multiply-add latency (the seed's 120 items of 2 pairs: 1.4x), not for one 8×8 product (4
            // pairs: 10.4 ns against 8.6 ns for the runtime's unpaired loops).
            // A run-time count of products (a batch axis of size 0 in the plan, see KernelEmitter.IsRunTime) is taken to be large.
            VectorKind.V512 => Apply(plan, VectorKernel.Lanes(kind, elementSize), unrollBudget) && (plan.BatchCount == 0 || (plan.M / 2) * plan.BatchCount >= MinPairs),
            _ => false,
        };

    // Pairs (over all batch items) from which Vector512 pairing pays: as many as the accumulators of the unpaired
    // Vector256 path over 8 rows.
    private const long MinPairs = 8;

    private static bool Apply(ContractionPlan plan, int lanes, int unrollBudget)
        => plan.N * 2 == lanes
            && plan.M >= 2
            && plan.YColumnStride == 1
            && plan.OutRowStride == plan.N
            && plan.XRowStride > 0
            && (plan.K == 1 || plan.XDepthStride > 0)
            && Span(plan) <= lanes
            && Extent(plan) >= lanes
            && (long)(plan.M / 2) * plan.K * 2 <= unrollBudget;

    /// <summary>
    /// The first element of the window for the pair starting at <paramref name="row"/>, relative to an item's
    /// x: the pair's first element, moved back where a full window would run past the item's last element (so
    /// that every load stays inside x).
    /// </summary>
    public static long WindowStart(ContractionPlan plan, int lanes, int row)
        => System.Math.Min(row * plan.XRowStride, Extent(plan) - lanes);

    // Elements from x[m, 0] to x[m + 1, K - 1].
    private static long Span(ContractionPlan plan) => plan.XRowStride + ((plan.K - 1) * plan.XDepthStride) + 1;

    // Elements from an item's x[0, 0] to its x[M - 1, K - 1].
    private static long Extent(ContractionPlan plan) => ((plan.M - 1) * plan.XRowStride) + ((plan.K - 1) * plan.XDepthStride) + 1;
}
