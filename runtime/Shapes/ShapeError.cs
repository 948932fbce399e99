// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ShapedTensors;

/// <summary>What kind of problem a <see cref="ShapeError"/> describes.</summary>
public enum ShapeErrorKind
{
    /// <summary>The operand shapes are incompatible; the message is TensorFlow's exact text.</summary>
    IncompatibleShapes,

    /// <summary>An explicit <c>BatchDot</c> axis is outside its operand's rank.</summary>
    InvalidAxes,

    /// <summary>
    /// The shapes passed graph time only because a dimension was not known, and TensorFlow's kernel rejects the
    /// run-time sizes; the message is the kernel's exact text (PARTIAL_SHAPES.md §8.1).
    /// </summary>
    IncompatibleSizes,

    /// <summary>
    /// Every kernel accepted the run-time sizes, but one dimension name has two sizes in the call (PARTIAL_SHAPES.md §8.4).
    /// </summary>
    InconsistentNamedSize,
}

/// <summary>
/// Why a contraction is not defined for the given shapes, with the exact text TensorFlow/Keras raises
/// (see SEMANTICS.md). The runtime throws this text and the analyzer reports it verbatim.
/// </summary>
public sealed class ShapeError
{
    private ShapeError(ShapeErrorKind kind, string message, string? node, string? op, StaticShape[] inputShapes)
    {
        Kind = kind;
        Message = message;
        Node = node;
        Op = op;
        StaticInputShapes = inputShapes;
        InputShapes = Array.TrueForAll(inputShapes, s => s.IsFullyKnown) ? Array.ConvertAll(inputShapes, s => s.ToShape()) : Array.Empty<Shape>();
    }

    /// <summary>What kind of problem this is.</summary>
    public ShapeErrorKind Kind { get; }

    /// <summary>The complete message, e.g. <c>Dimensions must be equal, but are 2 and 3 for 'MatMul' (op: 'MatMul') with input shapes: [60,2], [3,70].</c></summary>
    public string Message { get; }

    /// <summary>
    /// The TensorFlow node name of the frame (<c>MatMul</c>, <c>Mul</c>, <c>Squeeze</c>, <c>BatchDot</c>), or null for
    /// an unframed error (axis errors, and the errors Keras raises in Python before any op exists).
    /// </summary>
    public string? Node { get; }

    /// <summary>The TensorFlow op of the frame (<c>MatMul</c>, <c>BatchMatMul</c>, <c>BatchMatMulV2</c>, ...), or null for an unframed error.</summary>
    public string? Op { get; }

    /// <summary>
    /// The shapes the frame shows: the ones TensorFlow's op saw, which may differ from the user's. Empty when one of
    /// them has a dimension that is not known (see <see cref="StaticInputShapes"/>).
    /// </summary>
    public Shape[] InputShapes { get; }

    // The frame's shapes with unknown and named dimensions (which the frame prints as ?).
    internal StaticShape[] StaticInputShapes { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;

    internal static ShapeError Framed(string core, string node, string op, params StaticShape[] inputShapes)
        => FramedWithSuffix(core, string.Empty, node, op, inputShapes);

    // A frame with the suffix the refiner's re-run adds for a constant input (OPS.md §0.1, AttachContext,
    // shape_inference.cc:1151-1193): ComputedInput or PartialShapeInput, or empty for a first-run error.
    internal static ShapeError FramedWithSuffix(string core, string suffix, string node, string op, params StaticShape[] inputShapes)
    {
        var text = new StringBuilder(core).Append(" for '").Append(node).Append("' (op: '").Append(op).Append("') with input shapes: ");
        for (var i = 0; i < inputShapes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(inputShapes[i].ToTensorFlowString());
        }

        return new ShapeError(ShapeErrorKind.IncompatibleShapes, text.Append(suffix).Append('.').ToString(), node, op, inputShapes);
    }

    // The {T} suffix of OPS.md §0.1: ` and with computed input tensors: input[i] = <v>`, v as Tensor::SummarizeValue(256)
    // prints it (tensor.cc:1041-1068): a scalar as the number, a vector's elements separated by one space, `...`
    // after 256 elements.
    internal static string ComputedInput(int index, IReadOnlyList<int> values)
    {
        const int limit = 256;
        var text = new StringBuilder(" and with computed input tensors: input[").Append(index.ToString(CultureInfo.InvariantCulture)).Append("] = <");
        for (var i = 0; i < values.Count && i < limit; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(values.Count > limit ? "...>" : ">").ToString();
    }

    // The {P} suffix of OPS.md §0.1: ` and with input tensors computed as partial shapes: input[i] = [d0,?]`.
    internal static string PartialShapeInput(int index, StaticShape shape)
        => " and with input tensors computed as partial shapes: input[" + index.ToString(CultureInfo.InvariantCulture) + "] = " + shape.ToTensorFlowString();

    // An error Keras raises in Python before any op exists: its text as it is, no frame (OPS.md §0.2).
    internal static ShapeError Unframed(string message, Shape x, Shape y)
        => new(ShapeErrorKind.IncompatibleShapes, message, null, null, new[] { StaticShape.Of(x), StaticShape.Of(y) });

    // The same for the operations of OPS.md, whose operands may have dimensions that are not known. Python-level
    // errors of those (Keras' bias rank, Softmax's axis range, Reshape's negative size) are of this kind too.
    internal static ShapeError Unframed(string message, params StaticShape[] inputShapes)
        => new(ShapeErrorKind.IncompatibleShapes, message, null, null, inputShapes);

    internal static ShapeError AxesOutOfRange(StaticShape x, StaticShape y, int axisX, int axisY)
    {
        var message = $"BatchDot axes ({axisX}, {axisY}) are out of range for input shapes {x.ToTensorFlowString()}, {y.ToTensorFlowString()}: "
            + $"the first axis must be in [{-x.Rank}, {x.Rank - 1}] and the second in [{-y.Rank}, {y.Rank - 1}].";
        return new ShapeError(ShapeErrorKind.InvalidAxes, message, null, null, new[] { x, y });
    }

    // OPS.md §8.2 (EXT): a tensordot axis outside its operand's rank, a repeated axis, or a count above a rank.
    internal static ShapeError TensorDotAxesOutOfRange(string axes, StaticShape a, StaticShape b)
        => new(ShapeErrorKind.InvalidAxes, $"Tensordot axes {axes} are out of range for input shapes {a.ToTensorFlowString()}, {b.ToTensorFlowString()}.", null, null, new[] { a, b });

    // A kernel's run-time text (PARTIAL_SHAPES.md §8.1): no frame, and Op is the kernel's op. The shapes are the
    // run-time ones that kernel saw.
    internal static ShapeError Kernel(string text, string op, params Shape[] inputShapes)
        => new(ShapeErrorKind.IncompatibleSizes, text, null, op, Array.ConvertAll(inputShapes, StaticShape.Of));

    // The library's name-binding text (PARTIAL_SHAPES.md §8.4), with the run-time operand shapes.
    internal static ShapeError InconsistentName(string text, params Shape[] operands)
        => new(ShapeErrorKind.InconsistentNamedSize, text, null, null, Array.ConvertAll(operands, StaticShape.Of));

    // The core texts of TensorFlow's shape functions (shape_inference.cc, common_shape_fns.cc, array_ops.cc).
    internal static string DimensionsMustBeEqual(long a, long b) => $"Dimensions must be equal, but are {a} and {b}";

    internal static string MustBeRank(int rank, int actual) => $"Shape must be rank {rank} but is rank {actual}";

    internal static string MustBeAtLeastRank(int rank, int actual) => $"Shape must be at least rank {rank} but is rank {actual}";

    // Merge of two shapes (shape_inference.cc, v1.5 and later): the shapes are the sub-shapes that were merged.
    internal static string DimensionInBothShapes(int index, int a, int b, StaticShape s0, StaticShape s1)
        => $"Dimension {index} in both shapes must be equal, but are {a} and {b}. Shapes are {s0.ToTensorFlowString()} and {s1.ToTensorFlowString()}.";

    internal static string CannotSqueeze(int index, int dim) => $"Can not squeeze dim[{index}], expected a dimension of 1, got {dim}";

    // The Squeeze shape function (array_ops.cc): position is the index in squeeze_dims, not the axis.
    internal static string SqueezeIndexOutOfRange(int position, int rank) => $"squeeze_dims[{position}] not in [{-rank},{rank}).";
}
