using System;
using System.Collections.Generic;

namespace ShapedTensors.Kernels.Operations;

/// <summary>
/// A loop nest over a row-major index space that two tensors are read or written through by strides (a stride of 0
/// repeats an element: a broadcast operand, a reduced axis of an accumulator). Broadcasting, transposing and reducing
/// all walk one of these, so the index arithmetic lives only here.
/// </summary>
/// <remarks>
/// Built coalesced: axes of size 1 are dropped and neighbouring axes that both tensors step through as one run are
/// merged, so a same-shape add is one axis, a bias add two, and the innermost axis is as long as it can be — the
/// length the vectorized row operations get.
/// </remarks>
internal sealed class StridedLayout
{
    private StridedLayout(int[] dims, int[] a, int[] b)
    {
        Dims = dims;
        A = a;
        B = b;
    }

    /// <summary>The coalesced sizes, outermost first; never empty (a scalar is one axis of size 1).</summary>
    public int[] Dims { get; }

    /// <summary>The first tensor's stride along each of <see cref="Dims"/>.</summary>
    public int[] A { get; }

    /// <summary>The second tensor's stride along each of <see cref="Dims"/>.</summary>
    public int[] B { get; }

    public int Rank => Dims.Length;

    /// <summary>The length of the innermost axis, which one row operation covers.</summary>
    public int Inner => Dims[^1];

    /// <summary>The row-major strides of <paramref name="shape"/>.</summary>
    public static int[] RowMajor(Shape shape)
    {
        var strides = new int[shape.Rank];
        var stride = 1;
        for (var axis = shape.Rank - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }

        return strides;
    }

    /// <summary>
    /// The strides of <paramref name="shape"/> left-padded to <paramref name="rank"/> axes, 0 along every axis of size 1
    /// (numpy broadcasting: such an axis repeats its one element).
    /// </summary>
    public static int[] Broadcast(Shape shape, int rank)
    {
        var own = RowMajor(shape);
        var strides = new int[rank];
        for (var axis = 0; axis < shape.Rank; axis++)
        {
            strides[rank - shape.Rank + axis] = shape[axis] == 1 ? 0 : own[axis];
        }

        return strides;
    }

    /// <summary>The layout of index space <paramref name="dims"/> with the two tensors' strides, coalesced.</summary>
    public static StridedLayout Coalesce(ReadOnlySpan<int> dims, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var (sizes, aStrides, bStrides) = (new List<int>(dims.Length), new List<int>(dims.Length), new List<int>(dims.Length));
        for (var axis = 0; axis < dims.Length; axis++)
        {
            if (dims[axis] == 1)
            {
                continue; // one index: no step in either tensor
            }

            var last = sizes.Count - 1;
            if (last >= 0 && aStrides[last] == a[axis] * dims[axis] && bStrides[last] == b[axis] * dims[axis])
            {
                // The outer axis steps both tensors exactly past the inner one: one longer run.
                sizes[last] *= dims[axis];
                aStrides[last] = a[axis];
                bStrides[last] = b[axis];
            }
            else
            {
                sizes.Add(dims[axis]);
                aStrides.Add(a[axis]);
                bStrides.Add(b[axis]);
            }
        }

        return sizes.Count == 0 ? new([1], [0], [0]) : new([.. sizes], [.. aStrides], [.. bStrides]);
    }

    /// <summary>The number of positions of the first <paramref name="axes"/> axes (what a walk over them visits).</summary>
    public int Count(int axes)
    {
        var count = 1;
        for (var axis = 0; axis < axes; axis++)
        {
            count *= Dims[axis];
        }

        return count;
    }
}

/// <summary>
/// An odometer over the outer axes of a <see cref="StridedLayout"/> (all but the innermost one or two, which the kernel
/// loops itself): the two tensors' offsets at each position, updated by one add per step.
/// </summary>
internal ref struct StridedWalk
{
    private readonly StridedLayout _layout;
    private readonly Span<int> _index;

    /// <param name="layout">The layout.</param>
    /// <param name="index">Scratch of at least <paramref name="axes"/> ints (zeroed here).</param>
    /// <param name="axes">How many outer axes to walk.</param>
    public StridedWalk(StridedLayout layout, Span<int> index, int axes)
    {
        _layout = layout;
        _index = index[..axes];
        _index.Clear();
        OffsetA = 0;
        OffsetB = 0;
    }

    /// <summary>The first tensor's offset at the current position.</summary>
    public int OffsetA { get; private set; }

    /// <summary>The second tensor's offset at the current position.</summary>
    public int OffsetB { get; private set; }

    /// <summary>Steps to the next position in row-major order (past the last one, back to the first).</summary>
    public void Next()
    {
        for (var axis = _index.Length - 1; axis >= 0; axis--)
        {
            OffsetA += _layout.A[axis];
            OffsetB += _layout.B[axis];
            if (++_index[axis] < _layout.Dims[axis])
            {
                return;
            }

            OffsetA -= _layout.A[axis] * _layout.Dims[axis];
            OffsetB -= _layout.B[axis] * _layout.Dims[axis];
            _index[axis] = 0;
        }
    }
}
