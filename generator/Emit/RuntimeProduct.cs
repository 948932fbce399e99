using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>The call of the runtime's precompiled strided product for a plan, every number a constant.</summary>
internal static class RuntimeProduct
{
    /// <summary>
    /// <c>global::ShapedTensors.Kernels.StridedProduct.Multiply&lt;float&gt;(x, y, output, M, N, K, strides..., [batch])</c>:
    /// the batch axes are a constant collection, which the compiler stores as data (nothing is allocated).
    /// <paramref name="batch"/> names the run-time count of products of a plan with <see cref="PlanModel.RunTimeBatch"/>
    /// (the collection then lives on the stack).
    /// </summary>
    public static string Call(PlanModel plan, ElementKind element, string x, string y, string output, string? batch = null)
    {
        var numbers = new long[] { plan.M, plan.N, plan.K, plan.XRow, plan.XDepth, plan.YDepth, plan.YColumn, plan.OutRow }.Select(Int);
        var axes = plan.Batch.Select((value, i) => batch is not null && i == 0 ? batch : Int(value));
        return $"global::ShapedTensors.Kernels.StridedProduct.Multiply<{element.Keyword()}>({x}, {y}, {output}, {string.Join(", ", numbers)}, [{string.Join(", ", axes)}]);";
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
