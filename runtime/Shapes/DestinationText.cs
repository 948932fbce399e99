// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
namespace ShapedTensors;

/// <summary>
/// The library's text for a destination whose shape is not the result's (SEMANTICS.md §7.1): one wording for the
/// runtime's check of every operation and the analyzer's ST0006, which shows it at compile time word for word.
/// </summary>
internal static class DestinationText
{
    /// <summary><c>The destination has shape (3, 2), but Add of (2, 3) and (3,) has shape (2, 3).</c></summary>
    /// <param name="destination">The destination's shape.</param>
    /// <param name="operation">The operation's name (<c>Add</c>, <c>MatMul</c>).</param>
    /// <param name="result">The result's shape.</param>
    /// <param name="operands">The operands' shapes, joined with " and " (one operand: its shape alone).</param>
    public static string WrongShape(object destination, string operation, object result, params object[] operands)
        => $"The destination has shape {destination}, but {operation} of {string.Join(" and ", operands)} has shape {result}.";
}
