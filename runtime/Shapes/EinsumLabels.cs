// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// What an accepted einsum equation or tensordot says about the axes: a label per axis of each operand and of the
/// result. Axes with one label are multiplied together (summed over when the result lacks it); the <c>...</c> axes
/// have labels of their own, one per axis of the broadcast shape, so an operand axis of size 1 under a label of
/// another size is broadcast. This is all <see cref="EinsumLowering"/> needs besides the run-time sizes.
/// </summary>
internal sealed class EinsumLabels
{
    public EinsumLabels(int[][] operands, int[] output)
    {
        Operands = operands;
        Output = output;
    }

    /// <summary>For each operand, the label of each axis.</summary>
    public IReadOnlyList<int[]> Operands { get; }

    /// <summary>The label of each axis of the result.</summary>
    public int[] Output { get; }

    /// <summary>The labels of an einsum: a letter is its place in <c>A</c>–<c>Z</c>, <c>a</c>–<c>z</c>; broadcast axis j is 52 + j.</summary>
    public static int Letter(char c) => c >= 'a' ? 26 + (c - 'a') : c - 'A';

    /// <summary>The label of axis <paramref name="axis"/> of the broadcast shape.</summary>
    public static int Broadcast(int axis) => 52 + axis;

    /// <summary>The labels of <paramref name="subscript"/> on an operand of <paramref name="rank"/> axes, given a broadcast rank of <paramref name="broadcastRank"/>.</summary>
    public static int[] Of(string subscript, int rank, int broadcastRank)
    {
        var labels = new int[rank];
        var ellipsis = subscript.IndexOf("...", StringComparison.Ordinal);
        if (ellipsis < 0)
        {
            for (var i = 0; i < rank; i++)
            {
                labels[i] = Letter(subscript[i]);
            }

            return labels;
        }

        var after = subscript.Length - ellipsis - 3;
        var own = rank - ellipsis - after; // this operand's broadcast axes, right-aligned in the broadcast shape
        for (var i = 0; i < ellipsis; i++)
        {
            labels[i] = Letter(subscript[i]);
        }

        for (var t = 0; t < own; t++)
        {
            labels[ellipsis + t] = Broadcast(broadcastRank - own + t);
        }

        for (var i = 0; i < after; i++)
        {
            labels[ellipsis + own + i] = Letter(subscript[ellipsis + 3 + i]);
        }

        return labels;
    }
}
