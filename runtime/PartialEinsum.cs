using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ShapedTensors;

/// <summary>
/// One einsum or tensordot (OPS.md §8–§9) on operands whose static shapes have sizes known only at run time
/// (PARTIAL_SHAPES.md), the counterpart of <see cref="PartialContraction"/>: the graph-time answer, computed once, and
/// per call the run-time checks (the rule on the run-time shapes, whose text is TensorFlow's, then the name binding of
/// §8.4) and the result's run-time shape. Code emitted by the generator keeps one per call it specializes, and then
/// runs the kernel it emitted for a run-time count of products (<see cref="KernelBatchCount"/>) or computes through
/// <see cref="DynamicTensor{T}"/>'s einsum over the operands' storage.
/// </summary>
/// <remarks>
/// The last two run-time shapes and their result are kept, as <see cref="PartialOperation"/> keeps them: a loop over
/// values of one batch size checks once.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PartialEinsum
{
    private readonly StaticShape[] _operands;
    private readonly Func<StaticShape[], StaticEinsum> _rule;
    private readonly StaticEinsum _graph;
    // The loop nest the generator emitted a kernel for (two operands, see KernelLayout), and whether it takes them the other way round.
    private readonly ContractionPlan? _layout;
    private readonly bool _swapped;
    private NameBinding? _names;
    private Known? _last;
    private Known? _previous;

    private PartialEinsum(string operation, StaticShape[] operands, Func<StaticShape[], StaticEinsum> rule)
    {
        Array.ForEach(operands, shape => Require.NotNull(shape, nameof(operands)));
        Operation = operation;
        _operands = operands;
        _rule = rule;
        _graph = rule(operands);
        if (operands.Length == 2 && _graph is { Outcome.Error: null, Labels: { } labels })
        {
            (_layout, _swapped) = EinsumLowering.FindLayout(labels, operands[0], operands[1]);
        }
    }

    /// <summary>The operation, as exceptions name it: <c>Einsum</c> or <c>TensorDot</c>.</summary>
    public string Operation { get; }

    /// <summary>The result's static shape, or null when graph time rejects the call (<c>Check</c> then throws its text).</summary>
    public StaticShape? Result => _graph.Outcome.Result;

    /// <summary><c>tf.einsum(equation, *operands)</c> on the operands' static shapes (one or two).</summary>
    public static PartialEinsum Einsum(string equation, params StaticShape[] operands)
    {
        Require.NotNull(equation, nameof(equation));
        Require.NotNull(operands, nameof(operands));
        return new(OperationCatalog.Einsum.Name, (StaticShape[])operands.Clone(), shapes => OperationRules.Einsum(equation, shapes));
    }

    /// <summary><c>tf.tensordot(x, y, axes)</c> on static shapes: the last <paramref name="axes"/> axes of x with the first of y.</summary>
    public static PartialEinsum TensorDot(StaticShape x, StaticShape y, int axes) => TensorDot(x, y, TensorDotAxes.Of(axes));

    /// <summary><c>tf.tensordot(x, y, axes=[a, b])</c> on static shapes.</summary>
    public static PartialEinsum TensorDot(StaticShape x, StaticShape y, (int A, int B) axes) => TensorDot(x, y, TensorDotAxes.Of([axes.A], [axes.B]));

    /// <summary><c>tf.tensordot(x, y, axes=[[a0, ...], [b0, ...]])</c> on static shapes.</summary>
    public static PartialEinsum TensorDot(StaticShape x, StaticShape y, (int[] A, int[] B) axes)
    {
        Require.NotNull(axes.A, nameof(axes));
        Require.NotNull(axes.B, nameof(axes));
        return TensorDot(x, y, TensorDotAxes.Of(axes.A, axes.B));
    }

    private static PartialEinsum TensorDot(StaticShape x, StaticShape y, TensorDotAxes axes)
        => new(OperationCatalog.TensorDot.Name, new[] { x, y }, shapes => OperationRules.TensorDot(shapes[0], shapes[1], axes));

    /// <summary>The result's run-time shape for an operand of run-time shape <paramref name="a"/>, after the checks of PARTIAL_SHAPES.md §8.</summary>
    /// <exception cref="ShapeMismatchException">Graph time rejects the call, the run-time sizes do not fit, or a name has two sizes.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape.</exception>
    public Shape Check(Shape a)
    {
        var last = _last;
        if (last is { B: null } && last.A.Equals(a))
        {
            return last.Result;
        }

        var previous = _previous;
        return previous is { B: null } && previous.A.Equals(a) ? previous.Result : Compute(a, null).Result;
    }

    /// <summary>The result's run-time shape for operands of run-time shapes <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <exception cref="ShapeMismatchException">Graph time rejects the call, the run-time sizes do not fit, or a name has two sizes.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape.</exception>
    public Shape Check(Shape a, Shape b) => Lookup(a, b).Result;

    /// <summary>
    /// After <see cref="Check(Shape, Shape)"/> and the check of a destination of shape <paramref name="destination"/>
    /// against the result's, the number of products when the call's lowering on these run-time shapes is the loop nest
    /// the generator emitted a kernel for (every size and stride but that count fixed, see <c>KernelLayout</c>); else -1,
    /// and the runtime's einsum computes it.
    /// </summary>
    /// <exception cref="ShapeMismatchException">As <see cref="Check(Shape, Shape)"/>.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape, or the destination has another shape.</exception>
    public long KernelBatchCount(Shape a, Shape b, Shape destination)
    {
        var known = Lookup(a, b);
        Require.NotNull(destination, nameof(destination));
        Contraction.CheckDestination(Operation, a, b, known.Result, destination, nameof(destination));
        return known.Batch;
    }

    private Known Lookup(Shape a, Shape b)
    {
        var last = _last;
        if (last is not null && last.A.Equals(a) && b.Equals(last.B))
        {
            return last;
        }

        var previous = _previous;
        return previous is not null && previous.A.Equals(a) && b.Equals(previous.B) ? previous : Compute(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // the first call at each size: keep the cached path small
    private Known Compute(Shape a, Shape? b)
    {
        var shapes = b is null ? new[] { a } : new[] { a, b };
        if (shapes.Length != _operands.Length)
        {
            throw new ArgumentException($"{Operation} on {_operands.Length} operands was given {shapes.Length} shapes.", nameof(b));
        }

        for (var i = 0; i < shapes.Length; i++)
        {
            Require.NotNull(shapes[i], i == 0 ? nameof(a) : nameof(b));
            KernelChecks.CheckFits(_operands[i], shapes[i], i == 0 ? "x" : "y");
        }

        ThrowIfFailed(Operation, _graph, a, b);

        // The rule on the run-time sizes is what the runtime's einsum checks (TensorFlow's text), then the binding rule.
        var runTime = _rule(Array.ConvertAll(shapes, shape => shape.Static));
        ThrowIfFailed(Operation, runTime, a, b);
        if ((_names ??= NameBinding.Of(_operands)).Check(shapes) is { } error)
        {
            throw new ShapeMismatchException(Operation, a, b ?? Shape.Scalar, error);
        }

        var result = runTime.Outcome.Result!.ToShape();
        var batch = -1L;
        if (_layout is not null && !SizeLimit.Exceeds(result)
            && EinsumLowering.Create(runTime.Labels!, shapes) is { Plan: { } plan } lowering && lowering.Swapped == _swapped)
        {
            batch = KernelLayout.BatchCount(_layout, plan);
        }

        var known = new Known(a, b, result, batch);
        (_previous, _last) = (_last, known);
        return known;
    }

    /// <summary>
    /// Throws a failed rule's error: an axis error as <see cref="ArgumentOutOfRangeException"/> (as BatchDot's), any
    /// other as <see cref="ShapeMismatchException"/>.
    /// </summary>
    internal static void ThrowIfFailed(string operation, StaticEinsum rule, Shape a, Shape? b)
    {
        if (rule.Outcome.Error is not { } error)
        {
            return;
        }

        if (error.Kind == ShapeErrorKind.InvalidAxes)
        {
#pragma warning disable CA2208 // The name is that of the public TensorDot overloads' parameter.
            throw new ArgumentOutOfRangeException("axes", error.Message);
#pragma warning restore CA2208
        }

        throw new ShapeMismatchException(operation, a, b ?? Shape.Scalar, error);
    }

    private sealed record Known(Shape A, Shape? B, Shape Result, long Batch);
}
