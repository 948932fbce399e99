// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System.Collections.Generic;

namespace ShapedTensors;

internal static partial class OperationRules
{
    /// <summary>
    /// <c>K.reshape(x, shape)</c> (OPS.md §6, <c>SetOutputShapeForReshape</c>, array_ops.cc:180-275): the result is the
    /// target with its <c>-1</c> resolved. The element count is checked only when x is fully known; otherwise the
    /// target's sizes are taken and a <c>-1</c> is unknown (or x's one unknown dimension, when the known parts agree).
    /// </summary>
    public static StaticOperation Reshape(StaticShape x, int[] shape)
    {
        Require.NotNull(shape, nameof(shape));
        var op = OperationCatalog.Reshape;
        var target = OptionInput(false, shape.Length);

        // ConstantPartialShape rejects it before the shape function runs again: no frame (shape_inference.cc:887-892).
        foreach (var size in shape)
        {
            if (size < -1)
            {
                return FailUnframed($"Invalid value in tensor used for shape: {size}", x, target);
            }
        }

        var partial = PartialTarget(shape);
        var suffix = ShapeError.PartialShapeInput(1, partial);
        var inferred = new List<int>();
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                inferred.Add(i);
            }
        }

        // EXT: the graph passes with two unknowns; the kernel rejects them whatever x is (reshape_op.h:104-106).
        if (inferred.Count > 1)
        {
            return FailWithSuffix($"Only one input size may be -1, not both {inferred[0]} and {inferred[1]}", suffix, op, x, target);
        }

        if (!x.IsFullyKnown)
        {
            return StaticOperation.Success(WithUnknownInferred(x, partial, inferred));
        }

        var elements = KnownProduct(x);
        var specified = KnownProduct(partial);
        if (shape.Length == 0 && elements != 1)
        {
            // The first run already knows the target is a scalar: no suffix (shape_refiner.cc:621-722).
            return Fail(CannotReshape(elements, partial, 1), op, x, target);
        }

        if (inferred.Count == 0)
        {
            return elements == specified ? StaticOperation.Success(partial) : FailWithSuffix(CannotReshape(elements, partial, specified), suffix, op, x, target);
        }

        if (specified == 0)
        {
            // EXT: the kernel's text (reshape_op.h:84-90); the graph leaves the -1 unknown.
            return FailWithSuffix(KernelTexts.ReshapeCannotInfer, suffix, op, x, target);
        }

        if (elements % specified != 0)
        {
            return FailWithSuffix($"Dimension size must be evenly divisible by {specified} but is {elements}", suffix, op, x, target);
        }

        return StaticOperation.Success(Replaced(partial, inferred[0], Dimension.Trusted(elements / specified)));
    }

    // The target as MakeShapeFromShapeTensor reads it: a -1 is an unknown dimension (printed ?).
    private static StaticShape PartialTarget(int[] shape)
    {
        var dims = new Dimension[shape.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = shape[i] == -1 ? Dimension.Unknown : Dimension.Known(shape[i]);
        }

        return StaticShape.Own(dims);
    }

    // A partial x (array_ops.cc:240-268): with exactly one dimension not known on each side and equal known products,
    // the -1 is x's dimension (its name included); otherwise it stays unknown.
    private static StaticShape WithUnknownInferred(StaticShape x, StaticShape partial, List<int> inferred)
    {
        var unknown = -1;
        for (var i = 0; i < x.Rank; i++)
        {
            if (!x[i].IsKnown)
            {
                if (unknown >= 0)
                {
                    return partial;
                }

                unknown = i;
            }
        }

        if (inferred.Count == 0 || KnownProduct(x) != KnownProduct(partial))
        {
            return partial;
        }

        return Replaced(partial, inferred[0], x[unknown]);
    }

    // `shape` with dimension `axis` replaced by `dimension`.
    private static StaticShape Replaced(StaticShape shape, int axis, Dimension dimension)
    {
        var dims = new Dimension[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = i == axis ? dimension : shape[i];
        }

        return StaticShape.Own(dims);
    }

    private static string CannotReshape(long elements, StaticShape target, long targetElements)
        => $"Cannot reshape a tensor with {elements} elements to shape {target.ToTensorFlowString()} ({targetElements} elements)";

    // The product of the known dimensions (1 for none): the element count of a fully known shape, in long as
    // TensorFlow's int64; the target's sizes other than -1.
    private static long KnownProduct(StaticShape shape)
    {
        long product = 1;
        for (var i = 0; i < shape.Rank; i++)
        {
            if (shape[i].IsKnown)
            {
                product *= shape[i].Value;
            }
        }

        return product;
    }
}
