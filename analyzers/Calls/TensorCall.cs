using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>How a <c>BatchDot</c> call gives its axes.</summary>
internal enum AxesForm
{
    /// <summary>No axes parameter (Dot, MatMul, BatchDot with default axes).</summary>
    None,

    /// <summary>One int meaning <c>(a, a)</c>.</summary>
    Int,

    /// <summary>A pair <c>(a0, a1)</c>.</summary>
    Pair,
}

/// <summary>
/// One call of <c>Dot</c>, <c>BatchDot</c> or <c>MatMul</c> that bound to a fallback or a specialized
/// overload, its arguments sorted out by parameter name (both kinds of overload use the same names).
/// </summary>
internal sealed class TensorCall
{
    private TensorCall(IInvocationOperation invocation, OperationDescriptor operation, CallBinding binding)
    {
        Invocation = invocation;
        Operation = operation;
        Binding = binding;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary><c>Dot</c>, <c>BatchDot</c> or <c>MatMul</c>: one of the catalogue's contractions.</summary>
    public OperationDescriptor Operation { get; }

    public CallBinding Binding { get; }

    public IArgumentOperation X { get; private set; } = null!;

    public IArgumentOperation Y { get; private set; } = null!;

    public IArgumentOperation? Destination { get; private set; }

    public IArgumentOperation? Axes { get; private set; }

    public AxesForm AxesForm { get; private set; }

    public IArgumentOperation? TransposeA { get; private set; }

    public IArgumentOperation? TransposeB { get; private set; }

    /// <summary>The transpose flags as a marker (<c>Transpose.A</c>), in place of <see cref="TransposeA"/> and <see cref="TransposeB"/>.</summary>
    public IArgumentOperation? Transpose { get; private set; }

    /// <summary>The <c>semantics</c> argument of a run-time fallback's BatchDot (specialized overloads have none).</summary>
    public IArgumentOperation? Semantics { get; private set; }

    /// <summary>Reads a call, or returns null when it is not one of ours or its arguments are not what the overloads declare.</summary>
    public static TensorCall? Read(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var binding = CallBindings.Classify(method, symbols);
        if (binding == CallBinding.None || OperationCatalog.Find(method.Name) is not { Family: OperationFamily.Contraction } operation)
        {
            return null;
        }

        var call = new TensorCall(invocation, operation, binding);
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "x":
                    call.X = argument;
                    break;
                case "y":
                    call.Y = argument;
                    break;
                case "destination":
                    call.Destination = argument;
                    break;
                case "axes":
                    call.Axes = argument;
                    call.AxesForm = argument.Parameter.Type.SpecialType == SpecialType.System_Int32 ? AxesForm.Int : AxesForm.Pair;
                    break;
                case "transposeA":
                    call.TransposeA = argument;
                    break;
                case "transposeB":
                    call.TransposeB = argument;
                    break;
                case "transpose" when OptionConstants.Transpose(argument.Value) is not null:
                    call.Transpose = argument;
                    break;
                case "semantics":
                    call.Semantics = argument;
                    break;
                default:
                    return null;
            }
        }

        // Code that does not compile yet may lack an operand: nothing to check then.
        return call.X is null || call.Y is null ? null : call;
    }

    /// <summary>The option arguments the user wrote that are not compile-time constants.</summary>
    public IEnumerable<IArgumentOperation> NonConstantOptions()
    {
        if (Axes is not null && !ReadAxes(out _, out _))
        {
            yield return Axes;
        }

        if (TransposeA is not null && ConstantBool(TransposeA) is null)
        {
            yield return TransposeA;
        }

        if (TransposeB is not null && ConstantBool(TransposeB) is null)
        {
            yield return TransposeB;
        }

        if (Semantics is not null && !ReadSemantics(out _))
        {
            yield return Semantics;
        }
    }

    /// <summary>
    /// The <c>batch_dot</c> the call is checked with: the project's (<paramref name="project"/>), unless a fallback is
    /// given another as its <c>semantics</c> argument. (A fallback that omits it runs Keras 2.2.4's; ST0009 says so.)
    /// False when that argument is not a constant.
    /// </summary>
    public bool ReadSemantics(BatchDotSemantics project, out BatchDotSemantics semantics)
    {
        semantics = project;
        return Semantics is null or { ArgumentKind: ArgumentKind.DefaultValue } || ReadSemantics(out semantics);
    }

    /// <summary>Whether the call runs a fallback's default batch_dot, Keras 2.2.4's, while the project selects another.</summary>
    public bool IgnoresProjectSemantics(BatchDotSemantics project)
        => Semantics is { ArgumentKind: ArgumentKind.DefaultValue } && project != BatchDotSemantics.Keras224;

    // The argument's constant value (an omitted one is its default, a constant too).
    private bool ReadSemantics(out BatchDotSemantics semantics)
    {
        semantics = BatchDotSemantics.Keras224;
        if (Semantics?.Value.ConstantValue is { HasValue: true, Value: int value } && System.Enum.IsDefined(typeof(BatchDotSemantics), value))
        {
            semantics = (BatchDotSemantics)value;
            return true;
        }

        return false;
    }

    /// <summary>The constant axes, when the call has them and they are constant.</summary>
    public bool ReadAxes(out int axisX, out int axisY)
    {
        axisX = axisY = 0;
        if (Axes is null)
        {
            return false;
        }

        if (AxesForm == AxesForm.Int)
        {
            if (OptionConstants.Int(Axes.Value) is { } axis)
            {
                axisX = axisY = axis;
                return true;
            }

            return false;
        }

        // Only a tuple literal of constants counts, as for the generator: (1, 2), (X: 1, Y: -1).
        if (OptionConstants.StripConversions(Axes.Value) is ITupleOperation { Elements.Length: 2 } tuple
            && OptionConstants.Int(tuple.Elements[0]) is { } first
            && OptionConstants.Int(tuple.Elements[1]) is { } second)
        {
            axisX = first;
            axisY = second;
            return true;
        }

        return false;
    }

    /// <summary>The constant transpose flags (false where omitted), when both are constant.</summary>
    public bool ReadFlags(out bool transposeA, out bool transposeB)
    {
        if (Transpose is not null && OptionConstants.Transpose(Transpose.Value) is { } marked)
        {
            (transposeA, transposeB) = marked;
            return true;
        }

        var a = TransposeA is null ? false : ConstantBool(TransposeA);
        var b = TransposeB is null ? false : ConstantBool(TransposeB);
        transposeA = a ?? false;
        transposeB = b ?? false;
        return a is not null && b is not null;
    }

    // An omitted optional argument is a constant too: its default value.
    private static bool? ConstantBool(IArgumentOperation argument) => OptionConstants.Bool(argument.Value);
}
