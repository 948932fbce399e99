// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;

namespace ShapedTensors;

internal static partial class OperationRules
{
    /// <summary>
    /// <c>K.transpose(x)</c> (OPS.md §5): <c>tf.transpose</c> with perm <c>(r-1) - arange(r)</c> for any rank
    /// (array_ops.py:1590-1675), so the shape reversed; never fails.
    /// </summary>
    public static StaticOperation Transpose(StaticShape x)
    {
        var perm = new int[x.Rank];
        for (var i = 0; i < perm.Length; i++)
        {
            perm[i] = perm.Length - 1 - i;
        }

        return StaticOperation.Success(Permuted(x, perm), axes: perm);
    }

    /// <summary>
    /// <c>K.permute_dimensions(x, pattern)</c> (OPS.md §5, <c>TransposeShapeFn</c>, array_ops.cc:114-178): the
    /// pattern's length (first run, no suffix), then an entry &gt;= rank; then the library's checks of what TensorFlow
    /// leaves to its kernel (EXT, transpose_op.cc:163-183): a negative entry, a missing index.
    /// </summary>
    public static StaticOperation PermuteDimensions(StaticShape x, int[] pattern)
    {
        Require.NotNull(pattern, nameof(pattern));
        var op = OperationCatalog.PermuteDimensions;
        var rank = x.Rank;
        var perm = OptionInput(false, pattern.Length);
        if (pattern.Length != rank)
        {
            return Fail($"Dimension must be {rank} but is {pattern.Length}", op, x, perm);
        }

        var suffix = ShapeError.ComputedInput(1, pattern);
        foreach (var entry in pattern)
        {
            if (entry >= rank)
            {
                return FailWithSuffix($"perm dim {entry} is out of range of input rank {rank}", suffix, op, x, perm);
            }
        }

        var seen = new bool[rank];
        foreach (var entry in pattern)
        {
            if (entry < 0)
            {
                return FailWithSuffix($"{entry} is out of range [0 .. {rank})", suffix, op, x, perm);
            }

            seen[entry] = true;
        }

        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            return FailWithSuffix($"{missing} is missing from {{{string.Join(",", pattern)}}}.", suffix, op, x, perm);
        }

        return StaticOperation.Success(Permuted(x, pattern), axes: (int[])pattern.Clone());
    }

    // out[i] = x[perm[i]], names carried over.
    private static StaticShape Permuted(StaticShape x, int[] perm)
    {
        var dims = new Dimension[perm.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = x[perm[i]];
        }

        return StaticShape.Own(dims);
    }
}
