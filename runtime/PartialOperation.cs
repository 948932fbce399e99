using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ShapedTensors;

/// <summary>
/// One operation of OPS.md §1–§7 on operands whose static shapes have sizes known only at run time (PARTIAL_SHAPES.md),
/// the counterpart of <see cref="PartialContraction"/>: the graph-time answer, computed once, and per call the run-time
/// checks (TensorFlow's kernel text, then the name binding, §8) and the result's run-time shape. Code emitted by the
/// generator keeps one per call it specializes; the fallbacks on <see cref="IShapedTensor{T}"/> make one per call.
/// </summary>
/// <remarks>
/// The last run-time shapes and their result are kept: a loop over values of one batch size checks once, and then a
/// call allocates nothing and costs a comparison of the shapes (by reference first: a value's shape is made once).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PartialOperation
{
    private readonly OperationDescriptor _operation;
    private readonly OperationOptions _options;
    private readonly StaticShape[] _operands;
    private readonly StaticOperation _graph;
    private NameBinding? _names;
    // The results of the last two run-time shapes (as PartialContraction's plans: an epoch alternates two batch sizes).
    private Known? _last;
    private Known? _previous;

    private PartialOperation(OperationDescriptor operation, OperationOptions options, StaticShape[] operands)
    {
        _operation = operation;
        _options = options;
        _operands = operands;
        _graph = OperationRules.Apply(operation, operands, options);
    }

    /// <summary>The operation, as exceptions name it (<c>Add</c>, <c>Softmax</c>).</summary>
    public string Operation => _operation.Name;

    /// <summary>The result's static shape, or null when graph time rejects the call (<c>Check</c> then throws its text).</summary>
    public StaticShape? Result => _graph.Result;

    /// <summary>
    /// The operation <paramref name="operation"/> (a catalogue name) on <paramref name="operands"/>' static shapes (a C#
    /// scalar operand is the rank-0 shape), with its options as <c>OperationOptions</c> holds them: the one axis, the
    /// values (a reduction's axes, null for every axis; a pattern; a target shape), whether a reduction's axis was one
    /// int, and <c>keepdims</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No such operation, or it is a contraction (see <see cref="PartialContraction"/>).</exception>
    public static PartialOperation Create(string operation, int axis, int[]? values, bool axesGivenAsInt, bool keepDims, params StaticShape[] operands)
    {
        Require.NotNull(operation, nameof(operation));
        Require.NotNull(operands, nameof(operands));
        var descriptor = OperationCatalog.Find(operation);
        if (descriptor is null || descriptor.Family == OperationFamily.Contraction)
        {
            throw new ArgumentException($"{operation} is not an operation of OPS.md §1–§7.", nameof(operation));
        }

        Array.ForEach(operands, shape => Require.NotNull(shape, nameof(operands)));
        return new PartialOperation(descriptor, new OperationOptions(axis, values, axesGivenAsInt, keepDims), (StaticShape[])operands.Clone());
    }

    internal static PartialOperation Create(OperationDescriptor operation, OperationOptions options, StaticShape[] operands) => new(operation, options, operands);

    /// <summary>The result's run-time shape for an operand of run-time shape <paramref name="x"/>, after the checks of PARTIAL_SHAPES.md §8.</summary>
    /// <exception cref="ShapeMismatchException">Graph time rejects the call, a kernel check fails, or a name has two sizes.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape.</exception>
    public Shape Check(Shape x)
        => Hit(_last, x) ?? Hit(_previous, x) ?? Compute(x);

    /// <summary>The result's run-time shape for operands of run-time shapes <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <exception cref="ShapeMismatchException">Graph time rejects the call, a kernel check fails, or a name has two sizes.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape.</exception>
    public Shape Check(Shape x, Shape y)
        => Hit(_last, x, y) ?? Hit(_previous, x, y) ?? Compute(x, y);

    /// <summary>The result's run-time shape for three operands (a concatenation).</summary>
    /// <exception cref="ShapeMismatchException">Graph time rejects the call, a kernel check fails, or a name has two sizes.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape.</exception>
    public Shape Check(Shape x, Shape y, Shape z)
        => Hit(_last, x, y, z) ?? Hit(_previous, x, y, z) ?? Compute(x, y, z);

    /// <summary>The result's run-time shape for four operands (a concatenation).</summary>
    /// <exception cref="ShapeMismatchException">Graph time rejects the call, a kernel check fails, or a name has two sizes.</exception>
    /// <exception cref="ArgumentException">A shape does not fit its operand's static shape.</exception>
    public Shape Check(Shape x, Shape y, Shape z, Shape w)
        => Hit(_last, x, y, z, w) ?? Hit(_previous, x, y, z, w) ?? Compute(x, y, z, w);

    /// <summary>The result's run-time shape for operands of these run-time shapes (the fallbacks' form: it allocates).</summary>
    internal Shape Check(Shape[] shapes) => Compute(shapes);

    [MethodImpl(MethodImplOptions.NoInlining)] // the first call at each size: keep the cached path small
    private Shape Compute(params Shape[] shapes)
    {
        if (shapes.Length != _operands.Length)
        {
            throw new ArgumentException($"{Operation} on {_operands.Length} operands was given {shapes.Length} shapes.", nameof(shapes));
        }

        for (var i = 0; i < shapes.Length; i++)
        {
            Require.NotNull(shapes[i], nameof(shapes));
            KernelChecks.CheckFits(_operands[i], shapes[i], i == 0 ? "x" : "y");
        }

        var error = _graph.Error
            ?? OperationKernelChecks.Evaluate(_operation, _graph, _options, shapes)
            ?? (_names ??= NameBinding.Of(_operands)).Check(shapes);
        if (error is not null)
        {
            throw new ShapeMismatchException(Operation, shapes[0], Second(shapes), error);
        }

        // The kernels passed and every name is bound once, so the rule on the run-time shapes accepts them (G4).
        var runTime = OperationRules.Apply(_operation, Array.ConvertAll(shapes, StaticShape.Of), _options);
        var result = runTime.Result?.ToShape() ?? throw new ShapeMismatchException(Operation, shapes[0], Second(shapes), runTime.Error!);
        if (SizeLimit.Exceeds(result))
        {
            throw new ArgumentException(SizeLimit.ResultTooLarge(Operation, shapes[0], Second(shapes), result));
        }

        (_previous, _last) = (_last, new Known(shapes, result));
        return result;
    }

    // The exception's right operand: () for a one-operand operation.
    private static Shape Second(Shape[] shapes) => shapes.Length > 1 ? shapes[1] : Shape.Scalar;

    // A cached result whose operand shapes are these, or null.
    private static Shape? Hit(Known? known, Shape x)
        => known is { Shapes.Length: 1 } && known.Shapes[0].Equals(x) ? known.Result : null;

    private static Shape? Hit(Known? known, Shape x, Shape y)
        => known is { Shapes.Length: 2 } && known.Shapes[0].Equals(x) && known.Shapes[1].Equals(y) ? known.Result : null;

    private static Shape? Hit(Known? known, Shape x, Shape y, Shape z)
        => known is { Shapes.Length: 3 } && known.Shapes[0].Equals(x) && known.Shapes[1].Equals(y) && known.Shapes[2].Equals(z) ? known.Result : null;

    private static Shape? Hit(Known? known, Shape x, Shape y, Shape z, Shape w)
        => known is { Shapes.Length: 4 } && known.Shapes[0].Equals(x) && known.Shapes[1].Equals(y) && known.Shapes[2].Equals(z) && known.Shapes[3].Equals(w) ? known.Result : null;

    private sealed record Known(Shape[] Shapes, Shape Result);
}
