// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;

namespace ShapedTensors;

internal static partial class OperationRules
{
    /// <summary>
    /// <c>K.concatenate(tensors, axis)</c> (OPS.md §7.3): Keras' floor modulo for a negative axis; one tensor is
    /// <c>tf.identity</c>; two or more are <c>ConcatV2</c> (<c>ConcatShapeHelper</c>, common_shape_fns.cc:1139-1226).
    /// </summary>
    public static StaticOperation Concatenate(IReadOnlyList<StaticShape> tensors, int axis)
    {
        Require.NotNull(tensors, nameof(tensors));
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Concatenate needs at least one tensor.", nameof(tensors));
        }

        var first = tensors[0];
        axis = KerasConcatenateAxis(axis, first.Rank);
        if (tensors.Count == 1)
        {
            return StaticOperation.Success(first, axes: new[] { axis });
        }

        var op = OperationCatalog.Concatenate;
        var shapes = new StaticShape[tensors.Count + 1];
        for (var i = 0; i < tensors.Count; i++)
        {
            shapes[i] = tensors[i];
        }

        shapes[tensors.Count] = OptionInput(true, 1);

        // First run (the axis not yet computed): no suffix.
        var rank = first.Rank;
        if (rank == 0)
        {
            return Fail("Can't concatenate scalars (use tf.stack instead)", op, shapes);
        }

        foreach (var tensor in tensors)
        {
            if (tensor.Rank != rank)
            {
                return Fail(ShapeError.MustBeRank(rank, tensor.Rank), op, shapes);
            }
        }

        var suffix = ShapeError.ComputedInput(tensors.Count, new[] { axis });
        if (axis >= rank)
        {
            return FailWithSuffix(ShapeError.MustBeAtLeastRank(axis + 1, rank), suffix, op, shapes);
        }

        return Joined(tensors, axis, suffix, shapes);
    }

    // tensorflow_backend.py:1946-1951: a negative axis becomes axis % rank (Python's floor modulo, so any negative
    // axis lands in [0, rank)), or 0 for a scalar; a positive axis is passed unchanged.
    private static int KerasConcatenateAxis(int axis, int rank)
    {
        if (axis >= 0)
        {
            return axis;
        }

        return rank == 0 ? 0 : ((axis % rank) + rank) % rank;
    }

    // The re-run's loop: from the second-to-last tensor down to the first, the parts before and after the axis merged
    // into the accumulated ones (which start as the last tensor's), the sizes along the axis added.
    private static StaticOperation Joined(IReadOnlyList<StaticShape> tensors, int axis, string suffix, StaticShape[] shapes)
    {
        var rank = shapes[0].Rank;
        var last = TracedDimension.Of(tensors[tensors.Count - 1], isX: false);
        var merged = (TracedDimension[])last.Clone();
        var rules = new DimensionRules();
        for (var i = tensors.Count - 2; i >= 0; i--)
        {
            var dims = TracedDimension.Of(tensors[i], isX: true);
            merged[axis] = Sum(dims[axis], merged[axis]);
            var error = MergePart(rules, dims, merged, 0, axis) ?? MergePart(rules, dims, merged, axis + 1, rank);
            if (error is not null)
            {
                return FailWithSuffix(error, suffix, OperationCatalog.Concatenate, shapes);
            }
        }

        return StaticOperation.Success(TracedDimension.ToShape(merged), rules.Deferred, new[] { axis });
    }

    // Merge(shape) of dims[start..end) into merged[start..end) (shape_inference.cc:557-624): null, or the error
    // text, whose index is within the part and whose shapes are the two parts.
    private static string? MergePart(DimensionRules rules, TracedDimension[] dims, TracedDimension[] merged, int start, int end)
    {
        var before = Part(merged, start, end);
        for (var j = start; j < end; j++)
        {
            if (!rules.TryMerge(dims[j], merged[j], out var result))
            {
                return ShapeError.DimensionInBothShapes(j - start, dims[j].Dimension.Value, merged[j].Dimension.Value, Part(dims, start, end), before);
            }

            merged[j] = result;
        }

        return null;
    }

    private static StaticShape Part(TracedDimension[] dims, int start, int end)
    {
        var part = new TracedDimension[end - start];
        Array.Copy(dims, start, part, 0, part.Length);
        return TracedDimension.ToShape(part);
    }

    // InferenceContext::Add of two sizes along the axis: known if both are; a known 0 yields the other side (name
    // included); else unknown.
    private static TracedDimension Sum(TracedDimension a, TracedDimension b)
        => a.Dimension.Is(0) ? b
            : b.Dimension.Is(0) ? a
            : a.IsKnown && b.IsKnown ? TracedDimension.FromBoth(Dimension.Trusted((long)a.Dimension.Value + b.Dimension.Value), a, b)
            : TracedDimension.FromBoth(Dimension.Unknown, a, b);
}
