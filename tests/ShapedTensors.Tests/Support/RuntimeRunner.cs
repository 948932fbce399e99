using System;
using ShapedTensors.Tests.Reference;

namespace ShapedTensors.Tests.Support;

/// <summary>Runs a <see cref="ContractionCase"/> on the library under test.</summary>
internal static class RuntimeRunner
{
    /// <summary>The runtime's name for the case's batch_dot.</summary>
    public static BatchDotSemantics Semantics(ContractionCase c) => c.TfKeras ? BatchDotSemantics.TfKeras : BatchDotSemantics.Keras224;

    public static ContractionResult Algebra(ContractionCase c)
    {
        var x = new Shape(c.X);
        var y = new Shape(c.Y);
        return c.Op switch
        {
            ContractionOp.Dot => ShapeAlgebra.Dot(x, y),
            ContractionOp.BatchDot when !c.TfKeras => c.AxesForm switch
            {
                // The overloads without a semantics: Keras 2.2.4's.
                AxesForm.Default => ShapeAlgebra.BatchDot(x, y),
                AxesForm.Int => ShapeAlgebra.BatchDot(x, y, c.Axis0),
                _ => ShapeAlgebra.BatchDot(x, y, c.Axis0, c.Axis1),
            },
            ContractionOp.BatchDot => c.AxesForm switch
            {
                AxesForm.Default => ShapeAlgebra.BatchDot(x, y, BatchDotSemantics.TfKeras),
                AxesForm.Int => ShapeAlgebra.BatchDot(x, y, c.Axis0, BatchDotSemantics.TfKeras),
                _ => ShapeAlgebra.BatchDot(x, y, c.Axis0, c.Axis1, BatchDotSemantics.TfKeras),
            },
            ContractionOp.MatMul => ShapeAlgebra.MatMul(x, y, c.TransposeA, c.TransposeB),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }

    /// <summary>The shape algebra's verdict in the reference's vocabulary.</summary>
    public static Outcome AlgebraOutcome(ContractionCase c)
    {
        var result = Algebra(c);
        if (result.Succeeded)
        {
            return Outcome.Success(result.ResultShape!.ToArray());
        }

        var error = result.Error!;
        var kind = error.Kind == ShapeErrorKind.InvalidAxes ? RefErrorKind.InvalidAxes : RefErrorKind.IncompatibleShapes;
        return Outcome.Failure(kind, error.Message);
    }

    /// <summary>Runs the case on dynamic tensors (allocating form).</summary>
    public static DynamicTensor<T> Compute<T>(ContractionCase c, DynamicTensor<T> x, DynamicTensor<T> y)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        return c.Op switch
        {
            ContractionOp.Dot => x.Dot(y),
            ContractionOp.BatchDot => c.AxesForm switch
            {
                AxesForm.Default => x.BatchDot(y, Semantics(c)),
                AxesForm.Int => x.BatchDot(y, c.Axis0, Semantics(c)),
                _ => x.BatchDot(y, (c.Axis0, c.Axis1), Semantics(c)),
            },
            ContractionOp.MatMul => x.MatMul(y, c.TransposeA, c.TransposeB),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }

    /// <summary>Runs the case on dynamic tensors writing into <paramref name="destination"/>.</summary>
    public static void ComputeInto<T>(ContractionCase c, DynamicTensor<T> x, DynamicTensor<T> y, DynamicTensor<T> destination)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        switch (c.Op)
        {
            case ContractionOp.Dot:
                x.Dot(y, destination);
                break;
            case ContractionOp.BatchDot:
                switch (c.AxesForm)
                {
                    case AxesForm.Default:
                        x.BatchDot(y, destination, Semantics(c));
                        break;
                    case AxesForm.Int:
                        x.BatchDot(y, c.Axis0, destination, Semantics(c));
                        break;
                    default:
                        x.BatchDot(y, (c.Axis0, c.Axis1), destination, Semantics(c));
                        break;
                }

                break;
            case ContractionOp.MatMul:
                x.MatMul(y, destination, c.TransposeA, c.TransposeB);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(c));
        }
    }

    /// <summary>The dynamic tensor's verdict (shape only) in the reference's vocabulary.</summary>
    public static Outcome DynamicOutcome(ContractionCase c)
    {
        var x = DynamicTensor<float>.Zeros(new Shape(c.X));
        var y = DynamicTensor<float>.Zeros(new Shape(c.Y));
        try
        {
            return Outcome.Success(Compute(c, x, y).Shape.ToArray());
        }
        catch (ShapeMismatchException e)
        {
            return Outcome.Failure(
                e.Error.Kind == ShapeErrorKind.InvalidAxes ? RefErrorKind.InvalidAxes : RefErrorKind.IncompatibleShapes,
                e.Message);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "axes")
        {
            return Outcome.Failure(RefErrorKind.InvalidAxes, e.Message);
        }
    }
}
