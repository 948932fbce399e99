using System;
using System.Numerics;
using ShapedTensors.Kernels.Operations;

namespace ShapedTensors;

// The operations of OPS.md §1–§7 on run-time shapes: each applies its rule (OperationRules, the same one the generator
// and the analyzer apply at compile time), throws the rule's exact TensorFlow/Keras text, and runs the kernel generated
// code calls (GeneratedCodeSupport.Operations) into a new tensor. The broadcasting, unary and reduction operations'
// methods and operators, which call the helpers below, are written from OperationCatalog (runtime/Surface).
public sealed partial class DynamicTensor<T>
{
    /// <summary>
    /// <c>keras.backend.bias_add(x, bias)</c> (channels last, OPS.md §2): <paramref name="bias"/> of shape <c>(c,)</c> (or of
    /// rank <c>rank - 1</c>) added along the last axis.
    /// </summary>
    /// <param name="bias">The bias: rank 1, or rank one less than this tensor's.</param>
    /// <returns>A tensor of this shape (Keras' reshape-and-add path broadcasts, so a 1 here may stretch).</returns>
    /// <exception cref="ShapeMismatchException">
    /// The bias does not fit, e.g. <c>Dimensions must be equal, but are 10 and 5 for 'BiasAdd' (op: 'BiasAdd') with input shapes: [32,10], [5].</c>,
    /// or Keras' unframed <c>Unexpected bias dimensions 2, expect to be 1 or 2 dimensions</c>.
    /// </exception>
    public DynamicTensor<T> BiasAdd(DynamicTensor<T> bias) => BiasAdded(bias, null);

    /// <summary>
    /// <c>keras.backend.softmax(x, axis)</c> (OPS.md §3): <c>exp(x - max) / sum(exp(x - max))</c> along
    /// <paramref name="axis"/>; subtracting the maximum keeps large inputs from overflowing.
    /// </summary>
    /// <param name="axis">The axis, negative from the end (-1: the last).</param>
    /// <returns>A tensor of this shape.</returns>
    /// <exception cref="ShapeMismatchException">
    /// The tensor is a scalar (<c>Shape must be at least rank 1 but is rank 0 for 'Softmax' (op: 'Softmax') with input shapes: [].</c>),
    /// or the axis is outside <c>[-rank, rank)</c> (<c>Dimension (3) must be in the range [-3, 3) where 3 is the number of dimensions in the input.</c>).
    /// </exception>
    public DynamicTensor<T> Softmax(int axis = -1) => Softmaxed(axis, null);

    /// <summary><c>keras.backend.transpose(x)</c>: the axes reversed, for any rank (OPS.md §5). Never throws a shape error.</summary>
    /// <returns>A tensor of the reversed shape.</returns>
    public DynamicTensor<T> Transpose() => Permuted(OperationCatalog.Transpose, OperationOptions.None);

    /// <summary><c>keras.backend.permute_dimensions(x, pattern)</c>: result axis i is this tensor's axis <c>pattern[i]</c> (OPS.md §5).</summary>
    /// <param name="pattern">A permutation of <c>0 .. rank-1</c>.</param>
    /// <exception cref="ShapeMismatchException">
    /// The pattern is not a permutation of the axes, e.g. <c>Dimension must be 2 but is 3 for 'transpose' (op: 'Transpose') with input shapes: [2,3], [3].</c>
    /// </exception>
    public DynamicTensor<T> PermuteDimensions(params int[] pattern)
        => Permuted(OperationCatalog.PermuteDimensions, OperationOptions.WithValues(CopyOf(pattern, nameof(pattern))));

    /// <summary><c>keras.backend.reshape(x, shape)</c>: the same elements in the same (row-major) order under <paramref name="shape"/> (OPS.md §6).</summary>
    /// <param name="shape">The target dimensions; one of them may be -1, inferred from the element count.</param>
    /// <exception cref="ShapeMismatchException">
    /// The element counts differ, e.g. <c>Cannot reshape a tensor with 6 elements to shape [5,5] (25 elements) for 'Reshape' (op: 'Reshape') with input shapes: [2,3], [2] and with input tensors computed as partial shapes: input[1] = [5,5].</c>
    /// </exception>
    public DynamicTensor<T> Reshape(params int[] shape) => Copied(OperationCatalog.Reshape, OperationOptions.WithValues(CopyOf(shape, nameof(shape))));

    /// <summary><c>keras.backend.expand_dims(x, axis)</c>: a 1 inserted at <paramref name="axis"/> (OPS.md §7.1).</summary>
    /// <param name="axis">Where the new axis goes, in <c>[-rank-1, rank]</c> (-1: last).</param>
    /// <exception cref="ShapeMismatchException">The axis is out of range, e.g. <c>dim 3 not in the interval [-3, 2]. for 'ExpandDims' (op: 'ExpandDims') with input shapes: [2,3], [] and with computed input tensors: input[1] = &lt;3&gt;.</c></exception>
    public DynamicTensor<T> ExpandDims(int axis = -1) => Copied(OperationCatalog.ExpandDims, OperationOptions.WithAxis(axis));

    /// <summary><c>keras.backend.squeeze(x, axis)</c>: the axis of size 1 at <paramref name="axis"/> removed (OPS.md §7.2).</summary>
    /// <param name="axis">The axis, in <c>[-rank, rank)</c>.</param>
    /// <exception cref="ShapeMismatchException">
    /// The axis is out of range or not of size 1, e.g. <c>Can not squeeze dim[1], expected a dimension of 1, got 3 for 'Squeeze' (op: 'Squeeze') with input shapes: [2,3].</c>
    /// </exception>
    public DynamicTensor<T> Squeeze(int axis) => Copied(OperationCatalog.Squeeze, OperationOptions.WithAxis(axis));

    /// <summary><c>keras.backend.concatenate([x, y], axis)</c> (OPS.md §7.3): the two joined along <paramref name="axis"/>.</summary>
    /// <param name="y">The tensor appended.</param>
    /// <param name="axis">The axis; a negative one is taken modulo this tensor's rank (Keras).</param>
    /// <exception cref="ShapeMismatchException">
    /// The ranks or the other dimensions differ, e.g. <c>Dimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] and [3]. for 'concat' (op: 'ConcatV2') with input shapes: [2,3], [3,5], [] and with computed input tensors: input[2] = &lt;1&gt;.</c>
    /// </exception>
    public DynamicTensor<T> Concatenate(DynamicTensor<T> y, int axis = -1) => Concatenate(axis, this, y);

    /// <summary><c>keras.backend.concatenate(tensors, axis)</c> (OPS.md §7.3): the tensors joined along <paramref name="axis"/>, in order.</summary>
    /// <param name="axis">The axis; a negative one is taken modulo the first tensor's rank (Keras).</param>
    /// <param name="tensors">At least one tensor; one is returned as a copy, unchecked (Keras' <c>tf.identity</c>).</param>
    /// <exception cref="ShapeMismatchException">The ranks or the other dimensions differ (see <see cref="Concatenate(DynamicTensor{T}, int)"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="tensors"/> is empty.</exception>
    public static DynamicTensor<T> Concatenate(int axis, params DynamicTensor<T>[] tensors) => Concatenated(axis, tensors, null);

    // Each helper below computes into destination when one is given (checked by CheckedDestination), else into a new
    // tensor of the rule's result shape, and returns the tensor written.
    private DynamicTensor<T> Elementwise(OperationDescriptor operation, ElementwiseOperation kind, Shape yShape, T[] y, DynamicTensor<T>? destination = null)
    {
        // Equal shapes always broadcast to themselves: no rule to consult (nor its allocations, for the destination form).
        var result = Shape == yShape
            ? destination is null ? new DynamicTensor<T>(Shape, Allocate(Shape)) : CheckedDestination(destination, Shape, operation, Shape, yShape)
            : Result(Rule(operation, OperationOptions.None, Shape, yShape), destination, operation, Shape, yShape);
        GeneratedCodeSupport.Broadcast<T>(kind, _data, Shape, y, yShape, result._data, result.Shape);
        return result;
    }

    // Unary operations cannot fail: no rule to consult.
    private DynamicTensor<T> Elementwise(UnaryOperation kind, OperationDescriptor? operation = null, DynamicTensor<T>? destination = null)
    {
        var result = destination is null ? new DynamicTensor<T>(Shape, Allocate(Shape)) : CheckedDestination(destination, Shape, operation!, Shape);
        GeneratedCodeSupport.Unary<T>(kind, _data, result._data);
        return result;
    }

    private DynamicTensor<T> BiasAdded(DynamicTensor<T> bias, DynamicTensor<T>? destination)
    {
        var rule = Rule(OperationCatalog.BiasAdd, OperationOptions.None, Shape, ShapeOf(bias));
        var result = Result(rule, destination, OperationCatalog.BiasAdd, Shape, bias.Shape);

        // Keras' add path adds the bias reshaped to (1, ..., c); the BiasAdd op broadcasts it along the last axis as is.
        var biasShape = rule.ReshapedRight?.ToShape() ?? bias.Shape;
        GeneratedCodeSupport.Broadcast<T>(ElementwiseOperation.Add, _data, Shape, bias._data, biasShape, result._data, result.Shape);
        return result;
    }

    private DynamicTensor<T> Softmaxed(int axis, DynamicTensor<T>? destination)
    {
        var rule = Rule(OperationCatalog.Softmax, OperationOptions.WithAxis(axis), Shape);
        var result = Result(rule, destination, OperationCatalog.Softmax, Shape, null);
        GeneratedCodeSupport.Softmax<T>(_data, Shape, rule.Axes[0], result._data);
        return result;
    }

    private DynamicTensor<T> Reduced(OperationDescriptor operation, ReductionOperation kind, OperationOptions options, DynamicTensor<T>? destination = null)
    {
        var rule = Rule(operation, options, Shape);
        var result = Result(rule, destination, operation, Shape, null);
        GeneratedCodeSupport.CheckNotSameStorage<T>(result._data, _data, default, nameof(destination));
        GeneratedCodeSupport.Reduce<T>(kind, _data, Shape, rule.Axes, result._data);
        return result;
    }

    private DynamicTensor<T> Permuted(OperationDescriptor operation, OperationOptions options, DynamicTensor<T>? destination = null)
    {
        var rule = Rule(operation, options, Shape);
        var result = Result(rule, destination, operation, Shape, null);
        GeneratedCodeSupport.CheckNotSameStorage<T>(result._data, _data, default, nameof(destination));
        GeneratedCodeSupport.Transpose<T>(_data, Shape, rule.Axes, result._data);
        return result;
    }

    // Reshape, ExpandDims, Squeeze: a copy (a memmove, so a destination that is the operand is fine).
    private DynamicTensor<T> Copied(OperationDescriptor operation, OperationOptions options, DynamicTensor<T>? destination = null)
    {
        var result = Result(Rule(operation, options, Shape), destination, operation, Shape, null);
        GeneratedCodeSupport.Copy<T>(_data, result._data);
        return result;
    }

    private static DynamicTensor<T> Concatenated(int axis, DynamicTensor<T>[] tensors, DynamicTensor<T>? destination)
    {
        Require.NotNull(tensors, nameof(tensors));
        if (tensors.Length == 0)
        {
            throw new ArgumentException("Concatenate needs at least one tensor.", nameof(tensors));
        }

        var shapes = Array.ConvertAll(tensors, ShapeOf);
        var rule = Rule(OperationCatalog.Concatenate, OperationOptions.WithAxis(axis), shapes);
        var result = destination is null ? Allocated(rule) : CheckedDestination(destination, rule.Result!.ToShape(), OperationCatalog.Concatenate, shapes);
        foreach (var tensor in tensors)
        {
            GeneratedCodeSupport.CheckNotSameStorage<T>(result._data, tensor._data, default, nameof(destination));
        }

        if (tensors.Length == 1)
        {
            tensors[0]._data.CopyTo(result._data, 0);
            return result;
        }

        for (int i = 0, before = 0, normalized = rule.Axes[0]; i < tensors.Length; before += shapes[i][normalized], i++)
        {
            ConcatenateKernel.Place<T>(normalized, tensors[i]._data, shapes[i], before, result._data, result.Shape);
        }

        return result;
    }

    // A new tensor of the rule's result shape, or the destination checked against it.
    private static DynamicTensor<T> Result(StaticOperation rule, DynamicTensor<T>? destination, OperationDescriptor operation, Shape x, Shape? y)
        => destination is null ? Allocated(rule) : CheckedDestination(destination, rule.Result!.ToShape(), operation, x, y);

    // Dot's and MatMul's destination check (Contraction.CheckDestination), for one or two operands (the list of
    // operands is built only for the message: the check allocates nothing).
    private static DynamicTensor<T> CheckedDestination(DynamicTensor<T> destination, Shape result, OperationDescriptor operation, Shape x, Shape? y = null)
        => destination.Shape == result ? destination : throw WrongDestination(destination, result, operation, y is null ? [x] : [x, y]);

    private static DynamicTensor<T> CheckedDestination(DynamicTensor<T> destination, Shape result, OperationDescriptor operation, Shape[] operands)
        => destination.Shape == result ? destination : throw WrongDestination(destination, result, operation, operands);

    private static ArgumentException WrongDestination(DynamicTensor<T> destination, Shape result, OperationDescriptor operation, Shape[] operands)
        => new(DestinationText.WrongShape(destination.Shape, operation.Name, result, operands), nameof(destination));

    // The rule on these shapes; its error, exactly as TensorFlow/Keras words it, as the exception.
    private static StaticOperation Rule(OperationDescriptor operation, OperationOptions options, params Shape[] shapes)
    {
        var result = OperationRules.Apply(operation, Array.ConvertAll(shapes, shape => shape.Static), options);
        if (!result.Succeeded)
        {
            throw new ShapeMismatchException(operation.Name, shapes[0], shapes.Length > 1 ? shapes[1] : Shape.Scalar, result.Error!);
        }

        return result;
    }

    private static DynamicTensor<T> Allocated(StaticOperation rule)
    {
        var shape = rule.Result!.ToShape();
        return new DynamicTensor<T>(shape, Allocate(shape));
    }

    private static DynamicTensor<T> NotNull(DynamicTensor<T> x)
    {
        Require.NotNull(x, nameof(x));
        return x;
    }

    // Options are kept by the rule's result: a copy, so that a caller reusing its array cannot change them.
    private static int[] CopyOf(int[] values, string parameterName)
    {
        Require.NotNull(values, parameterName);
        return (int[])values.Clone();
    }
}
