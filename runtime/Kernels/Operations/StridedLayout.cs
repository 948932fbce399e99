using System;

namespace ShapedTensors.Kernels.Operations;

/// <summary>
/// A loop nest over a row-major index space that two tensors are read or written through by strides (a stride of 0
/// repeats an element: a broadcast operand, a reduced axis of an accumulator). Broadcasting, transposing and reducing
/// all walk one of these, so the index arithmetic lives only here.
/// </summary>
/// <remarks>
/// Built coalesced: axes of size 1 are dropped and neighbouring axes that both tensors step through as one run are
/// merged, so a same-shape add is one axis, a bias add two, and the innermost axis is as long as it can be — the
/// length the vectorized row operations get. A ref struct over the caller's scratch (<see cref="Scratch"/>: stack
/// memory up to <see cref="StackRank"/> axes), so that a kernel call allocates nothing: the class it replaced cost
/// 0.4–0.5 KB per call (its lists and arrays), which was most of the gap to a hand-written row loop.
/// </remarks>
internal readonly ref struct StridedLayout
{
    /// <summary>Up to this rank, kernels keep their layout on the stack (4 ints per axis: sizes, two strides, a walk index).</summary>
    public const int StackRank = 8;

    /// <summary>The ints of scratch a layout of <paramref name="rank"/> axes and its walk need.</summary>
    public static int Scratch(int rank) => 4 * Math.Max(rank, 1);

    /// <summary>
    /// Splits <paramref name="scratch"/> (at least <see cref="Scratch"/>(<paramref name="rank"/>) ints) into the sizes,
    /// the two strides and the walk index of a layout of <paramref name="rank"/> axes.
    /// </summary>
    public static void Split(Span<int> scratch, int rank, out Span<int> dims, out Span<int> a, out Span<int> b, out Span<int> index)
    {
        var n = Math.Max(rank, 1);
        dims = scratch[..n];
        a = scratch.Slice(n, n);
        b = scratch.Slice(2 * n, n);
        index = scratch.Slice(3 * n, n);
    }

    private StridedLayout(Span<int> dims, Span<int> a, Span<int> b)
    {
        Dims = dims;
        A = a;
        B = b;
    }

    /// <summary>The coalesced sizes, outermost first; never empty (a scalar is one axis of size 1).</summary>
    public Span<int> Dims { get; }

    /// <summary>The first tensor's stride along each of <see cref="Dims"/>.</summary>
    public Span<int> A { get; }

    /// <summary>The second tensor's stride along each of <see cref="Dims"/>.</summary>
    public Span<int> B { get; }

    public int Rank => Dims.Length;

    /// <summary>The length of the innermost axis, which one row operation covers.</summary>
    public int Inner => Dims[^1];

    /// <summary>Writes the dimensions of <paramref name="shape"/> into <paramref name="dims"/> (its rank long).</summary>
    public static void DimensionsOf(Shape shape, Span<int> dims)
    {
        for (var axis = 0; axis < dims.Length; axis++)
        {
            dims[axis] = shape[axis];
        }
    }

    /// <summary>Writes the row-major strides of <paramref name="dims"/> into <paramref name="strides"/>.</summary>
    public static void RowMajor(ReadOnlySpan<int> dims, Span<int> strides)
    {
        var stride = 1;
        for (var axis = dims.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= dims[axis];
        }
    }

    /// <summary>
    /// Writes the strides of <paramref name="shape"/> left-padded to <paramref name="strides"/>' length, 0 along every
    /// axis of size 1 (numpy broadcasting: such an axis repeats its one element) and every padded one.
    /// </summary>
    public static void Broadcast(Shape shape, Span<int> strides)
    {
        var (pad, stride) = (strides.Length - shape.Rank, 1);
        strides[..pad].Clear();
        for (var axis = shape.Rank - 1; axis >= 0; axis--)
        {
            strides[pad + axis] = shape[axis] == 1 ? 0 : stride;
            stride *= shape[axis];
        }
    }

    /// <summary>
    /// The layout of index space <paramref name="dims"/> with the two tensors' strides, coalesced in place: the three
    /// spans (equally long, at least 1 each, the axes in their first <paramref name="rank"/> elements) become its storage.
    /// </summary>
    public static StridedLayout Coalesce(Span<int> dims, Span<int> a, Span<int> b, int rank)
    {
        var count = 0;
        for (var axis = 0; axis < rank; axis++)
        {
            if (dims[axis] == 1)
            {
                continue; // one index: no step in either tensor
            }

            var last = count - 1;
            if (last >= 0 && a[last] == a[axis] * dims[axis] && b[last] == b[axis] * dims[axis])
            {
                // The outer axis steps both tensors exactly past the inner one: one longer run.
                dims[last] *= dims[axis];
                a[last] = a[axis];
                b[last] = b[axis];
            }
            else
            {
                // count <= axis: the compacted axes never overtake the ones still to read.
                dims[count] = dims[axis];
                a[count] = a[axis];
                b[count] = b[axis];
                count++;
            }
        }

        if (count == 0)
        {
            dims[0] = 1;
            a[0] = b[0] = 0;
            count = 1;
        }

        return new(dims[..count], a[..count], b[..count]);
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
