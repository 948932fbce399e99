// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

/// <summary>
/// The exact texts of TensorFlow's kernels (PARTIAL_SHAPES.md §8.1): what the run time throws when graph time passed
/// only because a dimension was not known. Shapes print in <c>TensorShape::DebugString</c> form (<c>[32,4,5]</c>); no
/// final period, and without the <c>[[node ...]]</c> suffix TensorFlow appends.
/// </summary>
internal static class KernelTexts
{
    // matmul_op.cc: the op's inputs as given, not transposed.
    public static string MatrixSizeIncompatible(Shape a, Shape b)
        => $"Matrix size-incompatible: In[0]: {a.ToTensorFlowString()}, In[1]: {b.ToTensorFlowString()}";

    // batch_matmul_op_impl.h (v1.13.1, BatchMatMul V1): "vs" without a period, as TensorFlow spells it.
    public static string BatchDimensionsMustBeTheSame(int axis, Shape a, Shape b)
        => $"In[0].dim({axis}) and In[1].dim({axis}) must be the same: {a.ToTensorFlowString()} vs {b.ToTensorFlowString()}";

    // batch_matmul_op_impl.h (v1.15.0, BatchMatMulV2): MatMulBCast rejected the batch dimensions.
    public static string IncompatibleBatchDimensions(Shape a, Shape b)
        => $"In[0] and In[1] must have compatible batch dimensions: {a.ToTensorFlowString()} vs. {b.ToTensorFlowString()}";

    // Both BatchMatMul kernels: d1 and d2 are the contracted sizes after the adjoint swaps; a bool prints as 0/1
    // because strings::StrCat has no bool overload.
    public static string InnerMismatch(int d1, int d2, Shape a, Shape b, bool adjointX, bool adjointY)
        => $"In[0] mismatch In[1] shape: {d1} vs. {d2}: {a.ToTensorFlowString()} {b.ToTensorFlowString()} {(adjointX ? 1 : 0)} {(adjointY ? 1 : 0)}";

    // cwise_ops_common.cc (BinaryOpState): the Mul kernel's broadcast check.
    public static string IncompatibleShapes(Shape a, Shape b)
        => $"Incompatible shapes: {a.ToTensorFlowString()} vs. {b.ToTensorFlowString()}";

    // bias_op.cc (BiasOp::Compute, NHWC): the bias's shape first, then the input's.
    public static string BiasSizeMismatch(Shape bias, Shape value)
        => $"Must provide as many biases as the last dimension of the input tensor: {bias.ToTensorFlowString()} vs. {value.ToTensorFlowString()}";

    // concat_op.cc (ConcatBaseOp::Compute): every input against the first, on every axis but the concatenated one.
    public static string ConcatDimensionsMismatch(Shape first, int index, Shape input)
        => $"ConcatOp : Dimensions of inputs should match: shape[0] = {first.ToTensorFlowString()} vs. shape[{index}] = {input.ToTensorFlowString()}";

    // reshape_op.h: a target without -1 whose element count differs from the input's.
    public static string ReshapeCountMismatch(long values, long requested)
        => $"Input to reshape is a tensor with {values} values, but the requested shape has {requested}";

    // reshape_op.h: a target with a -1 whose other sizes include a 0 (checked before the multiple).
    public const string ReshapeCannotInfer = "Reshape cannot infer the missing input size for an empty tensor unless all specified input sizes are non-zero";

    // reshape_op.h: a target with a -1 whose other sizes' product does not divide the input's element count.
    public static string ReshapeNotAMultiple(long values, long product)
        => $"Input to reshape is a tensor with {values} values, but the requested shape requires a multiple of {product}";

    // shape_ops.h: the same core text as the Squeeze shape function, with the run-time size.
    public static string CannotSqueeze(int axis, int size) => ShapeError.CannotSqueeze(axis, size);

    // The library's own text (PARTIAL_SHAPES.md §8.4): TensorFlow accepted the call, so there is no TF text.
    public static string NameBoundTwice(string name, int size1, string position1, int size2, string position2)
        => $"Dimension '{name}' must have the same size wherever it appears in one call, but is {size1} at {position1} and {size2} at {position2}.";
}
