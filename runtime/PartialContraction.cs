using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ShapedTensors;

/// <summary>
/// One contraction on operands whose static shapes have sizes known only at run time (PARTIAL_SHAPES.md): the
/// graph-time answer, computed once, and per call the run-time checks (TensorFlow's kernel texts, then the name
/// binding, §8) and the plan for the run-time sizes. Code emitted by the generator keeps one per call it specializes.
/// </summary>
/// <remarks>
/// The last run-time shapes and their plan are kept: a loop over values of one batch size computes its plan once, and
/// then a call allocates nothing and costs a comparison of the shapes (by reference first: a value's shape is made
/// once, and results share their plan's).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PartialContraction
{
    private readonly StaticContraction _graph;
    private readonly Func<Shape, Shape, ContractionResult> _rule;
    private readonly ContractionPlan? _layout;
    // The plans of the last two run-time shapes: a training epoch alternates between its batch size and its last,
    // smaller batch, and each switch would otherwise plan (and allocate) again.
    private Known? _last;
    private Known? _previous;

    private PartialContraction(string operation, StaticContraction graph, StaticShape x, StaticShape y, Func<Shape, Shape, ContractionResult> rule)
    {
        Operation = operation;
        _graph = graph;
        X = x;
        Y = y;
        _rule = rule;
        _layout = graph.Succeeded ? KernelLayout.Find(x, y, rule) : null;
    }

    /// <summary>The operation, as exceptions name it: <c>Dot</c>, <c>BatchDot</c> or <c>MatMul</c>.</summary>
    public string Operation { get; }

    /// <summary>The left operand's static shape.</summary>
    public StaticShape X { get; }

    /// <summary>The right operand's static shape.</summary>
    public StaticShape Y { get; }

    /// <summary>The result's static shape, or null when graph time rejects the call (<see cref="Plan(Shape, Shape)"/> then throws its text).</summary>
    public StaticShape? Result => _graph.Result;

    /// <summary><c>keras.backend.dot</c> on static shapes.</summary>
    public static PartialContraction Dot(StaticShape x, StaticShape y)
        => new(Contraction.Dot, StaticShapeAlgebra.Dot(Checked(x), Checked(y)), x, y, ShapeAlgebra.Dot);

    /// <summary><c>keras.backend.batch_dot</c> (Keras 2.2.4) on static shapes, default axes.</summary>
    public static PartialContraction BatchDot(StaticShape x, StaticShape y)
        => new(Contraction.BatchDot, StaticShapeAlgebra.BatchDot(Checked(x), Checked(y)), x, y, (rx, ry) => ShapeAlgebra.BatchDot(rx, ry));

    /// <summary><c>keras.backend.batch_dot</c> (Keras 2.2.4) on static shapes, axes <c>(axisX, axisY)</c>.</summary>
    public static PartialContraction BatchDot(StaticShape x, StaticShape y, int axisX, int axisY)
        => new(Contraction.BatchDot, StaticShapeAlgebra.BatchDot(Checked(x), Checked(y), axisX, axisY, validateAxes: true), x, y, (rx, ry) => ShapeAlgebra.BatchDot(rx, ry, axisX, axisY));

    /// <summary><c>tf.matmul</c> on static shapes.</summary>
    public static PartialContraction MatMul(StaticShape x, StaticShape y, bool transposeA, bool transposeB)
        => new(Contraction.MatMul, StaticShapeAlgebra.MatMul(Checked(x), Checked(y), transposeA, transposeB), x, y, (rx, ry) => ShapeAlgebra.MatMul(rx, ry, transposeA, transposeB));

    /// <summary>
    /// The plan for operands of these run-time shapes, after the checks of PARTIAL_SHAPES.md §8 in TensorFlow's kernel
    /// order. Its <see cref="ContractionPlan.Result"/> is the result's run-time shape.
    /// </summary>
    /// <exception cref="ShapeMismatchException">Graph time rejects the call, a kernel check fails, or a name has two sizes.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape.</exception>
    public ContractionPlan Plan(Shape x, Shape y)
    {
        var last = _last;
        if (last is not null && last.X.Equals(x) && last.Y.Equals(y))
        {
            return last.Plan;
        }

        var previous = _previous;
        return previous is not null && previous.X.Equals(x) && previous.Y.Equals(y) ? previous.Plan : Compute(x, y);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // the first call at each size: keep the cached path small
    private ContractionPlan Compute(Shape x, Shape y)
    {
        Require.NotNull(x, nameof(x));
        Require.NotNull(y, nameof(y));
        if (_graph.Error is { } graphError)
        {
            throw new ShapeMismatchException(Operation, x, y, graphError);
        }

        if (_graph.RunTime!.Evaluate(x, y) is { } error)
        {
            throw new ShapeMismatchException(Operation, x, y, error);
        }

        // The kernels passed and every name is bound once, so the fully known rules accept these sizes (G4).
        var plan = Contraction.PlanOrThrow(_rule(x, y), Operation, x, y);
        if (SizeLimit.Exceeds(plan.Result))
        {
            throw new ArgumentException(SizeLimit.ResultTooLarge(Operation, x, y, plan.Result));
        }

        (_previous, _last) = (_last, new Known(x, y, plan));
        return plan;
    }

    /// <summary>
    /// The number of products, when <paramref name="plan"/> is the loop nest the generator emitted a kernel for (every
    /// size and stride but that count fixed, see <c>KernelLayout</c>); else -1, and the runtime's product computes it.
    /// </summary>
    public long KernelBatchCount(ContractionPlan plan)
    {
        Require.NotNull(plan, nameof(plan));
        return _layout is null ? -1 : KernelLayout.BatchCount(_layout, plan);
    }

    /// <summary>
    /// <see cref="Plan(Shape, Shape)"/> for a call that writes into a destination of shape <paramref name="destination"/>,
    /// checked against the result's (a destination's sizes are its own, so it may not fit this call's).
    /// </summary>
    /// <exception cref="ShapeMismatchException">As <see cref="Plan(Shape, Shape)"/>.</exception>
    /// <exception cref="ArgumentException">The destination has another shape.</exception>
    public ContractionPlan Plan(Shape x, Shape y, Shape destination)
    {
        var plan = Plan(x, y);
        Require.NotNull(destination, nameof(destination));
        Contraction.CheckDestination(Operation, x, y, plan.Result, destination, nameof(destination));
        return plan;
    }

    private static StaticShape Checked(StaticShape shape)
    {
        Require.NotNull(shape, nameof(shape));
        return shape;
    }

    private sealed record Known(Shape X, Shape Y, ContractionPlan Plan);
}
