using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The parts of an overload on partially known shapes (PARTIAL_SHAPES.md) that differ from one on fully known shapes:
/// each constant set of options has a <c>PartialContraction</c> field, built once from the static shapes, which
/// checks the run-time shapes in TensorFlow's kernel order and plans the call; the plan then runs the kernel emitted
/// for its loop nest, with the run-time count of products, or the runtime's product.
/// </summary>
internal static class PartialCalls
{
    private const string Runtime = "global::ShapedTensors";

    /// <summary>The static shape as code builds it: <c>global::ShapedTensors.StaticShape.Parse("batch", 784)</c>.</summary>
    public static string StaticShape(OperandModel operand)
        => $"{Runtime}.StaticShape.Parse({DimsModel.Spelled(operand.Dims, operand.DimNames)})";

    /// <summary>The shape as documentation prints it: <c>(batch, 784)</c>.</summary>
    public static string ShapeText(EquatableArray<int> dims, EquatableArray<string> names)
        => names.Count == 0 ? TensorTypeEmitter.ShapeText(dims) : DimsModel.ToStatic(dims, names).ToString();

    /// <summary>An operand's run-time shape: the value's for a partially known type, the type's for a fully known one.</summary>
    public static string ShapeOf(OperandModel operand, string value) => operand.IsPartial ? $"{value}.Shape" : $"{operand.TypeName}.Shape";

    /// <summary>The destination's run-time shape: its own when the result has sizes known only at run time, else its type's.</summary>
    public static string DestinationShape(OverloadModel overload) => overload.ResultNames.Count > 0 ? "destination.Shape" : $"{overload.ResultType}.Shape";

    /// <summary>The field of one case: <c>private static readonly PartialContraction Partial0 = PartialContraction.Dot(...);</c>.</summary>
    public static string Field(string name, OverloadModel overload, CallOptions options)
    {
        if (overload.Signature.IsLabelled())
        {
            return $"private static readonly {Runtime}.PartialEinsum {name} = {LabelledRule(overload, Labelled(overload.Signature, options))};";
        }

        var (x, y) = (StaticShape(overload.X), StaticShape(overload.Y));
        var rule = overload.Signature switch
        {
            Signature.Dot => $"Dot({x}, {y})",
            Signature.BatchDotDefault => $"BatchDot({x}, {y})",
            Signature.MatMul or Signature.MatMulMarker => $"MatMul({x}, {y}, {Bool(options.TransposeA)}, {Bool(options.TransposeB)})",
            _ => $"BatchDot({x}, {y}, {Int(options.AxisX)}, {Int(options.AxisY)})",
        };
        return $"private static readonly {Runtime}.PartialContraction {name} = {Runtime}.PartialContraction.{rule};";
    }

    /// <summary>The same rule, built per call, for options that were not constants.</summary>
    public static string RuntimeRule(OverloadModel overload)
    {
        if (overload.Signature.IsLabelled())
        {
            return LabelledRule(overload, overload.Signature.IsEinsum() ? "equation" : "axes");
        }

        var (x, y) = (StaticShape(overload.X), StaticShape(overload.Y));
        return overload.Signature switch
        {
            Signature.MatMul => $"{Runtime}.PartialContraction.MatMul({x}, {y}, transposeA, transposeB)",
            Signature.BatchDotInt => $"{Runtime}.PartialContraction.BatchDot({x}, {y}, axes, axes)",
            _ => $"{Runtime}.PartialContraction.BatchDot({x}, {y}, axes.X, axes.Y)",
        };
    }

    /// <summary>
    /// The contraction for the call's options: the field of its case, or for options that were not constants one built
    /// for them (a result's shape may depend on the options).
    /// </summary>
    public static string Select(OverloadModel overload, string[] contractions, System.Func<Signature, CallOptions, string> pattern)
    {
        if (overload.Signature is Signature.Dot or Signature.BatchDotDefault or Signature.MatMulMarker)
        {
            return contractions[0];
        }

        var selector = overload.Signature switch
        {
            Signature.MatMul => "(transposeA, transposeB)",
            Signature.Einsum or Signature.EinsumOne => "equation",
            _ => "axes",
        };
        var arms = overload.Cases.Select((c, i) => $"{pattern(overload.Signature, c.Options)} => {contractions[i]}").ToList();
        if (!(overload.Signature == Signature.MatMul && overload.Cases.Count == 4))
        {
            arms.Add($"_ => {RuntimeRule(overload)}");
        }

        return $"({selector} switch {{ {string.Join(", ", arms)} }})";
    }

    /// <summary>
    /// The statements that plan a call with <paramref name="contraction"/> into <c>destination</c> and compute it:
    /// with an emitted kernel where the run-time plan is its loop nest, else with the runtime's product.
    /// </summary>
    public static string[] Compute(string contraction, OverloadModel overload, KernelModel? kernel, string generatedNamespace, KernelSettings settings)
    {
        var t = overload.X.Element.Keyword();
        var plan = $"var plan = {contraction}.Plan({ShapeOf(overload.X, "x")}, {ShapeOf(overload.Y, "y")}, {DestinationShape(overload)});";
        var runtime = $"{Runtime}.GeneratedCodeSupport.Multiply<{t}>(plan, xs, ys, output);";
        if (kernel is null || !KernelStrategy.IsEmitted(kernel, settings))
        {
            return new[] { plan, runtime };
        }

        return new[] { plan, $"var batch = {contraction}.KernelBatchCount(plan);" }.Concat(KernelCall("batch", kernel, generatedNamespace, "xs", "ys", runtime)).ToArray();
    }

    /// <summary>
    /// The statements that run the kernel emitted for a run-time count of products, the variable <paramref name="batch"/>
    /// (-1 where the run-time plan is not the kernel's loop nest), from <paramref name="left"/> and
    /// <paramref name="right"/> into <c>output</c>, else <paramref name="otherwise"/>.
    /// </summary>
    public static string[] KernelCall(string batch, KernelModel kernel, string generatedNamespace, string left, string right, string otherwise) => new[]
    {
        $"if ({batch} >= 0) global::{generatedNamespace}.{Names.KernelsClass}.{kernel.Name}({left}, {right}, output, {batch});",
        $"else {otherwise}",
    };

    /// <summary>
    /// The <c>PartialEinsum</c> of an einsum or tensordot on partially known shapes, for <paramref name="option"/>: the
    /// equation or axes as code spells them (a constant, or the overload's parameter).
    /// </summary>
    private static string LabelledRule(OverloadModel overload, string option)
    {
        var (x, y) = (StaticShape(overload.X), StaticShape(overload.Y));
        return overload.Signature switch
        {
            Signature.EinsumOne => $"{Runtime}.PartialEinsum.Einsum({option}, {x})",
            Signature.Einsum => $"{Runtime}.PartialEinsum.Einsum({option}, {x}, {y})",
            _ => $"{Runtime}.PartialEinsum.TensorDot({x}, {y}, {option})",
        };
    }

    // A constant equation or axes as code spells them: "bij,bjk->bik", 2, (1, 0), (new int[] { 1, 2 }, new int[] { 0, 1 }).
    private static string Labelled(Signature signature, CallOptions options)
    {
        switch (signature)
        {
            case Signature.Einsum or Signature.EinsumOne:
                return Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(options.Text, quote: true);
            case Signature.TensorDotInt:
                return Int(options.AxisX);
            case Signature.TensorDotPair:
                return $"({Int(options.AxisX)}, {Int(options.AxisY)})";
            default:
                // [[1,2],[0,1]]: the two lists.
                var lists = options.Text.Substring(2, options.Text.Length - 4).Replace("],[", "|").Split('|');
                return $"(new int[] {{ {lists[0].Replace(",", ", ")} }}, new int[] {{ {lists[1].Replace(",", ", ")} }})";
        }
    }

    /// <summary>A constant bool as C# spells it.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
