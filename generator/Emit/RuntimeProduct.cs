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
    /// </summary>
    public static string Call(PlanModel plan, ElementKind element, string x, string y, string output)
    {
        var numbers = new long[] { plan.M, plan.N, plan.K, plan.XRow, plan.XDepth, plan.YDepth, plan.YColumn, plan.OutRow }.Select(Int);
        return $"global::ShapedTensors.Kernels.StridedProduct.Multiply<{element.Keyword()}>({x}, {y}, {output}, {string.Join(", ", numbers)}, [{string.Join(", ", plan.Batch.Select(Int))}]);";
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
