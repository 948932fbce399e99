using System;

namespace ShapedTensors;

/// <summary>The three operations, their shape rules, and how failures become exceptions.</summary>
internal static class Contraction
{
    public const string Dot = nameof(Dot);
    public const string BatchDot = nameof(BatchDot);
    public const string MatMul = nameof(MatMul);

    /// <summary>Returns the plan, or throws the exception the user sees for this failure.</summary>
    public static ContractionPlan PlanOrThrow(ContractionResult result, string operation, Shape left, Shape right)
    {
        if (result.Plan is { } plan)
        {
            return plan;
        }

        var error = result.Error!;
        if (error.Kind == ShapeErrorKind.InvalidAxes)
        {
#pragma warning disable CA2208 // The name is that of the public BatchDot overloads' parameter.
            throw new ArgumentOutOfRangeException("axes", error.Message);
#pragma warning restore CA2208
        }

        throw new ShapeMismatchException(operation, left, right, error);
    }

    /// <summary>Checks that a destination has the result's shape; the text names the call.</summary>
    public static void CheckDestination(string operation, Shape x, Shape y, Shape result, Shape destination, string parameterName)
    {
        if (destination != result)
        {
            throw new ArgumentException(DestinationText.WrongShape(destination, operation, result, x, y), parameterName);
        }
    }
}
