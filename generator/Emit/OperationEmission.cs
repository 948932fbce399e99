using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The one place that maps a catalogue operation to its run-time kernel call: every operation is a thin call into the
/// runtime's precompiled kernels (<c>GeneratedCodeSupport</c>) with its shapes and normalized axes as constants.
/// </summary>
internal static class OperationEmission
{
    private const string Runtime = "global::ShapedTensors";

    /// <summary>The statement that computes <paramref name="operation"/> into <c>output</c> for one constant set of options.</summary>
    /// <param name="operands">The operands' parameter names, receiver first.</param>
    public static string Kernel(OperationOverloadModel overload, OperationCase operation, IReadOnlyList<string> operands)
    {
        var descriptor = overload.Descriptor;
        var t = overload.Element.Keyword();
        var spans = overload.Operands.Select((operand, i) => Span(operand, operands[i])).ToArray();
        var shapes = overload.Operands.Select((operand, i) => Shape(operand, operands[i])).ToArray();
        var resultShape = overload.ResultNames.Count > 0 ? "resultShape" : $"{overload.ResultType}.Shape";
        var support = $"{Runtime}.GeneratedCodeSupport";
        switch (descriptor.Family)
        {
            case OperationFamily.Broadcast:
            case OperationFamily.BiasAdd:
                // Keras' reshaped bias, (1,)*(r-1) + (b0,) or (1,) + bias.shape, is the bias left-padded with 1s: numpy
                // broadcasting of the bias itself gives the same result on both of Keras' paths.
                var elementwise = descriptor.Family == OperationFamily.BiasAdd ? OperationCatalog.Add.Name : descriptor.Name;
                return $"{support}.Broadcast<{t}>({Runtime}.ElementwiseOperation.{elementwise}, {spans[0]}, {shapes[0]}, {spans[1]}, {shapes[1]}, output, {resultShape});";
            case OperationFamily.Unary:
                return $"{support}.Unary<{t}>({Runtime}.UnaryOperation.{descriptor.Name}, {spans[0]}, output);";
            case OperationFamily.Softmax:
                return $"{support}.Softmax<{t}>({spans[0]}, {shapes[0]}, {Int(operation.Axes[0])}, output);";
            case OperationFamily.Reduction:
                return $"{support}.Reduce<{t}>({Runtime}.ReductionOperation.{descriptor.Name}, {spans[0]}, {shapes[0]}, {List(operation.Axes)}, output);";
            case OperationFamily.Transpose:
                return $"{support}.Transpose<{t}>({spans[0]}, {shapes[0]}, {List(operation.Axes)}, output);";
            case OperationFamily.Reshape:
                return $"{support}.Copy<{t}>({spans[0]}, output);";
            default: // Concatenate
                var joined = string.Join(", ", spans.Select((span, i) => span + ", " + shapes[i]));
                return $"{support}.Concatenate<{t}>({Int(operation.Axes[0])}, output, {resultShape}, {joined});";
        }
    }

    /// <summary>
    /// The <c>DynamicTensor</c> computation of a call whose options are not one of the overload's constant cases (a
    /// variable axis): the run-time rule checks the shapes, and <c>FromDynamic</c> that the result has the overload's.
    /// </summary>
    public static string RunTime(OperationOverloadModel overload, IReadOnlyList<string> operands)
    {
        var descriptor = overload.Descriptor;
        var options = Options(overload).Select(o => o.Argument);
        var tensors = operands.Select(name => name + ".ToDynamic()");
        return descriptor.Family == OperationFamily.Concatenate
            ? $"{Runtime}.DynamicTensor<{overload.Element.Keyword()}>.Concatenate({options.First()}, {string.Join(", ", tensors)})"
            : $"{tensors.First()}.{descriptor.Name}({string.Join(", ", tensors.Skip(1).Concat(options))})";
    }

    /// <summary>
    /// The same computation written into <c>destination</c>, with <c>DynamicTensor</c>'s destination form (the destination
    /// after the options, before the flags): a generated array-backed result shares its storage with its dynamic view.
    /// </summary>
    public static string RunTimeInto(OperationOverloadModel overload, IReadOnlyList<string> operands)
    {
        var options = Options(overload).ToList();
        var arguments = operands.Skip(1).Select(name => name + ".ToDynamic()")
            .Concat(options.Where(o => o.Option.Kind != OptionKind.Bool).Select(o => o.Argument))
            .Append("destination.ToDynamic()")
            .Concat(options.Where(o => o.Option.Kind == OptionKind.Bool).Select(o => o.Argument));
        return $"{operands[0]}.ToDynamic().{overload.Descriptor.Name}({string.Join(", ", arguments)});";
    }

    // The options the overload takes, each with what passes it on to DynamicTensor: its parameter, or for an axis given
    // as a marker (Axis.At1) the int it stands for.
    private static IEnumerable<(OptionDescriptor Option, string Argument)> Options(OperationOverloadModel overload)
        => overload.Descriptor.Options
            .Where(o => o.Kind != OptionKind.Axes || overload.OptionForm != OptionForms.NoAxes)
            .Select(o => (o, o.Kind is OptionKind.Int or OptionKind.Axes && OptionMarkers.Axis(overload.OptionForm) is { } axis ? Int(axis) : o.Name));

    /// <summary>A constant list of ints as a <c>ReadOnlySpan&lt;int&gt;</c> collection expression (stored as data, nothing allocated).</summary>
    public static string List(IEnumerable<int> values) => "[" + string.Join(", ", values.Select(Int)) + "]";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A scalar operand is a rank-0 tensor of one element, viewed where it lies.
    private static string Span(OperandModel operand, string name)
        => operand.IsScalar ? $"new global::System.ReadOnlySpan<{operand.Element.Keyword()}>(in {name})" : $"{name}.AsReadOnlySpan()";

    /// <summary>
    /// An operand's run-time shape: a scalar's is rank 0, a value of partially known type carries its own (a result's, in
    /// a call on partially known shapes, is the local <c>resultShape</c>), a fully known type's is the type's.
    /// </summary>
    public static string Shape(OperandModel operand, string value) => operand.IsScalar ? $"{Runtime}.Shape.Scalar" : PartialCalls.ShapeOf(operand, value);
}
