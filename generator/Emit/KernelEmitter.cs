using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Emits the kernel of one specialized call: <c>out[m, n] = sum over k of x[m, k] * y[k, n]</c> for every
/// batch item of the call's <see cref="ContractionPlan"/>, with every dimension and stride a constant.
/// </summary>
/// <remarks>
/// Four paths, chosen by JIT-time constants: Vector512 (AVX-512), Vector256, Vector128 (Arm, older x86) and
/// scalar; row tails use overlapping or narrower vectors. Output columns are vector accumulators; each row's x value is broadcast;
/// rows and batch items are interleaved until about twelve accumulators are live. The contraction is fully
/// unrolled while the work stays within the unroll budget, and becomes a constant-bound loop beyond it.
/// Rows half a vector wide share one accumulator per pair of rows (<see cref="RowPairs"/>). Transposes and
/// BatchDot's axes are only strides, folded into the constant offsets.
/// </remarks>
internal static class KernelEmitter
{
    public static string Emit(KernelModel kernel, KernelSettings settings)
    {
        var plan = CallAlgebra.Apply(kernel.Signature, kernel.X, kernel.Y, kernel.Options, kernel.Semantics).Plan!;
        if (TrivialKernel.Applies(plan))
        {
            return TrivialKernel.Emit(kernel, plan);
        }

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
                var xLength = Product(kernel.X);
                var yLength = Product(kernel.Y);
                var outLength = plan.Result.ElementCount;
                w.Line($"/// <summary>");
                w.Line($"/// {kernel.Signature.Operation()} of {TensorTypeEmitter.ShapeText(kernel.X)} and {TensorTypeEmitter.ShapeText(kernel.Y)}{Describe(kernel)} = {plan.Result}:");
                w.Line($"/// {plan.BatchCount.ToString(CultureInfo.InvariantCulture)} product(s) of [{plan.M}x{plan.K}] . [{plan.K}x{plan.N}].");
                w.Line($"/// </summary>");
                w.Line(Names.GeneratedCodeAttribute);
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // one check and one call once the JIT drops the other paths");
                using (w.Block($"public static void {kernel.Name}(global::System.ReadOnlySpan<{t}> x, global::System.ReadOnlySpan<{t}> y, global::System.Span<{t}> output)"))
                {
                    w.Line($"global::ShapedTensors.GeneratedCodeSupport.CheckKernelLengths(x.Length, {xLength}, y.Length, {yLength}, output.Length, {outLength});");
                    var (xs, ys, os) = settings.CheckedAccess ? ("x", "y", "output") : ("ref xs", "ref ys", "ref os");
                    if (!settings.CheckedAccess)
                    {
                        w.Line($"ref {t} xs = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(x);");
                        w.Line($"ref {t} ys = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(y);");
                        w.Line($"ref {t} os = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(output);");
                    }

                    // Only the paths that differ: hardware with wider vectors also runs the narrower ones.
                    var paths = Paths(plan, kernel.Element, settings);
                    foreach (var kind in paths)
                    {
                        var bits = Bits(kind);
                        using (w.Block($"{(kind == paths[0] ? "if" : "else if")} (Vector{bits}.IsHardwareAccelerated)"))
                        {
                            w.Line($"{kernel.Name}_Vector{bits}({xs}, {ys}, {os});");
                        }
                    }

                    using (w.Block("else"))
                    {
                        w.Line($"{kernel.Name}_Scalar(x, y, output);");
                    }
                }

                foreach (var kind in Paths(plan, kernel.Element, settings))
                {
                    w.Line();
                    new VectorKernel(w, plan, kernel.Element, kind, settings).Write($"{kernel.Name}_Vector{Bits(kind)}");
                }

                w.Line();
                WriteScalar(w, plan, t, $"{kernel.Name}_Scalar");
            }
        }

        return w.ToString();
    }

    /// <summary>
    /// The vector paths a kernel needs, widest first: a path is emitted only where it would differ from the
    /// next narrower one (its full width fits a row, it pairs rows half its width, or it calls the packed
    /// product), and Vector128 always.
    /// </summary>
    public static IReadOnlyList<VectorKind> Paths(ContractionPlan plan, ElementKind element, KernelSettings settings)
    {
        var paths = new List<VectorKind>();
        var large = VectorKernel.IsLarge(plan) && !settings.CheckedAccess;
        if (!large && (plan.N * element.Size() >= 64 || RowPairs.Apply(plan, VectorKind.V512, element.Size(), settings.UnrollBudget)))
        {
            paths.Add(VectorKind.V512);
        }

        if (large || plan.N * element.Size() >= 32 || RowPairs.Apply(plan, VectorKind.V256, element.Size(), settings.UnrollBudget))
        {
            paths.Add(VectorKind.V256);
        }

        paths.Add(VectorKind.V128);
        return paths;
    }

    private static string Bits(VectorKind kind) => kind switch
    {
        VectorKind.V512 => "512",
        VectorKind.V256 => "256",
        _ => "128",
    };

    /// <summary>The options of a kernel's call, for its summary: <c>, axes (1, 2)</c>, <c>, transposeA</c>, <c>, tf.keras' batch_dot</c>.</summary>
    internal static string Describe(KernelModel kernel) => kernel.Signature switch
    {
        Signature.BatchDotInt => $", axes {kernel.Options.AxisX}",
        Signature.BatchDotPair => $", axes ({kernel.Options.AxisX}, {kernel.Options.AxisY})",
        Signature.MatMul when kernel.Options.TransposeA || kernel.Options.TransposeB =>
            (kernel.Options.TransposeA ? ", transposeA" : string.Empty) + (kernel.Options.TransposeB ? ", transposeB" : string.Empty),
        _ => string.Empty,
    } + (kernel.Semantics == BatchDotSemantics.TfKeras ? ", tf.keras' batch_dot" : string.Empty);

    private static long Product(EquatableArray<int> dims) => dims.Aggregate(1L, (p, d) => p * d);

    // The plain path: constant-bound loops, bounds-checked span access.
    private static void WriteScalar(SourceWriter w, ContractionPlan plan, string t, string name)
    {
        using (w.Block($"internal static void {name}(global::System.ReadOnlySpan<{t}> x, global::System.ReadOnlySpan<{t}> y, global::System.Span<{t}> output)"))
        {
            WriteBatchLoops(w, plan, interleave: 1, "int", (_, _) =>
            {
                using (w.Block($"for (int m = 0; m < {plan.M}; m++)"))
                using (w.Block($"for (int n = 0; n < {plan.N}; n++)"))
                {
                    w.Line($"{t} sum = 0;");
                    w.Line($"for (int k = 0; k < {plan.K}; k++)");
                    w.Line($"    sum += x[{Offset.Variable("xb") + Offset.Variable("m", plan.XRowStride) + Offset.Variable("k", plan.XDepthStride)}] * y[{Offset.Variable("yb") + Offset.Variable("k", plan.YDepthStride) + Offset.Variable("n", plan.YColumnStride)}];");
                    w.Line($"output[{Offset.Variable("ob") + Offset.Variable("m", plan.OutRowStride) + Offset.Variable("n")}] = sum;");
                }
            });
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
