using System.ComponentModel;

namespace ShapedTensors;

/// <summary>The broadcasting binary operations of OPS.md §1, as generated code passes them to <see cref="GeneratedCodeSupport"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ElementwiseOperation
{
    /// <summary><c>x + y</c>.</summary>
    Add,

    /// <summary><c>x - y</c>.</summary>
    Subtract,

    /// <summary><c>x * y</c>.</summary>
    Multiply,

    /// <summary><c>x / y</c> (true division).</summary>
    Divide,

    /// <summary><c>K.maximum(x, y)</c>.</summary>
    Maximum,

    /// <summary><c>K.minimum(x, y)</c>.</summary>
    Minimum,
}

/// <summary>The element-by-element operations of OPS.md §3, as generated code passes them to <see cref="GeneratedCodeSupport"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum UnaryOperation
{
    /// <summary><c>max(x, 0)</c>.</summary>
    Relu,

    /// <summary><c>1 / (1 + exp(-x))</c>.</summary>
    Sigmoid,

    /// <summary><c>tanh(x)</c>.</summary>
    Tanh,

    /// <summary><c>exp(x)</c>.</summary>
    Exp,

    /// <summary><c>log(x)</c>.</summary>
    Log,

    /// <summary>Keras' <c>sqrt(clip(x, 0, inf))</c>.</summary>
    Sqrt,

    /// <summary><c>|x|</c>.</summary>
    Abs,

    /// <summary><c>-x</c>.</summary>
    Negate,
}

/// <summary>The reductions of OPS.md §4, as generated code passes them to <see cref="GeneratedCodeSupport"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ReductionOperation
{
    /// <summary><c>K.sum</c>.</summary>
    Sum,

    /// <summary><c>K.mean</c>.</summary>
    Mean,

    /// <summary><c>K.max</c>.</summary>
    Max,

    /// <summary><c>K.min</c>.</summary>
    Min,
}
