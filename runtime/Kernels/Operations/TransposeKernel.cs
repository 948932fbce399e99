using System;
using System.Numerics;

namespace ShapedTensors.Kernels.Operations;

/// <summary><c>np.transpose(x, permutation)</c> (OPS.md §5): <c>output</c> axis i is <c>x</c> axis permutation[i].</summary>
/// <remarks>
/// The output is written in order while <c>x</c> is read through its permuted strides, coalesced so that axes which stay
/// neighbours move as one. When the innermost output run reads <c>x</c> by a stride while the axis before it reads
/// <c>x</c> contiguously (a 2-D transpose, possibly batched), tiles are copied so both sides stay in cache; otherwise each
/// run is a copy (contiguous) or a gather.
/// </remarks>
internal static class TransposeKernel
{
    // 32×32 floats are 4 KiB per side: a tile of the source and of the output fit in L1 together.
    private const int Tile = 32;

    public static void Run<T>(ReadOnlySpan<T> x, Shape shape, ReadOnlySpan<int> permutation, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (output.IsEmpty)
        {
            return;
        }

        var own = StridedLayout.RowMajor(shape);
        var dims = new int[shape.Rank];
        var source = new int[shape.Rank];
        for (var axis = 0; axis < dims.Length; axis++)
        {
            dims[axis] = shape[permutation[axis]];
            source[axis] = own[permutation[axis]];
        }

        var layout = StridedLayout.Coalesce(dims, source, StridedLayout.RowMajor(Shape.Own(dims)));
        if (layout.Rank >= 2 && layout.A[^1] != 1 && layout.A[^2] == 1)
        {
            Tiled(x, layout, output);
            return;
        }

        var (inner, outer, step) = (layout.Inner, layout.Rank - 1, layout.A[^1]);
        var walk = new StridedWalk(layout, stackalloc int[outer], outer);
        for (int row = 0, count = layout.Count(outer), start = 0; row < count; row++, start += inner)
        {
            var destination = output.Slice(start, inner);
            if (step == 1 || inner == 1)
            {
                x.Slice(walk.OffsetA, inner).CopyTo(destination);
            }
            else
            {
                for (int i = 0, offset = walk.OffsetA; i < inner; i++, offset += step)
                {
                    destination[i] = x[offset];
                }
            }

            walk.Next();
        }
    }

    // Output block (rows × columns) at each outer position: output[r, c] = x[r + c * stride].
    private static void Tiled<T>(ReadOnlySpan<T> x, StridedLayout layout, Span<T> output)
        where T : unmanaged
    {
        var (rows, columns, stride, outer) = (layout.Dims[^2], layout.Dims[^1], layout.A[^1], layout.Rank - 2);
        var walk = new StridedWalk(layout, stackalloc int[outer], outer);
        for (int block = 0, count = layout.Count(outer), start = 0; block < count; block++, start += rows * columns)
        {
            var source = x[walk.OffsetA..];
            var destination = output.Slice(start, rows * columns);
            for (var r0 = 0; r0 < rows; r0 += Tile)
            {
                var r1 = Math.Min(r0 + Tile, rows);
                for (var c0 = 0; c0 < columns; c0 += Tile)
                {
                    var c1 = Math.Min(c0 + Tile, columns);
                    for (var r = r0; r < r1; r++)
                    {
                        var line = destination.Slice(r * columns, columns);
                        for (var c = c0; c < c1; c++)
                        {
                            line[c] = source[r + (c * stride)];
                        }
                    }
                }
            }

            walk.Next();
        }
    }
}
