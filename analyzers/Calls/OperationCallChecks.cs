using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Checks the operations of OPS.md §1–§7 (broadcasts, <c>BiasAdd</c>, unary ops, <c>Softmax</c>, reductions,
/// transposes, reshapes, <c>Concatenate</c>) on operands whose types declare their shapes, whether called as methods
/// (bound to a run-time fallback or a generated overload) or as the C# operators <c>+ - * /</c> and unary <c>-</c>:
/// TensorFlow's (or Keras') exact error becomes ST0001, and each check a named or unknown dimension leaves to run time
/// ST0010, as for the contractions (<see cref="TensorCallAnalyzer"/>).
/// </summary>
/// <remarks>
/// The rules are <see cref="OperationRules"/>, the ones the runtime and the generator apply, so a call reported here
/// is exactly a call the generator does not specialize and the runtime rejects. An option that is not a compile-time
/// constant makes the shapes a run-time matter: only ST0003 is said then, for a call left to the fallback. <c>DynamicTensor&lt;T&gt;</c>'s methods and
/// operators have run-time shapes by design and are left alone. Registered by <see cref="TensorCallAnalyzer"/>, which
/// owns ST0001 and ST0010 (one analyzer per descriptor).
/// </remarks>
internal static class OperationCallChecks
{
    /// <summary>Registers the checks of method calls and operators for one compilation.</summary>
    public static void Register(CompilationStartAnalysisContext start, KnownSymbols symbols, HelpLinks links)
    {
        start.RegisterOperationAction(
            operation => Report(operation.ReportDiagnostic, links, OperationCall.Read((IInvocationOperation)operation.Operation, symbols), symbols, start.Compilation.AssemblyName),
            OperationKind.Invocation);
        start.RegisterSyntaxNodeAction(
            node => Report(node.ReportDiagnostic, links, OperatorCall.Read((BinaryExpressionSyntax)node.Node, node.SemanticModel, symbols, node.CancellationToken), symbols, start.Compilation.AssemblyName),
            OperatorCall.BinaryKinds);
        start.RegisterSyntaxNodeAction(
            node => Report(node.ReportDiagnostic, links, OperatorCall.Read((PrefixUnaryExpressionSyntax)node.Node, node.SemanticModel, symbols, node.CancellationToken), symbols, start.Compilation.AssemblyName),
            SyntaxKind.UnaryMinusExpression);
    }

    // ST0001 with the rule's exact text (framed or not, OPS.md §0) and the edits its code fixes may offer, else ST0011 for a
    // named result type of another shape, else one ST0010 per check deferred to run time, else ST0003 for a method call
    // left to the run-time fallback.
    private static void Report(System.Action<Diagnostic> report, HelpLinks links, OperationCall? call, KnownSymbols symbols, string? assemblyName)
    {
        if (call is null)
        {
            return;
        }

        var location = call.Syntax.GetLocation();
        if (call.Options is not { } options)
        {
            ReportNotSpecialized(report, links, call, null, symbols, assemblyName);
            return;
        }

        var result = OperationRules.Apply(call.Operation, call.Operands, options);
        if (result.Error is { } error)
        {
            var fix = AxisInsertion.For(call.Operation, call.Operands, options);
            report(links.Create(DiagnosticDescriptors.ShapeMismatch, location, call.OperandSyntax.Select(s => s.GetLocation()), fix, error.Message));
            return;
        }

        // A result-type form (x.Sum<T41>(1, keepdims: true)) returns the type it names: the result must have its shape.
        if (call.Invocation is { } invocation && ResultTypeCheck.Mismatch(links, invocation, ResultTypeText.Call(call.Operation, options), result.Result!, call.Operands) is { } mismatch)
        {
            report(mismatch);
            return;
        }

        foreach (var check in call.Invocation is { } typed ? ResultTypeCheck.RunTimeChecks(typed.TargetMethod, result.Result!) : Enumerable.Empty<string>())
        {
            report(links.Create(DiagnosticDescriptors.CheckedAtRunTime, location, call.Operation.Name, check));
        }

        // A destination form's destination must hold the result: the runtime's text, word for word (ST0006).
        if (call.Destination?.Declared is { } destination && result.Result is { } shape)
        {
            if (!DestinationFit.Admits(destination, shape))
            {
                var message = DestinationText.WrongShape(destination, call.Operation.Name, shape, call.Operands.Cast<object>().ToArray());
                report(links.Create(DiagnosticDescriptors.DestinationShapeMismatch, call.Destination.Value.Syntax.GetLocation(), message));
                return;
            }

            foreach (var check in DestinationFit.RunTimeChecks(destination, shape))
            {
                report(links.Create(DiagnosticDescriptors.CheckedAtRunTime, location, call.Operation.Name, check));
            }
        }

        foreach (var check in result.Deferred)
        {
            report(links.Create(DiagnosticDescriptors.CheckedAtRunTime, location, call.Operation.Name, check.Describe()));
        }

        ReportNotSpecialized(report, links, call, result.Result, symbols, assemblyName);
    }

    // ST0003: a method call on static shapes (compatible ones, or with an option the rule cannot read) that bound to the
    // fallback: the generator specializes calls on partially known shapes too, so one that missed it says why. Operators have no fallback: they are specialized or do not compile.
    private static void ReportNotSpecialized(System.Action<Diagnostic> report, HelpLinks links, OperationCall call, StaticShape? result, KnownSymbols symbols, string? assemblyName)
    {
        if (call.Invocation is not { } invocation || CallBindings.Classify(invocation.TargetMethod, symbols) != CallBinding.Fallback)
        {
            return;
        }

        var reason = OperationNotSpecializedReason.Explain(call, result, symbols, assemblyName, out var fix);
        var (locations, properties) = fix ?? MarkerSpelling.NoFix;
        report(links.Create(DiagnosticDescriptors.NotSpecialized, call.Syntax.GetLocation(), locations, properties, call.Operation.Name, NotSpecializedReason.DescribeShapes(call.Operands), reason));
    }
}
