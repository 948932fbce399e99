using Microsoft.CodeAnalysis.Diagnostics;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Calls with an operand whose type declares a dimension known only at run time (<c>[Tensor("batch", 784)]</c>):
/// graph time as TensorFlow runs it on the static shapes (PARTIAL_SHAPES.md §3). Known dimensions are checked as
/// always (ST0001, with <c>?</c> in the frame), and each check graph time passed only because a side was not known
/// is a warning (ST0010), in the order TensorFlow's shape functions meet them.
/// </summary>
/// <remarks>
/// Such an operand is not ST0002: its type declares a shape, and the generator specializes calls on it under the same
/// conditions as on fully known ones, so the rest (destination, ST0003) is the fully known path's.
/// </remarks>
internal static class PartialShapeRules
{
    public static void Analyze(OperationAnalysisContext context, HelpLinks links, TensorCall call, CallShapes rule, Operand x, Operand y, Operand? destination, KnownSymbols symbols, BatchDotSemantics project)
    {
        // The contract specifies Keras 2.2.4's batch_dot only (SEMANTICS.md §7): under tf.keras' there is nothing
        // this analyzer could say with TensorFlow's authority, so it says nothing rather than guess.
        if (!rule.CoversPartialShapes)
        {
            TensorCallAnalyzer.ReportFallbackSemantics(context, links, call, project);
            return;
        }

        var graph = rule.ApplyStatic(x.Declared!, y.Declared!);
        if (graph.Error is { } error)
        {
            TensorCallAnalyzer.ReportError(context, links, call, rule, x, y, destination, error);
            return;
        }

        foreach (var check in graph.Deferred)
        {
            TensorCallAnalyzer.ReportRunTimeCheck(context, links, call, check.Describe());
        }

        // Chains see this result through the generated result type's [Tensor("batch", 128)]: the same shape.
        TensorCallAnalyzer.ReportAccepted(context, links, call, x, y, destination, graph.Result!, symbols, project);
    }
}
