// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;
using System.Globalization;

namespace ShapedTensors;

/// <summary>
/// <c>tf.tensordot</c>'s <c>axes</c> as C# spells them: a count <c>N</c> (the last N axes of a with the first N of b),
/// or two lists of axes (a pair of ints is two lists of one).
/// </summary>
internal sealed class TensorDotAxes : IEquatable<TensorDotAxes>
{
    private TensorDotAxes(int count, int[]? a, int[]? b)
    {
        Count = count;
        A = a;
        B = b;
    }

    /// <summary>The count N, or -1 when the axes are lists.</summary>
    public int Count { get; }

    /// <summary>a's contracted axes, or null for a count.</summary>
    public int[]? A { get; }

    /// <summary>b's contracted axes, or null for a count.</summary>
    public int[]? B { get; }

    public static TensorDotAxes Of(int count) => new(count, null, null);

    public static TensorDotAxes Of(int[] a, int[] b) => new(-1, (int[])a.Clone(), (int[])b.Clone());

    /// <summary>As the library's out-of-range text spells them: <c>2</c>, <c>[[1,2],[1,0]]</c>.</summary>
    public override string ToString()
        => A is null ? Count.ToString(CultureInfo.InvariantCulture) : "[[" + string.Join(",", A) + "],[" + string.Join(",", B!) + "]]";

    public bool Equals(TensorDotAxes? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as TensorDotAxes);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}

internal static partial class OperationRules
{
    /// <summary>
    /// <c>tf.tensordot(a, b, axes)</c> (OPS.md §8, math_ops.py:3428-3593): the Python checks of the axes (unframed),
    /// the library's range check (EXT), TF's one <c>MatMul</c> of the reshaped operands (framed
    /// <c>Tensordot/MatMul</c> with the 2-D shapes), then the library's pairwise check (EXT, framed <c>Tensordot</c>).
    /// Sizes not known at compile time are merged pair by pair and checked at run time.
    /// </summary>
    public static StaticEinsum TensorDot(StaticShape a, StaticShape b, TensorDotAxes axes)
    {
        Require.NotNull(axes, nameof(axes));
        if (axes.A is null && axes.Count < 0)
        {
            return TensorDotFailed(ShapeError.Unframed("'axes' must be at least 0.", a, b));
        }

        if (axes.A is not null && axes.A.Length != axes.B!.Length)
        {
            return TensorDotFailed(ShapeError.Unframed($"Different number of contraction axes 'a' and 'b', {axes.A.Length} != {axes.B.Length}.", a, b));
        }

        var countFits = axes.A is not null || (axes.Count <= a.Rank && axes.Count <= b.Rank);
        var aAxes = axes.A is null ? Range(a.Rank - axes.Count, axes.Count) : Normalized(axes.A, a.Rank);
        var bAxes = axes.A is null ? Range(0, axes.Count) : Normalized(axes.B!, b.Rank);
        if (!countFits || aAxes is null || bAxes is null || !Distinct(aAxes) || !Distinct(bAxes))
        {
            return TensorDotFailed(ShapeError.TensorDotAxesOutOfRange(axes.ToString(), a, b));
        }

        var xs = TracedDimension.Of(a, isX: true);
        var ys = TracedDimension.Of(b, isX: false);
        var freeA = Without(a, aAxes);
        var freeB = Without(b, bAxes);
        var contractedA = Product(xs, aAxes);
        var contractedB = Product(ys, bAxes);
        if (contractedA >= 0 && contractedB >= 0 && contractedA != contractedB)
        {
            var a2 = StaticShape.Own(new[] { ProductDimension(freeA), Dimension.Trusted(contractedA) });
            var b2 = StaticShape.Own(new[] { Dimension.Trusted(contractedB), ProductDimension(freeB) });
            return TensorDotFailed(ShapeError.Framed(ShapeError.DimensionsMustBeEqual(contractedA, contractedB), OperationCatalog.TensorDot.Node, OperationCatalog.TensorDot.Op, a2, b2));
        }

        var rules = new DimensionRules();
        for (var k = 0; k < aAxes.Length; k++)
        {
            var x = xs[aAxes[k]];
            var y = ys[bAxes[k]];
            if (!rules.TryMerge(x, y, out _))
            {
                return TensorDotFailed(ShapeError.Framed(ShapeError.DimensionsMustBeEqual(x.Dimension.Value, y.Dimension.Value), "Tensordot", "Tensordot", a, b));
            }
        }

        // Labels: a's axes are 0 .. ra-1; b's contracted axes take their partner's, its free axes ra, ra+1, ...
        var aLabels = Range(0, a.Rank);
        var bLabels = new int[b.Rank];
        var output = new List<int>();
        var next = a.Rank;
        for (var i = 0; i < a.Rank; i++)
        {
            if (Array.IndexOf(aAxes, i) < 0)
            {
                output.Add(i);
            }
        }

        for (var j = 0; j < b.Rank; j++)
        {
            var k = Array.IndexOf(bAxes, j);
            bLabels[j] = k >= 0 ? aAxes[k] : next++;
            if (k < 0)
            {
                output.Add(bLabels[j]);
            }
        }

        var dims = new Dimension[freeA.Length + freeB.Length];
        freeA.CopyTo(dims, 0);
        freeB.CopyTo(dims, freeA.Length);
        var outcome = StaticOperation.Success(StaticShape.Own(dims), rules.Deferred);
        return new StaticEinsum(outcome, new EinsumLabels(new[] { aLabels, bLabels }, output.ToArray()), null);
    }

    private static StaticEinsum TensorDotFailed(ShapeError error) => new(StaticOperation.Failure(error), null, null);

    private static int[] Range(int start, int count)
    {
        var range = new int[Math.Max(count, 0)];
        for (var i = 0; i < range.Length; i++)
        {
            range[i] = start + i;
        }

        return range;
    }

    // Each axis + rank once when negative; null when one is outside [-rank, rank - 1] (or a count exceeds a rank).
    private static int[]? Normalized(int[] axes, int rank)
    {
        var normalized = new int[axes.Length];
        for (var i = 0; i < axes.Length; i++)
        {
            var axis = Normalized(axes[i], rank);
            if (axis < 0 || axis >= rank)
            {
                return null;
            }

            normalized[i] = axis;
        }

        return normalized;
    }

    private static bool Distinct(int[] axes)
    {
        for (var i = 0; i < axes.Length; i++)
        {
            if (axes[i] < 0 || Array.IndexOf(axes, axes[i], i + 1) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    // The product of the sizes at `axes`, or -1 when one is not known.
    private static long Product(TracedDimension[] dims, int[] axes)
    {
        long product = 1;
        foreach (var axis in axes)
        {
            if (!dims[axis].IsKnown)
            {
                return -1;
            }

            product *= dims[axis].Dimension.Value;
        }

        return product;
    }

    // The flattened dimension of TF's reshape: the product, or ? when a size is not known.
    private static Dimension ProductDimension(Dimension[] dims)
    {
        long product = 1;
        foreach (var dim in dims)
        {
            if (!dim.IsKnown)
            {
                return Dimension.Unknown;
            }

            product *= dim.Value;
        }

        return Dimension.Trusted(product);
    }
}
