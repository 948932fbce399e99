// Compiled into the runtime, the generator and the analyzers (netstandard2.0): the single source of truth for which
// shapes the operations of OPS.md §1–§7 accept at graph time, what they return and the exact texts of their errors.
using System;
using System.Collections.Generic;

namespace ShapedTensors;

/// <summary>
/// The graph-time rules of OPS.md §1–§7 on static shapes (dimensions known, unknown or named): the result shape or
/// TensorFlow's / Keras' exact error. Fully known shapes are the special case.
/// </summary>
internal static partial class OperationRules
{
    /// <summary>The rule of <paramref name="operation"/> (any family but <see cref="OperationFamily.Contraction"/>).</summary>
    public static StaticOperation Apply(OperationDescriptor operation, IReadOnlyList<StaticShape> operands, OperationOptions options)
        => throw new NotImplementedException();
}
