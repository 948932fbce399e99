using System;

namespace ShapedTensors;

/// <summary>
/// Thrown when the operand shapes (or the axis, pattern or target shape) of an operation are incompatible.
/// <see cref="Message"/> is exactly the text TensorFlow/Keras raises (see SEMANTICS.md, OPS.md), the same text
/// the analyzer reports at compile time.
/// </summary>
public sealed class ShapeMismatchException : ArgumentException
{
    /// <summary>Creates the exception for a failed operation.</summary>
    /// <param name="operation">The operation: <c>Dot</c>, <c>BatchDot</c>, <c>MatMul</c>, or one of OPS.md (<c>Add</c>, <c>Softmax</c>, ...).</param>
    /// <param name="left">The left operand's shape.</param>
    /// <param name="right">The right (second) operand's shape; <c>()</c> for a one-operand operation.</param>
    /// <param name="error">The error from <see cref="ShapeAlgebra"/>.</param>
    public ShapeMismatchException(string operation, Shape left, Shape right, ShapeError error)
        : base(error?.Message)
    {
        Require.NotNull(operation, nameof(operation));
        Require.NotNull(left, nameof(left));
        Require.NotNull(right, nameof(right));
        Require.NotNull(error, nameof(error));
        Operation = operation;
        Left = left;
        Right = right;
        Error = error!;
    }

    /// <summary>The operation that failed: <c>Dot</c>, <c>BatchDot</c>, <c>MatMul</c>, or an operation of OPS.md by its C# name.</summary>
    public string Operation { get; }

    /// <summary>The left operand's shape, as the user passed it.</summary>
    public Shape Left { get; }

    /// <summary>The right (second) operand's shape, as the user passed it; <c>()</c> for a one-operand operation.</summary>
    public Shape Right { get; }

    /// <summary>The error, with the op, node and the shapes TensorFlow's frame shows.</summary>
    public ShapeError Error { get; }

    /// <summary>Exactly the TensorFlow text, without the <c>(Parameter ...)</c> suffix of <see cref="ArgumentException"/>.</summary>
    public override string Message => Error.Message;
}
