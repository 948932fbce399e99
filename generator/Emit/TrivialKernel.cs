using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The kernel of a call with nothing to multiply: an empty result (a dimension of 0), or a sum over an empty
/// contraction (K = 0), whose every element is 0. It checks the lengths and, for K = 0, zero-fills the output;
/// it has no vector or scalar paths, so <see cref="KernelEmitter"/> and <see cref="VectorKernel"/> never see a
/// size of 0 and no load is ever emitted.
/// </summary>
internal static class TrivialKernel
{
    /// <summary>Whether <paramref name="plan"/> has no product to compute.</summary>
    public static bool Applies(ContractionPlan plan) => plan.Result.IsEmpty || plan.K == 0;

    public static string Emit(KernelModel kernel, ContractionPlan plan)
    {
        var t = kernel.Element.Keyword();
        var w = new SourceWriter();
        FileHeader.Write(w);
        w.Line($"namespace {kernel.GeneratedNamespace}");
        using (w.Block())
        using (w.Block($"internal static partial class {Names.KernelsClass}"))
        {
            w.Line("/// <summary>");
            w.Line($"/// {kernel.Signature.Operation()} of {TensorTypeEmitter.ShapeText(kernel.X)} and {TensorTypeEmitter.ShapeText(kernel.Y)}{KernelEmitter.Describe(kernel)} = {plan.Result}:");
            w.Line(plan.Result.IsEmpty ? "/// an empty result, nothing to compute." : "/// every element is a sum over an empty contraction (K = 0), so 0.");
            w.Line("/// </summary>");
            w.Line(Names.GeneratedCodeAttribute);
            using (w.Block($"public static void {kernel.Name}(global::System.ReadOnlySpan<{t}> x, global::System.ReadOnlySpan<{t}> y, global::System.Span<{t}> output)"))
            {
                w.Line($"global::ShapedTensors.GeneratedCodeSupport.CheckKernelLengths(x.Length, {Int(Product(kernel.X))}, y.Length, {Int(Product(kernel.Y))}, output.Length, {Int(plan.Result.ElementCount)});");
                if (!plan.Result.IsEmpty)
                {
                    w.Line("output.Clear();");
                }
            }
        }

        return w.ToString();
    }

    private static long Product(EquatableArray<int> dims) => dims.Contains(0) ? 0 : dims.Aggregate(1L, (p, d) => p * d);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
