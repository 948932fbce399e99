using System;
using System.Numerics;

namespace ShapedTensors;

// The operations of OPS.md §1–§7 on any shaped tensor (method forms: operators cannot be generic extensions), for the
// calls the generator did not specialize. The broadcasting, unary and reduction operations' are written from
// OperationCatalog (runtime/Surface).
public static partial class ShapedTensorFallbacks
{
    /// <summary><c>keras.backend.bias_add(x, bias)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The bias does not fit.</exception>
    public static DynamicTensor<T> BiasAdd<T>(this IShapedTensor<T> x, IShapedTensor<T> bias)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.BiasAdd, OperationOptions.None, x, bias).BiasAdd(Dynamic(bias));

    /// <summary><c>keras.backend.softmax(x, axis)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The tensor is a scalar or the axis is out of range.</exception>
    public static DynamicTensor<T> Softmax<T>(this IShapedTensor<T> x, int axis = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Softmax, OperationOptions.WithAxis(axis), x).Softmax(axis);

    /// <summary><c>keras.backend.transpose(x)</c>, shapes checked at run time.</summary>
    public static DynamicTensor<T> Transpose<T>(this IShapedTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Dynamic(x).Transpose();

    /// <summary><c>keras.backend.permute_dimensions(x, pattern)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The pattern is not a permutation of the axes.</exception>
    public static DynamicTensor<T> PermuteDimensions<T>(this IShapedTensor<T> x, params int[] pattern)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.PermuteDimensions, OperationOptions.WithValues(pattern), x).PermuteDimensions(pattern);

    /// <summary><c>keras.backend.reshape(x, shape)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The element counts differ.</exception>
    public static DynamicTensor<T> Reshape<T>(this IShapedTensor<T> x, params int[] shape)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Reshape, OperationOptions.WithValues(shape), x).Reshape(shape);

    /// <summary><c>keras.backend.expand_dims(x, axis)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The axis is out of range.</exception>
    public static DynamicTensor<T> ExpandDims<T>(this IShapedTensor<T> x, int axis = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.ExpandDims, OperationOptions.WithAxis(axis), x).ExpandDims(axis);

    /// <summary><c>keras.backend.squeeze(x, axis)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The axis is out of range or not of size 1.</exception>
    public static DynamicTensor<T> Squeeze<T>(this IShapedTensor<T> x, int axis)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Checked(OperationCatalog.Squeeze, OperationOptions.WithAxis(axis), x).Squeeze(axis);

    /// <summary><c>keras.backend.concatenate([x, y], axis)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The ranks or the other dimensions differ.</exception>
    public static DynamicTensor<T> Concatenate<T>(this IShapedTensor<T> x, IShapedTensor<T> y, int axis = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.Concatenate(axis, Checked(OperationCatalog.Concatenate, OperationOptions.WithAxis(axis), x, y), Dynamic(y));

    /// <summary><c>keras.backend.concatenate([x, y, z], axis)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The ranks or the other dimensions differ.</exception>
    public static DynamicTensor<T> Concatenate<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> z, int axis = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.Concatenate(axis, Checked(OperationCatalog.Concatenate, OperationOptions.WithAxis(axis), x, y, z), Dynamic(y), Dynamic(z));

    /// <summary><c>keras.backend.concatenate([x, y, z, w], axis)</c>, shapes checked at run time.</summary>
    /// <exception cref="ShapeMismatchException">The ranks or the other dimensions differ.</exception>
    public static DynamicTensor<T> Concatenate<T>(this IShapedTensor<T> x, IShapedTensor<T> y, IShapedTensor<T> z, IShapedTensor<T> w, int axis = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => DynamicTensor<T>.Concatenate(axis, Checked(OperationCatalog.Concatenate, OperationOptions.WithAxis(axis), x, y, z, w), Dynamic(y), Dynamic(z), Dynamic(w));

    // PARTIAL_SHAPES.md's order, as for the contractions: when some size is known only at run time, the rule on the
    // static shapes first (graph time, with `?` in its frames), then TensorFlow's kernel check on the run-time shapes
    // and the name binding (PartialOperation); the DynamicTensor operation then finds the shapes accepted. Returns x
    // as a dynamic tensor.
    private static DynamicTensor<T> Checked<T>(OperationDescriptor operation, OperationOptions options, params IShapedTensor<T>[] operands)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var operand in operands)
        {
            Require.NotNull(operand, nameof(operands));
        }

        var shapes = Array.ConvertAll(operands, operand => operand.StaticShape);
        if (!Array.TrueForAll(shapes, shape => shape.IsFullyKnown))
        {
            PartialOperation.Create(operation, options, shapes).Check(Array.ConvertAll(operands, operand => operand.Shape));
        }

        return operands[0].ToDynamic();
    }
}
