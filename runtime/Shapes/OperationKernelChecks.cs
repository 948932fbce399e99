// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

/// <summary>
/// The run-time half of an operation of OPS.md §1–§7 once graph time has passed on the static shapes (PARTIAL_SHAPES.md
/// §8): the one TensorFlow kernel check that can still fail, on the run-time shapes, with the kernel's exact text
/// (<see cref="KernelTexts"/>). The element-wise, softmax, reduction, transpose and expand operations have none: their
/// kernels accept every shape their shape functions accepted.
/// </summary>
internal static class OperationKernelChecks
{
    /// <summary>The failing kernel's error, or null.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="graph">Graph time's answer on the static shapes (succeeded).</param>
    /// <param name="options">The call's options.</param>
    /// <param name="shapes">The run-time shapes, one per operand.</param>
    public static ShapeError? Evaluate(OperationDescriptor operation, StaticOperation graph, OperationOptions options, Shape[] shapes)
    {
        switch (operation.Family)
        {
            case OperationFamily.Broadcast:
                return BinaryOpState(operation.Op, shapes[0], shapes[1]);
            case OperationFamily.BiasAdd when graph.ReshapedRight is { } reshaped:
                // Keras' reshape-and-add path: the Add kernel on x and the bias reshaped to (1, ..., b).
                return BinaryOpState(OperationCatalog.Add.Op, shapes[0], ShapeAlgebra.PadLeading(shapes[1], reshaped.Rank));
            case OperationFamily.BiasAdd:
                return BiasOp(shapes[0], shapes[1]);
            case OperationFamily.Reshape when operation == OperationCatalog.Reshape:
                return ReshapeOp(shapes[0], options.Values!);
            case OperationFamily.Reshape when operation == OperationCatalog.Squeeze:
                var axis = graph.Axes[0];
                return shapes[0][axis] == 1 ? null : ShapeError.Kernel(KernelTexts.CannotSqueeze(axis, shapes[0][axis]), operation.Op, shapes[0]);
            case OperationFamily.Concatenate when shapes.Length > 1:
                return ConcatOp(graph.Axes[0], shapes);
            default:
                return null;
        }
    }

    // cwise_ops_common.cc (BinaryOpState, through BCast): right-aligned, every pair equal or one of them 1.
    private static ShapeError? BinaryOpState(string op, Shape x, Shape y)
    {
        for (int i = x.Rank - 1, j = y.Rank - 1; i >= 0 && j >= 0; i--, j--)
        {
            if (x[i] != y[j] && x[i] != 1 && y[j] != 1)
            {
                return ShapeError.Kernel(KernelTexts.IncompatibleShapes(x, y), op, x, y);
            }
        }

        return null;
    }

    // bias_op.cc: the ranks were checked at graph time; the bias's size against the last dimension's.
    private static ShapeError? BiasOp(Shape x, Shape bias)
        => bias[0] == x[x.Rank - 1] ? null : ShapeError.Kernel(KernelTexts.BiasSizeMismatch(bias, x), OperationCatalog.BiasAdd.Op, x, bias);

    // reshape_op.h: with a -1, the other sizes' product must be positive and divide the element count; then the counts
    // must be equal.
    private static ShapeError? ReshapeOp(Shape x, int[] target)
    {
        long product = 1;
        var inferred = false;
        foreach (var size in target)
        {
            if (size == -1)
            {
                inferred = true;
            }
            else
            {
                product *= size;
            }
        }

        var values = x.ElementCount;
        if (inferred && product == 0)
        {
            return ShapeError.Kernel(KernelTexts.ReshapeCannotInfer, OperationCatalog.Reshape.Op, x);
        }

        if (inferred)
        {
            return values % product == 0 ? null : ShapeError.Kernel(KernelTexts.ReshapeNotAMultiple(values, product), OperationCatalog.Reshape.Op, x);
        }

        return values == product ? null : ShapeError.Kernel(KernelTexts.ReshapeCountMismatch(values, product), OperationCatalog.Reshape.Op, x);
    }

    // concat_op.cc: each input in order against the first, every axis but the concatenated one (the ranks are static).
    private static ShapeError? ConcatOp(int axis, Shape[] shapes)
    {
        var first = shapes[0];
        for (var i = 1; i < shapes.Length; i++)
        {
            for (var j = 0; j < first.Rank; j++)
            {
                if (j != axis && shapes[i][j] != first[j])
                {
                    return ShapeError.Kernel(KernelTexts.ConcatDimensionsMismatch(first, i, shapes[i]), OperationCatalog.Concatenate.Op, shapes);
                }
            }
        }

        return null;
    }
}
