using System;

namespace ShapedTensors.Tests.Reference;

/// <summary>The reference's own error kinds (mirrors, but does not use, the runtime's enum).</summary>
internal enum RefErrorKind
{
    /// <summary>A TensorFlow shape-function error; the message is the exact framed text.</summary>
    IncompatibleShapes,

    /// <summary>An explicit BatchDot axis outside its operand's rank (our extension); no fixed text.</summary>
    InvalidAxes,
}

/// <summary>Raised by the reference ops, the way TF raises a ValueError at graph construction.</summary>
internal sealed class RefShapeException : Exception
{
    public RefShapeException(RefErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public RefShapeException()
    {
    }

    public RefShapeException(string message)
        : base(message)
    {
    }

    public RefShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RefErrorKind Kind { get; }
}

/// <summary>Raised when a case is outside what SEMANTICS.md specifies (e.g. Keras itself crashes).</summary>
internal sealed class UnspecifiedCaseException : Exception
{
    public UnspecifiedCaseException()
    {
    }

    public UnspecifiedCaseException(string message)
        : base(message)
    {
    }

    public UnspecifiedCaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
