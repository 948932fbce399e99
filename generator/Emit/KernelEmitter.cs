using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Emits the kernel of one small contraction plan (see <see cref="KernelStrategy"/>):
/// <c>out[m, n] = sum over k of x[m, k] * y[k, n]</c> for every batch item, with every dimension and stride a constant.
/// </summary>
/// <remarks>
/// The vector paths that differ, chosen by JIT-time constants: Vector512 (AVX-512) where a row fills one or rows pair
/// in one, Vector256, and Vector128 only where no wider path fits a row; row tails use overlapping or narrower
/// vectors. Output columns are vector accumulators; each row's x value is broadcast; rows and batch items are
/// interleaved until about twelve accumulators are live. The contraction is fully unrolled while the work stays
/// within the unroll budget, and becomes a constant-bound loop beyond it. Rows half a vector wide share one accumulator
/// per pair of rows (<see cref="RowPairs"/>). Transposes and BatchDot's axes are only strides, folded into the
/// constant offsets. Hardware with none of the emitted widths runs the runtime's precompiled product instead.
/// </remarks>
internal static class KernelEmitter
{
    public static string Emit(KernelModel kernel, KernelSettings settings)
    {
        var model = kernel.Plan;
        var plan = model.ToPlan();
        var t = kernel.Element.Keyword();
        var w = new SourceWriter();
        FileHeader.Write(w);
        w.Line($"namespace {kernel.GeneratedNamespace}");
        using (w.Block())
        {
            w.Line("using KernelMath = global::ShapedTensors.Kernels.KernelMath;");
            w.Line("using Unsafe = global::System.Runtime.CompilerServices.Unsafe;");
            w.Line("using Vector128 = global::System.Runtime.Intrinsics.Vector128;");
            w.Line("using Vector256 = global::System.Runtime.Intrinsics.Vector256;");
            w.Line("using Vector512 = global::System.Runtime.Intrinsics.Vector512;");
            w.Line();
            using (w.Block($"internal static partial class {Names.KernelsClass}"))
            {
                w.Line($"/// <summary>{Describe(model)}</summary>");
                w.Line(Names.GeneratedCodeAttribute);
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // one check and one call once the JIT drops the other paths");
                var runTime = model.RunTimeBatch ? ", long batch" : string.Empty;
                using (w.Block($"public static void {kernel.Name}(global::System.ReadOnlySpan<{t}> x, global::System.ReadOnlySpan<{t}> y, global::System.Span<{t}> output{runTime})"))
                {
                    if (model.RunTimeBatch)
                    {
                        var axis = plan.Batch[0];
                        w.Line($"global::ShapedTensors.GeneratedCodeSupport.CheckKernelExtents(batch, x.Length, {axis.XStride}, {model.XLength}, y.Length, {axis.YStride}, {model.YLength}, output.Length, {axis.OutStride}, {model.OutLength});");
                    }
                    else
                    {
                        w.Line($"global::ShapedTensors.GeneratedCodeSupport.CheckKernelLengths(x.Length, {model.XLength}, y.Length, {model.YLength}, output.Length, {model.OutLength});");
                    }

                    var (xs, ys, os) = settings.CheckedAccess ? ("x", "y", "output") : ("ref xs", "ref ys", "ref os");
                    if (!settings.CheckedAccess)
                    {
                        w.Line($"ref {t} xs = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(x);");
                        w.Line($"ref {t} ys = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(y);");
                        w.Line($"ref {t} os = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(output);");
                    }

                    var paths = Paths(plan, kernel.Element, settings);
                    foreach (var kind in paths)
                    {
                        var bits = Bits(kind);
                        using (w.Block($"{(kind == paths[0] ? "if" : "else if")} (Vector{bits}.IsHardwareAccelerated)"))
                        {
                            w.Line($"{kernel.Name}_Vector{bits}({xs}, {ys}, {os}{(model.RunTimeBatch ? ", (nuint)batch" : string.Empty)});");
                        }
                    }

                    using (w.Block("else"))
                    {
                        w.Line(RuntimeProduct.Call(model, kernel.Element, "x", "y", "output", model.RunTimeBatch ? "batch" : null));
                    }
                }

                foreach (var kind in Paths(plan, kernel.Element, settings))
                {
                    w.Line();
                    new VectorKernel(w, plan, kernel.Element, kind, settings).Write($"{kernel.Name}_Vector{Bits(kind)}");
                }
            }
        }

        return w.ToString();
    }

    /// <summary>
    /// The vector paths a kernel has, widest first: a path is emitted only where it would differ from the next narrower
    /// one (its full width fits a row, or it pairs rows half its width); Vector256 whenever a row holds 32 bytes, so
    /// that AVX2 machines run an emitted path too; Vector128 only when no wider path fits.
    /// </summary>
    public static IReadOnlyList<VectorKind> Paths(ContractionPlan plan, ElementKind element, KernelSettings settings)
    {
        var paths = new List<VectorKind>();
        if (plan.N * element.Size() >= 64 || RowPairs.Apply(plan, VectorKind.V512, element.Size(), settings.UnrollBudget))
        {
            paths.Add(VectorKind.V512);
        }

        if (plan.N * element.Size() >= 32 || RowPairs.Apply(plan, VectorKind.V256, element.Size(), settings.UnrollBudget))
        {
            paths.Add(VectorKind.V256);
        }

        if (paths.Count == 0)
        {
            paths.Add(VectorKind.V128);
        }

        return paths;
    }

    private static string Bits(VectorKind kind) => kind switch
    {
        VectorKind.V512 => "512",
        VectorKind.V256 => "256",
        _ => "128",
    };

    // "120 products of [4x5] . [5x8]" and, where they are not the plain row-major ones, the strides.
    private static string Describe(PlanModel plan)
    {
        var text = $"{(plan.RunTimeBatch ? "batch" : plan.BatchCount.ToString(CultureInfo.InvariantCulture))} product(s) of [{plan.M}x{plan.K}] . [{plan.K}x{plan.N}]";
        return plan.IsContiguous
            ? text + ", row-major."
            : text + $"; strides: x per row {plan.XRow} and per k {plan.XDepth}, y per k {plan.YDepth} and per column {plan.YColumn}, output per row {plan.OutRow}"
                + (plan.Batch.Count == 0 ? "." : $"; batch axes (size, x, y, output): {string.Join(", ", Enumerable.Range(0, plan.Batch.Count / 4).Select(i => $"({plan.Batch[4 * i]}, {plan.Batch[(4 * i) + 1]}, {plan.Batch[(4 * i) + 2]}, {plan.Batch[(4 * i) + 3]})"))}.");
    }

    /// <summary>
    /// Whether a batch axis's size is the kernel's <c>batch</c> argument: the one axis of a plan with
    /// <see cref="PlanModel.RunTimeBatch"/>, whose size is 0 in the plan (a kernel is never emitted for a plan with no
    /// products, so 0 means nothing else here).
    /// </summary>
    internal static bool IsRunTime(BatchAxis axis) => axis.Size == 0;

    // The one batch axis of a run-time count of products: whole groups of interleaved items, then the rest one by one.
    private static void WriteRunTimeBatchLoops(SourceWriter w, BatchAxis axis, int interleave, string indexType, Action<int, (long X, long Y, long Out)> body)
    {
        var strides = (axis.XStride, axis.YStride, axis.OutStride);
        void Items(int items)
        {
            w.Line($"{indexType} xb = {Offset.Variable("b", axis.XStride)}, yb = {Offset.Variable("b", axis.YStride)}, ob = {Offset.Variable("b", axis.OutStride)};");
            body(items, strides);
        }

        w.Line($"{indexType} b = 0;");
        using (w.Block($"for (; b + {interleave} <= batch; b += {interleave})"))
        {
            Items(interleave);
        }

        if (interleave > 1)
        {
            using (w.Block("for (; b < batch; b++)"))
            {
                Items(1);
            }
        }
    }

    /// <summary>
    /// Writes loops over the plan's batch axes (constant trip counts) that declare <c>xb</c>, <c>yb</c>,
    /// <c>ob</c>: the first item's offsets. The innermost axis advances <paramref name="interleave"/> items at a
    /// time; <paramref name="body"/> is called with the number of items at those offsets and each one's stride
    /// (once for full groups, once more for a remainder).
    /// </summary>
    internal static void WriteBatchLoops(SourceWriter w, ContractionPlan plan, int interleave, string indexType, Action<int, (long X, long Y, long Out)> body)
    {
        var axes = plan.Batch;
        if (axes.Count == 0)
        {
            using (w.Block())
            {
                w.Line($"{indexType} xb = 0, yb = 0, ob = 0;");
                body(1, (0, 0, 0));
            }

            return;
        }

        var scopes = new List<SourceWriter.Scope>();
        Offset x = Offset.Of(0), y = Offset.Of(0), o = Offset.Of(0);
        for (var i = 0; i < axes.Count - 1; i++)
        {
            var b = "b" + i.ToString(CultureInfo.InvariantCulture);
            scopes.Add(w.Block($"for ({indexType} {b} = 0; {b} < {axes[i].Size}; {b}++)"));
            x += Offset.Variable(b, axes[i].XStride);
            y += Offset.Variable(b, axes[i].YStride);
            o += Offset.Variable(b, axes[i].OutStride);
        }

        var inner = axes[axes.Count - 1];
        var strides = (inner.XStride, inner.YStride, inner.OutStride);
        if (IsRunTime(inner))
        {
            WriteRunTimeBatchLoops(w, inner, interleave, indexType, body);
            return;
        }

        var groups = inner.Size / interleave;
        var remainder = inner.Size % interleave;
        if (groups == 1)
        {
            using (w.Block())
            {
                w.Line($"{indexType} xb = {x}, yb = {y}, ob = {o};");
                body(interleave, strides);
            }
        }
        else if (groups > 1)
        {
            using (w.Block($"for ({indexType} b = 0; b < {groups * interleave}; b += {interleave})"))
            {
                w.Line($"{indexType} xb = {x + Offset.Variable("b", inner.XStride)}, yb = {y + Offset.Variable("b", inner.YStride)}, ob = {o + Offset.Variable("b", inner.OutStride)};");
                body(interleave, strides);
            }
        }

        if (remainder > 0)
        {
            var first = groups * interleave;
            using (w.Block())
            {
                w.Line($"{indexType} xb = {x + (first * inner.XStride)}, yb = {y + (first * inner.YStride)}, ob = {o + (first * inner.OutStride)};");
                body(remainder, strides);
            }
        }

        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            scopes[i].Dispose();
        }
    }
}
