namespace ShapedTensors.Analyzers.Calls;

/// <summary>A call's operation and constant options, applied to operand shapes with the shared shape algebra.</summary>
internal sealed class CallShapes
{
    private CallShapes(string operation, AxesForm axesForm, int axisX, int axisY, bool transposeA, bool transposeB)
    {
        Operation = operation;
        AxesForm = axesForm;
        AxisX = axisX;
        AxisY = axisY;
        TransposeA = transposeA;
        TransposeB = transposeB;
    }

    public string Operation { get; }

    public AxesForm AxesForm { get; }

    public int AxisX { get; }

    public int AxisY { get; }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    /// <summary>The call's rule, or null when an option is not a compile-time constant.</summary>
    public static CallShapes? Of(TensorCall call)
    {
        var axisX = 0;
        var axisY = 0;
        if (call.Axes is not null && !call.ReadAxes(out axisX, out axisY))
        {
            return null;
        }

        return call.ReadFlags(out var transposeA, out var transposeB)
            ? new CallShapes(call.Operation, call.AxesForm, axisX, axisY, transposeA, transposeB)
            : null;
    }

    /// <summary>The same rule with other transpose flags.</summary>
    public CallShapes WithFlags(bool transposeA, bool transposeB) => new(Operation, AxesForm, AxisX, AxisY, transposeA, transposeB);

    /// <summary>What the runtime computes for these shapes: the result shape or the exact error.</summary>
    public ContractionResult Apply(Shape x, Shape y) => Operation switch
    {
        "Dot" => ShapeAlgebra.Dot(x, y),
        "MatMul" => ShapeAlgebra.MatMul(x, y, TransposeA, TransposeB),
        _ => AxesForm switch
        {
            AxesForm.Int => ShapeAlgebra.BatchDot(x, y, AxisX),
            AxesForm.Pair => ShapeAlgebra.BatchDot(x, y, AxisX, AxisY),
            _ => ShapeAlgebra.BatchDot(x, y),
        },
    };
}
