// Compiled into the runtime, the generator and the analyzers (netstandard2.0): the single source of truth for which
// shapes the operations of OPS.md §1–§7 accept at graph time, what they return and the exact texts of their errors.
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// The graph-time rules of OPS.md §1–§7 on static shapes (dimensions known, unknown or named): the result shape or
/// TensorFlow's / Keras' exact error. Fully known shapes are the special case. One file per family.
/// </summary>
internal static partial class OperationRules
{
    /// <summary>The rule of <paramref name="operation"/> (any family but <see cref="OperationFamily.Contraction"/>).</summary>
    public static StaticOperation Apply(OperationDescriptor operation, IReadOnlyList<StaticShape> operands, OperationOptions options)
    {
        Require.NotNull(operation, nameof(operation));
        Require.NotNull(operands, nameof(operands));
        Require.NotNull(options, nameof(options));
        return operation.Family switch
        {
            OperationFamily.Broadcast => Broadcast(operation, operands[0], operands[1]),
            OperationFamily.BiasAdd => BiasAdd(operands[0], operands[1]),
            OperationFamily.Unary => Unary(operation, operands[0]),
            OperationFamily.Softmax => Softmax(operands[0], options.Axis),
            OperationFamily.Reduction => Reduce(operation, operands[0], options.Values, options.AxesGivenAsInt, options.KeepDims),
            OperationFamily.Transpose when operation == OperationCatalog.PermuteDimensions => PermuteDimensions(operands[0], ValuesOf(operation, options)),
            OperationFamily.Transpose => Transpose(operands[0]),
            OperationFamily.Reshape when operation == OperationCatalog.Reshape => Reshape(operands[0], ValuesOf(operation, options)),
            OperationFamily.Reshape when operation == OperationCatalog.ExpandDims => ExpandDims(operands[0], options.Axis),
            OperationFamily.Reshape => Squeeze(operands[0], options.Axis),
            OperationFamily.Concatenate => Concatenate(operands, options.Axis),
            _ => throw new ArgumentException($"{operation.Name} is a contraction: its rule is StaticShapeAlgebra's.", nameof(operation)),
        };
    }

    private static int[] ValuesOf(OperationDescriptor operation, OperationOptions options)
        => options.Values ?? throw new ArgumentException($"{operation.Name} needs its {operation.Options[0].Name}.", nameof(options));

    // Python's and TensorFlow's one way of reading a negative axis: counted from the end of `rank` axes (ExpandDims
    // passes rank + 1). Keras' concatenate is the exception (floor modulo, OPS.md §7.3).
    private static int Normalized(int axis, int rank) => axis < 0 ? axis + rank : axis;

    // How the frame lists an input the Python wrapper made from an option (OPS.md §0.1): `[]` for a scalar, `[k]`
    // for a k-vector.
    private static StaticShape OptionInput(bool scalar, int length)
        => scalar ? StaticShape.Own(Array.Empty<Dimension>()) : StaticShape.Own(new[] { Dimension.Known(length) });

    private static StaticOperation Fail(string core, OperationDescriptor operation, params StaticShape[] inputShapes)
        => StaticOperation.Failure(ShapeError.Framed(core, operation.Node, operation.Op, inputShapes));

    private static StaticOperation FailWithSuffix(string core, string suffix, OperationDescriptor operation, params StaticShape[] inputShapes)
        => StaticOperation.Failure(ShapeError.FramedWithSuffix(core, suffix, operation.Node, operation.Op, inputShapes));

    private static StaticOperation FailUnframed(string message, params StaticShape[] inputShapes)
        => StaticOperation.Failure(ShapeError.Unframed(message, inputShapes));

    // The dimensions of `shape` with `axes` left out.
    private static Dimension[] Without(StaticShape shape, ICollection<int> axes)
    {
        var dims = new List<Dimension>(shape.Rank);
        for (var i = 0; i < shape.Rank; i++)
        {
            if (!axes.Contains(i))
            {
                dims.Add(shape[i]);
            }
        }

        return dims.ToArray();
    }
}
