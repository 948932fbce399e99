using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// Checks every <c>Dot</c>, <c>BatchDot</c> and <c>MatMul</c> call that bound to a run-time fallback or to a
/// generated overload: incompatible shapes become compile errors with the runtime's exact text, and calls the
/// compiler cannot check or the generator could not specialize get a warning saying why. The other operations of the
/// catalogue (OPS.md §1–§7) get ST0001 and ST0010 the same way (<see cref="OperationCallChecks"/>).
/// </summary>
/// <remarks>
/// It runs on the final compilation, generator output included, so an operand's type (a declared tensor type
/// or a generated result type, both carrying <c>[Tensor]</c>) tells its shape; calls on
/// <c>DynamicTensor&lt;T&gt;</c>'s own methods have run-time shapes by design and are left alone.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TensorCallAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ShapeMismatch,
        DiagnosticDescriptors.ShapeUnknown,
        DiagnosticDescriptors.NotSpecialized,
        DiagnosticDescriptors.NonConstantOption,
        DiagnosticDescriptors.AxesOutOfRange,
        DiagnosticDescriptors.DestinationShapeMismatch,
        DiagnosticDescriptors.ResultTooLarge,
        DiagnosticDescriptors.BatchDotSemanticsDiffer,
        DiagnosticDescriptors.FallbackBatchDotSemantics,
        DiagnosticDescriptors.CheckedAtRunTime,
        DiagnosticDescriptors.ResultTypeMismatch);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // The generator's own output calls the runtime on purpose; only user code is checked.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (KnownSymbols.Resolve(start.Compilation) is { } symbols)
            {
                // The project's batch_dot (MSBuild ShapedTensorsBatchDot), read as the generator reads it; the settings
                // analyzer reports a value it does not know (ST0201).
                var project = GeneratorSettings.Semantics(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                var links = HelpLinks.For(start.Compilation);
                start.RegisterOperationAction(operation => Analyze(operation, symbols, links, project), OperationKind.Invocation);

                // The other operations of the catalogue (OPS.md §1–§7), as methods and as operators.
                OperationCallChecks.Register(start, symbols, links);

                // Einsum and TensorDot (OPS.md §8–§9).
                EinsumCallChecks.Register(start, symbols, links);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, HelpLinks links, BatchDotSemantics project)
    {
        if (context.Operation is not IInvocationOperation invocation)
        {
            return;
        }

        if (TensorCall.Read(invocation, symbols) is not { } call)
        {
            ReportDynamicSemantics(context, links, invocation, symbols, project);
            return;
        }

        foreach (var option in call.NonConstantOptions())
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.NonConstantOption, option.Syntax.GetLocation(), option.Parameter?.Name, call.Operation));
        }

        var x = Operand.Read(call.X.Value);
        var y = Operand.Read(call.Y.Value);
        var destination = call.Destination is null ? null : Operand.Read(call.Destination.Value);
        if (x.Declared is null || y.Declared is null)
        {
            ReportUnknown(context, links, call, x, y, destination);
            ReportFallbackSemantics(context, links, call, project);
            return;
        }

        // A non-constant option was reported above; the result shape then depends on its run-time value.
        if (CallShapes.Of(call, project) is not { } rule)
        {
            ReportFallbackSemantics(context, links, call, project);
            return;
        }

        if (x.Shape is { } xShape && y.Shape is { } yShape)
        {
            AnalyzeKnown(context, links, call, rule, x, y, destination, xShape, yShape, symbols, project);
        }
        else
        {
            PartialShapeRules.Analyze(context, links, call, rule, x, y, destination, symbols, project);
        }
    }

    // Operands whose every dimension is known: the rules of SEMANTICS.md, with the runtime's own ContractionResult.
    private static void AnalyzeKnown(OperationAnalysisContext context, HelpLinks links, TensorCall call, CallShapes rule, Operand x, Operand y, Operand? destination, Shape xShape, Shape yShape, KnownSymbols symbols, BatchDotSemantics project)
    {
        var invocation = call.Invocation;
        var result = rule.Apply(xShape, yShape);
        if (call.Operation == OperationCatalog.BatchDot)
        {
            ReportDivergence(context, links, call, rule, xShape, yShape, result);
        }

        if (result.Error is { } error)
        {
            ReportError(context, links, call, rule, x, y, destination, error);
            return;
        }

        var resultShape = result.ResultShape!;
        if (SizeLimit.Exceeds(resultShape))
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.ResultTooLarge, invocation.Syntax.GetLocation(), SizeLimit.ResultTooLarge(call.Operation.Name, xShape, yShape, resultShape)));
            return;
        }

        ReportAccepted(context, links, call, x, y, destination, StaticShape.Of(resultShape), symbols, project);
    }

    /// <summary>ST0005 for axes out of range, else ST0001 with the edits its code fixes may offer.</summary>
    internal static void ReportError(OperationAnalysisContext context, HelpLinks links, TensorCall call, CallShapes rule, Operand x, Operand y, Operand? destination, ShapeError error)
    {
        var invocation = call.Invocation;
        if (error.Kind == ShapeErrorKind.InvalidAxes)
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.AxesOutOfRange, (call.Axes?.Syntax ?? invocation.Syntax).GetLocation(), error.Message));
            return;
        }

        // Reported whatever the call bound to: a generated MatMul overload also accepts flag values it was not emitted for.
        var fixes = FixCandidates.For(rule, x.Declared!, y.Declared!, destination?.Declared);
        context.ReportDiagnostic(links.Create(DiagnosticDescriptors.ShapeMismatch, invocation.Syntax.GetLocation(), FixLocations(call), fixes, error.Message));
    }

    /// <summary>
    /// What remains once the operands passed graph time with <paramref name="result"/>: the destination (ST0006, and
    /// ST0010 for what only its run-time shape can tell), then ST0003 for a call left to the run-time fallback.
    /// </summary>
    internal static void ReportAccepted(OperationAnalysisContext context, HelpLinks links, TensorCall call, Operand x, Operand y, Operand? destination, StaticShape result, KnownSymbols symbols, BatchDotSemantics project)
    {
        var invocation = call.Invocation;
        if (call.Binding == CallBinding.ResultType)
        {
            // p.BatchDot<P1>(p, 1) returns the type it names: the result must have its shape.
            if (CallShapes.Of(call, project) is { } rule
                && ResultTypeCheck.Mismatch(links, invocation, ResultTypeText.BatchDot(rule.AxisX, rule.AxisY, rule.AxesForm == AxesForm.Pair), result, new[] { x.Declared!, y.Declared! }) is { } mismatch)
            {
                context.ReportDiagnostic(mismatch);
            }
            else
            {
                foreach (var check in ResultTypeCheck.RunTimeChecks(invocation.TargetMethod, result))
                {
                    ReportRunTimeCheck(context, links, call, check);
                }
            }

            ReportFallbackSemantics(context, links, call, project);
            return;
        }

        if (destination is not null)
        {
            if (destination.Declared is not { } declared)
            {
                ReportUnknown(context, links, call, x, y, destination);
                ReportFallbackSemantics(context, links, call, project);
                return;
            }

            if (!DestinationFit.Admits(declared, result))
            {
                // The runtime's text (DynamicTensor's Compute), word for word when every shape is known.
                var message = DestinationText.WrongShape(declared, call.Operation.Name, result, x.Declared!, y.Declared!);
                context.ReportDiagnostic(links.Create(DiagnosticDescriptors.DestinationShapeMismatch, call.Destination!.Syntax.GetLocation(), message));
                return;
            }

            foreach (var check in DestinationFit.RunTimeChecks(declared, result))
            {
                ReportRunTimeCheck(context, links, call, check);
            }
        }

        if (call.Binding == CallBinding.Fallback)
        {
            var reason = NotSpecializedReason.Explain(call, x, y, destination, result, symbols, context.Compilation.AssemblyName, out var fix);
            var (locations, properties) = fix ?? MarkerSpelling.NoFix;
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.NotSpecialized, invocation.Syntax.GetLocation(), locations, properties, call.Operation, NotSpecializedReason.DescribeShapes(new[] { x.Declared!, y.Declared! }), reason));
            ReportFallbackSemantics(context, links, call, project);
        }
    }

    /// <summary>ST0010: one check that graph time could not make, in the words of PARTIAL_SHAPES.md §8.3.</summary>
    internal static void ReportRunTimeCheck(OperationAnalysisContext context, HelpLinks links, TensorCall call, string requirement)
        => context.ReportDiagnostic(links.Create(DiagnosticDescriptors.CheckedAtRunTime, call.Invocation.Syntax.GetLocation(), call.Operation, requirement));

    // ST0008: another result under the other batch_dot, with the axes that would give this one under both.
    private static void ReportDivergence(OperationAnalysisContext context, HelpLinks links, TensorCall call, CallShapes rule, Shape x, Shape y, ContractionResult result)
    {
        if (SemanticsDivergence.Find(rule, x, y, result) is not { } divergence)
        {
            return;
        }

        var locations = new List<Location> { call.Y.Syntax.GetLocation() };
        if (call.Axes is { ArgumentKind: not ArgumentKind.DefaultValue } axes)
        {
            locations.Add(axes.Syntax.GetLocation());
        }

        context.ReportDiagnostic(links.Create(
            DiagnosticDescriptors.BatchDotSemanticsDiffer,
            call.Invocation.Syntax.GetLocation(),
            locations,
            divergence.Properties,
            x,
            y,
            SemanticsDivergence.DescribeAxes(rule),
            divergence.Keras224Text,
            divergence.TfKerasText,
            rule.Semantics));
    }

    // ST0009, for a call that compiles and so will run: a fallback cannot see the project's setting, and follows its
    // semantics argument, Keras 2.2.4's when omitted. (A call that does not compile is checked with the project's.)
    internal static void ReportFallbackSemantics(OperationAnalysisContext context, HelpLinks links, TensorCall call, BatchDotSemantics project)
    {
        if (call.IgnoresProjectSemantics(project))
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.FallbackBatchDotSemantics, call.Invocation.Syntax.GetLocation(), BatchDotSetting.Describe(BatchDotSemantics.Keras224), project));
        }
    }

    // DynamicTensor<T>.BatchDot is not checked for shapes (its operands' shapes are run-time values by design), but it
    // defaults to Keras 2.2.4's batch_dot as the fallbacks do, so it gets the same warning in a project that selects another.
    private static void ReportDynamicSemantics(OperationAnalysisContext context, HelpLinks links, IInvocationOperation invocation, KnownSymbols symbols, BatchDotSemantics project)
    {
        var method = invocation.TargetMethod;
        if (project == BatchDotSemantics.Keras224
            || method.Name != OperationCatalog.BatchDot.Name
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, symbols.DynamicTensor))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "semantics" && argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                context.ReportDiagnostic(links.Create(DiagnosticDescriptors.FallbackBatchDotSemantics, invocation.Syntax.GetLocation(), BatchDotSetting.Describe(BatchDotSemantics.Keras224), project));
            }
        }
    }

    // A generated overload always has shaped parameters, so only a fallback can take an operand of unknown shape.
    internal static void ReportUnknown(OperationAnalysisContext context, HelpLinks links, TensorCall call, Operand x, Operand y, Operand? destination)
    {
        if (call.Binding == CallBinding.Fallback)
        {
            context.ReportDiagnostic(links.Create(DiagnosticDescriptors.ShapeUnknown, call.Invocation.Syntax.GetLocation(), call.Operation, DescribeUnknown(x, y, destination)));
        }
    }

    // What the code fixes edit (see DiagnosticProperties): the receiver, the right operand's argument, then each
    // transpose flag the user wrote. Passing them spares the fixes a semantic model, which may lack generator output.
    private static IEnumerable<Location> FixLocations(TensorCall call)
    {
        yield return call.X.Value.Syntax.GetLocation();
        yield return call.Y.Syntax.GetLocation();
        foreach (var flag in new[] { call.TransposeA, call.TransposeB })
        {
            if (flag is { ArgumentKind: not ArgumentKind.DefaultValue })
            {
                yield return flag.Syntax.GetLocation();
            }
        }
    }

    // "the left operand 'a' (type 'IShapedTensor<float>')" and the like, for each operand whose shape is unknown.
    private static string DescribeUnknown(Operand x, Operand y, Operand? destination)
    {
        var parts = new List<string>(3);
        Add(parts, "the left operand", x);
        Add(parts, "the right operand", y);
        if (destination is not null)
        {
            Add(parts, "the destination", destination);
        }

        return parts.Count switch
        {
            1 => parts[0],
            2 => parts[0] + " and " + parts[1],
            _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[parts.Count - 1],
        };
    }

    private static void Add(List<string> parts, string role, Operand operand)
    {
        if (operand.Declared is not null)
        {
            return;
        }

        var type = operand.Type is null ? "no type" : $"type '{operand.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}'";
        parts.Add(SyntaxText.Short(operand.Value.Syntax) is { } text ? $"{role} '{text}' ({type})" : $"{role} ({type})");
    }
}
