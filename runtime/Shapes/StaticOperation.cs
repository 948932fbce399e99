// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// The constant options of one call of a non-contraction operation, normalized to what its rule reads
/// (see <see cref="OperationCatalog"/> for each operation's parameters).
/// </summary>
internal sealed class OperationOptions : IEquatable<OperationOptions>
{
    public static readonly OperationOptions None = new(-1, null, axesGivenAsInt: false, keepDims: false);

    public OperationOptions(int axis, int[]? values, bool axesGivenAsInt, bool keepDims)
    {
        Axis = axis;
        Values = values;
        AxesGivenAsInt = axesGivenAsInt;
        KeepDims = keepDims;
    }

    /// <summary>The one axis of <c>Softmax</c>, <c>ExpandDims</c>, <c>Squeeze</c> and <c>Concatenate</c>.</summary>
    public int Axis { get; }

    /// <summary>
    /// A reduction's axes (null: every axis), <c>PermuteDimensions</c>' pattern, <c>Reshape</c>'s target shape;
    /// null for the other operations.
    /// </summary>
    public int[]? Values { get; }

    /// <summary>Whether a reduction's axis was one int (TF's frame shows <c>[]</c>) rather than a list (<c>[k]</c>).</summary>
    public bool AxesGivenAsInt { get; }

    /// <summary>A reduction's <c>keepdims</c>.</summary>
    public bool KeepDims { get; }

    /// <summary>Options of a one-axis operation.</summary>
    public static OperationOptions WithAxis(int axis) => new(axis, null, false, false);

    /// <summary>A reduction's options: <paramref name="axes"/> null for every axis.</summary>
    public static OperationOptions Reduction(int[]? axes, bool axesGivenAsInt, bool keepDims) => new(-1, axes, axesGivenAsInt, keepDims);

    /// <summary>A pattern or target shape.</summary>
    public static OperationOptions WithValues(int[] values) => new(-1, values, false, false);

    public bool Equals(OperationOptions? other)
        => other is not null && Axis == other.Axis && AxesGivenAsInt == other.AxesGivenAsInt && KeepDims == other.KeepDims
            && SameValues(Values, other.Values);

    private static bool SameValues(int[]? a, int[]? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as OperationOptions);

    public override int GetHashCode()
    {
        var hash = (Axis * 31) ^ (KeepDims ? 17 : 0) ^ (AxesGivenAsInt ? 7 : 0);
        if (Values is not null)
        {
            foreach (var value in Values)
            {
                hash = (hash * 31) + value;
            }
        }

        return hash;
    }
}

/// <summary>
/// What graph time says about one call of a non-contraction operation on static shapes: the exact error, or the
/// result shape with what its kernel needs (the normalized axes, Keras' reshaped bias) and the checks left to run time.
/// </summary>
internal sealed class StaticOperation
{
    private StaticOperation(StaticShape? result, ShapeError? error, IReadOnlyList<DeferredCheck> deferred, int[] axes, StaticShape? reshapedRight)
    {
        Result = result;
        Error = error;
        Deferred = deferred;
        Axes = axes;
        ReshapedRight = reshapedRight;
    }

    public bool Succeeded => Error is null;

    /// <summary>The result shape, when <see cref="Succeeded"/>.</summary>
    public StaticShape? Result { get; }

    /// <summary>The exact error (framed or not, OPS.md §0), when not <see cref="Succeeded"/>.</summary>
    public ShapeError? Error { get; }

    /// <summary>The checks only the run time can make (empty for fully known shapes).</summary>
    public IReadOnlyList<DeferredCheck> Deferred { get; }

    /// <summary>
    /// The normalized axes the kernel uses: a reduction's reduced axes (sorted, distinct, in [0, rank)); the
    /// permutation of <c>Transpose</c>/<c>PermuteDimensions</c>; the one axis of <c>Softmax</c>, <c>ExpandDims</c>,
    /// <c>Squeeze</c>, <c>Concatenate</c>; empty otherwise.
    /// </summary>
    public int[] Axes { get; }

    /// <summary>
    /// For <c>BiasAdd</c> on Keras' reshape-and-add path, the bias shape the add broadcasts (<c>(1,1,b0)</c>); null
    /// otherwise. <c>Reshape</c>'s resolved target is <see cref="Result"/>.
    /// </summary>
    public StaticShape? ReshapedRight { get; }

    /// <inheritdoc/>
    public override string ToString() => Error?.Message ?? Result!.ToString();

    internal static StaticOperation Success(StaticShape result, IReadOnlyList<DeferredCheck>? deferred = null, int[]? axes = null, StaticShape? reshapedRight = null)
        => new(result, null, deferred ?? Array.Empty<DeferredCheck>(), axes ?? Array.Empty<int>(), reshapedRight);

    internal static StaticOperation Failure(ShapeError error) => new(null, error, Array.Empty<DeferredCheck>(), Array.Empty<int>(), null);
}
