// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;

namespace ShapedTensors;

/// <summary>Which TensorFlow kernels a call runs (PARTIAL_SHAPES.md §8.2); fixed by the ranks and options alone.</summary>
internal enum KernelRoute
{
    /// <summary>The <c>MatMul</c> kernel on the user's shapes (Dot and MatMul of ranks ≤ 2).</summary>
    MatMul,

    /// <summary>Dot's reshape path: the <c>MatMul</c> kernel on <c>[prod(x[:-1]), x[-1]]</c> and <c>[y[-2], prod(y[:-2])·y[-1]]</c>.</summary>
    DotReshaped,

    /// <summary>BatchDot of padded rank 2: the <c>Mul</c> kernel, a sum, then <c>Squeeze</c> if padded.</summary>
    MultiplyAndSum,

    /// <summary>BatchDot of padded rank ≥ 3: the <c>BatchMatMul</c> (V1) kernel, then <c>Squeeze</c> if padded.</summary>
    BatchMatMulV1,

    /// <summary>MatMul with a rank above 2: the <c>BatchMatMulV2</c> kernel (batch dimensions, then inner).</summary>
    BatchMatMulV2,
}

/// <summary>
/// What the run time checks once graph time has passed (PARTIAL_SHAPES.md §8): TensorFlow's kernel checks on the
/// run-time shapes, in kernel order, then the name binding (§8.4). Plain data, built by
/// <see cref="StaticShapeAlgebra"/> from the static shapes; <see cref="Evaluate"/> applies it to the run-time sizes.
/// </summary>
internal sealed class KernelChecks
{
    private NameBinding? _names;

    internal KernelChecks(StaticShape x, StaticShape y, KernelRoute route, bool adjointX = false, bool adjointY = false, int paddedRank = 0, int summedAxis = 0, int squeezeFirst = 0, int squeezeCount = 0)
    {
        X = x;
        Y = y;
        Route = route;
        AdjointX = adjointX;
        AdjointY = adjointY;
        PaddedRank = paddedRank;
        SummedAxis = summedAxis;
        SqueezeFirst = squeezeFirst;
        SqueezeCount = squeezeCount;
    }

    /// <summary>The operands' static shapes: every run-time shape passed in must be one of theirs.</summary>
    public StaticShape X { get; }

    public StaticShape Y { get; }

    public KernelRoute Route { get; }

    /// <summary>x transposed: <c>transpose_a</c>, V1's <c>adj_x</c>, or, for <see cref="KernelRoute.MultiplyAndSum"/>, Keras' <c>transpose(x)</c>.</summary>
    public bool AdjointX { get; }

    /// <summary>y transposed: <c>transpose_b</c> or V1's <c>adj_y</c>.</summary>
    public bool AdjointY { get; }

    /// <summary>BatchDot: the rank both operands are padded to with trailing 1s.</summary>
    public int PaddedRank { get; }

    /// <summary><see cref="KernelRoute.MultiplyAndSum"/>: the axis of the product that is summed away.</summary>
    public int SummedAxis { get; }

    /// <summary>BatchDot: the first axis of the product that is squeezed, and how many (0: no Squeeze).</summary>
    public int SqueezeFirst { get; }

    public int SqueezeCount { get; }

    /// <summary>The binding rule's data, made when first needed: fully known calls never evaluate it.</summary>
    public NameBinding Names => _names ??= NameBinding.Of(X, Y);

    /// <summary>
    /// The first failing kernel's exact text, else the name-binding text, else null (the call succeeds).
    /// </summary>
    /// <exception cref="ArgumentException">A run-time shape does not fit its operand's static shape.</exception>
    public ShapeError? Evaluate(Shape x, Shape y)
    {
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
        CheckFits(X, x, nameof(x));
        CheckFits(Y, y, nameof(y));
        return Route switch
        {
            KernelRoute.MatMul => MatMulKernel(x, y, AdjointX, AdjointY),
            KernelRoute.DotReshaped => MatMulKernel(FlattenedX(x), FlattenedY(y), false, false),
            KernelRoute.MultiplyAndSum => MulKernel(x, y, out var product) ?? SqueezeKernel(product),
            KernelRoute.BatchMatMulV1 => BatchMatMulV1Kernel(Padded(x), Padded(y), out var product) ?? SqueezeKernel(product),
            _ => BatchMatMulV2Kernel(x, y),
        } ?? Names.Check(x, y);
    }

    internal static void CheckFits(StaticShape declared, Shape actual, string name)
    {
        if (!declared.Admits(actual))
        {
            throw new ArgumentException($"A value of shape {actual} cannot be an operand of static shape {declared}.", name);
        }
    }

    // matmul_op.cc: a.dim(ta ? 0 : 1) == b.dim(tb ? 1 : 0), with the inputs as given.
    private static ShapeError? MatMulKernel(Shape a, Shape b, bool transposeA, bool transposeB)
        => a[transposeA ? 0 : 1] == b[transposeB ? 1 : 0] ? null : ShapeError.Kernel(KernelTexts.MatrixSizeIncompatible(a, b), "MatMul", a, b);

    // Keras' reshape(x, [-1, x[-1]]).
    private static Shape FlattenedX(Shape x) => Shape.Own(new[] { (int)ShapeAlgebra.Product(x, 0, x.Rank - 1), x[x.Rank - 1] });

    // Keras' reshape(transpose(y, [r-2, 0..r-3, r-1]), [y[-2], -1]); a vector y becomes the column [y[0], 1] (library ext.).
    private static Shape FlattenedY(Shape y)
        => y.Rank == 1 ? Shape.Own(new[] { y[0], 1 }) : Shape.Own(new[] { y[y.Rank - 2], (int)(ShapeAlgebra.Product(y, 0, y.Rank - 2) * y[y.Rank - 1]) });

    // BinaryOpState: every pair equal or one of them 1; the product is the broadcast with the summed axis removed.
    private ShapeError? MulKernel(Shape x, Shape y, out Shape product)
    {
        var padded = Padded(x);
        var left = AdjointX ? Shape.Own(new[] { padded[1], padded[0] }) : padded;
        var right = Padded(y);
        product = Shape.Scalar;
        for (var i = 0; i < 2; i++)
        {
            if (left[i] != right[i] && left[i] != 1 && right[i] != 1)
            {
                return ShapeError.Kernel(KernelTexts.IncompatibleShapes(left, right), "Mul", left, right);
            }
        }

        var kept = 1 - SummedAxis;
        product = Shape.Own(new[] { left[kept] == 1 ? right[kept] : left[kept] });
        return null;
    }

    // batch_matmul_op_impl.h at v1.13.1: the batch dimensions one by one, then the inner ones (ndims are equal
    // after padding). The product is the batch + (rows, columns).
    private ShapeError? BatchMatMulV1Kernel(Shape a, Shape b, out Shape product)
    {
        product = Shape.Scalar;
        var n = a.Rank;
        for (var i = 0; i < n - 2; i++)
        {
            if (a[i] != b[i])
            {
                return ShapeError.Kernel(KernelTexts.BatchDimensionsMustBeTheSame(i, a, b), "BatchMatMul", a, b);
            }
        }

        var inner = InnerMismatch(a, b, "BatchMatMul");
        if (inner is not null)
        {
            return inner;
        }

        var dims = a.ToArray();
        dims[n - 2] = AdjointX ? a[n - 1] : a[n - 2];
        dims[n - 1] = AdjointY ? b[n - 2] : b[n - 1];
        product = Shape.Own(dims);
        return null;
    }

    // batch_matmul_op_impl.h at v1.15.0: MatMulBCast on the batch dimensions first (right-aligned, a missing one
    // is 1), then the inner ones: the reverse of the shape function's order.
    private ShapeError? BatchMatMulV2Kernel(Shape a, Shape b)
    {
        var batchRank = Math.Max(a.Rank, b.Rank) - 2;
        for (var i = 0; i < batchRank; i++)
        {
            var da = BatchSize(a, i, batchRank);
            var db = BatchSize(b, i, batchRank);
            if (da != db && da != 1 && db != 1)
            {
                return ShapeError.Kernel(KernelTexts.IncompatibleBatchDimensions(a, b), "BatchMatMulV2", a, b);
            }
        }

        return InnerMismatch(a, b, "BatchMatMulV2");
    }

    private static int BatchSize(Shape shape, int i, int batchRank)
    {
        var axis = i - (batchRank - (shape.Rank - 2));
        return axis >= 0 ? shape[axis] : 1;
    }

    // Both BatchMatMul kernels: the contracted sizes after the adjoint swaps.
    private ShapeError? InnerMismatch(Shape a, Shape b, string op)
    {
        var d1 = AdjointX ? a[a.Rank - 2] : a[a.Rank - 1];
        var d2 = AdjointY ? b[b.Rank - 1] : b[b.Rank - 2];
        return d1 == d2 ? null : ShapeError.Kernel(KernelTexts.InnerMismatch(d1, d2, a, b, AdjointX, AdjointY), op, a, b);
    }

    // shape_ops.h: each squeezed axis, in order, must be 1.
    private ShapeError? SqueezeKernel(Shape product)
    {
        for (var axis = SqueezeFirst; axis < SqueezeFirst + SqueezeCount; axis++)
        {
            if (product[axis] != 1)
            {
                return ShapeError.Kernel(KernelTexts.CannotSqueeze(axis, product[axis]), "Squeeze", product);
            }
        }

        return null;
    }

    // BatchDot's reshape(t, concat([shape(t), [1] * diff])).
    private Shape Padded(Shape shape) => ShapeAlgebra.PadTrailing(shape, PaddedRank);
}
