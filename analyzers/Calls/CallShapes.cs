using System;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>A call's operation and constant options, applied to operand shapes with the shared shape algebra.</summary>
internal sealed class CallShapes
{
    private CallShapes(OperationDescriptor operation, AxesForm axesForm, int axisX, int axisY, bool transposeA, bool transposeB, BatchDotSemantics semantics)
    {
        Operation = operation;
        AxesForm = axesForm;
        AxisX = axisX;
        AxisY = axisY;
        TransposeA = transposeA;
        TransposeB = transposeB;
        Semantics = semantics;
    }

    /// <summary>One of the catalogue's contractions.</summary>
    public OperationDescriptor Operation { get; }

    public AxesForm AxesForm { get; }

    public int AxisX { get; }

    public int AxisY { get; }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    /// <summary>The <c>batch_dot</c> a BatchDot call follows.</summary>
    public BatchDotSemantics Semantics { get; }

    /// <summary>The call's rule, or null when an option is not a compile-time constant.</summary>
    /// <param name="call">The call.</param>
    /// <param name="project">The project's <c>ShapedTensorsBatchDot</c>, which specialized BatchDot overloads follow.</param>
    public static CallShapes? Of(TensorCall call, BatchDotSemantics project)
    {
        var axisX = 0;
        var axisY = 0;
        if (call.Axes is not null && !call.ReadAxes(out axisX, out axisY))
        {
            return null;
        }

        return call.ReadFlags(out var transposeA, out var transposeB) && call.ReadSemantics(project, out var semantics)
            ? new CallShapes(call.Operation, call.AxesForm, axisX, axisY, transposeA, transposeB, semantics)
            : null;
    }

    /// <summary>The same rule with other transpose flags.</summary>
    public CallShapes WithFlags(bool transposeA, bool transposeB) => new(Operation, AxesForm, AxisX, AxisY, transposeA, transposeB, Semantics);

    /// <summary>The same BatchDot rule under another semantics.</summary>
    public CallShapes WithSemantics(BatchDotSemantics semantics) => new(Operation, AxesForm, AxisX, AxisY, TransposeA, TransposeB, semantics);

    /// <summary>The same BatchDot rule with explicit axes.</summary>
    public CallShapes WithAxes(int axisX, int axisY) => new(Operation, AxesForm.Pair, axisX, axisY, TransposeA, TransposeB, Semantics);

    /// <summary>What the runtime computes for these shapes: the result shape or the exact error.</summary>
    public ContractionResult Apply(Shape x, Shape y) => Select(
        () => ShapeAlgebra.Dot(x, y),
        () => ShapeAlgebra.MatMul(x, y, TransposeA, TransposeB),
        () => ShapeAlgebra.BatchDot(x, y, Semantics),
        () => ShapeAlgebra.BatchDot(x, y, AxisX, Semantics),
        () => ShapeAlgebra.BatchDot(x, y, AxisX, AxisY, Semantics));

    /// <summary>
    /// What graph time says for shapes whose dimensions may be named or unknown (PARTIAL_SHAPES.md §3): the static
    /// result and the checks deferred to run time, or the exact error with <c>?</c> in its frame. Keras 2.2.4's
    /// <c>batch_dot</c> only: the contract does not cover tf.keras' with partial shapes (see <see cref="CoversPartialShapes"/>).
    /// </summary>
    public StaticContraction ApplyStatic(StaticShape x, StaticShape y) => Select(
        () => StaticShapeAlgebra.Dot(x, y),
        () => StaticShapeAlgebra.MatMul(x, y, TransposeA, TransposeB),
        () => StaticShapeAlgebra.BatchDot(x, y),
        () => StaticShapeAlgebra.BatchDot(x, y, AxisX, AxisX, validateAxes: true),
        () => StaticShapeAlgebra.BatchDot(x, y, AxisX, AxisY, validateAxes: true));

    // Which rule the call is, in one place for both algebras (full shapes and partial ones): Dot, MatMul, or BatchDot
    // by the form its axes were given in.
    private T Select<T>(Func<T> dot, Func<T> matMul, Func<T> batchDot, Func<T> batchDotInt, Func<T> batchDotPair)
    {
        if (Operation == OperationCatalog.Dot)
        {
            return dot();
        }

        if (Operation == OperationCatalog.MatMul)
        {
            return matMul();
        }

        return AxesForm switch
        {
            AxesForm.Int => batchDotInt(),
            AxesForm.Pair => batchDotPair(),
            _ => batchDot(),
        };
    }

    /// <summary>Whether <see cref="ApplyStatic"/> states this call's rule: every Dot and MatMul, BatchDot under Keras 2.2.4's semantics.</summary>
    public bool CoversPartialShapes => Operation != OperationCatalog.BatchDot || Semantics == BatchDotSemantics.Keras224;
}
