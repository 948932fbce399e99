using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// One call of a non-contraction operation (OPS.md §1–§7) whose operands all have static shapes: a method that bound
/// to a run-time fallback or a generated overload, or a C# operator (see <see cref="OperatorCall"/>).
/// </summary>
internal sealed class OperationCall
{
    public OperationCall(OperationDescriptor operation, SyntaxNode syntax, IReadOnlyList<StaticShape> operands, OperationOptions? options, IReadOnlyList<SyntaxNode> operandSyntax, IInvocationOperation? invocation = null, IReadOnlyList<Operand>? tensors = null)
    {
        Operation = operation;
        Syntax = syntax;
        Operands = operands;
        Options = options;
        OperandSyntax = operandSyntax;
        Invocation = invocation;
        Tensors = tensors ?? System.Array.Empty<Operand>();
    }

    public OperationDescriptor Operation { get; }

    /// <summary>The call or operator expression, where its diagnostics go.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The tensor operands' declared shapes, receiver first (a scalar is rank 0).</summary>
    public IReadOnlyList<StaticShape> Operands { get; }

    /// <summary>The constant options, or null when one is not a compile-time constant.</summary>
    public OperationOptions? Options { get; }

    /// <summary>The operands' expressions, in the order of <see cref="Operands"/>: what the code fixes edit.</summary>
    public IReadOnlyList<SyntaxNode> OperandSyntax { get; }

    /// <summary>The method call, or null for an operator (which binds to no fallback: it is specialized or does not compile).</summary>
    public IInvocationOperation? Invocation { get; }

    /// <summary>A method call's tensor operands as written (types included), in the order of <see cref="Operands"/>; empty for an operator.</summary>
    public IReadOnlyList<Operand> Tensors { get; }

    /// <summary>The destination of a destination form (<c>x.Relu(destination)</c>), or null.</summary>
    public Operand? Destination { get; private init; }

    /// <summary>
    /// Reads a method call, or returns null when it is not one of the catalogue's non-contraction operations bound to
    /// a fallback or a generated overload, an operand's type declares no shape, or the arguments are not what the
    /// overloads declare (code being typed).
    /// </summary>
    public static OperationCall? Read(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (OperationCatalog.Find(method.Name) is not { } operation
            || operation.Family == OperationFamily.Contraction
            || CallBindings.Classify(method, symbols) == CallBinding.None)
        {
            return null;
        }

        var operands = new List<StaticShape>();
        var tensors = new List<Operand>();
        var options = new Dictionary<string, IArgumentOperation>();
        Operand? destination = null;

        // An extension method's receiver is its first argument; named arguments may come in any order.
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            if (argument.Parameter is not { } parameter)
            {
                return null;
            }

            if (operation.Options.Any(o => o.Name == parameter.Name))
            {
                options[parameter.Name] = argument;
            }
            else if (parameter.Name == "destination")
            {
                destination = Operand.Read(argument.Value);
            }
            else
            {
                var tensor = Operand.Read(argument.Value);
                if (tensor.Declared is not { } shape)
                {
                    return null;
                }

                operands.Add(shape);
                tensors.Add(tensor);
            }
        }

        // Reshape<TResult>() reshapes into the named type's shape: its target.
        var read = operation == OperationCatalog.Reshape && ResultTypeCheck.Declared(method) is { } target
            ? OperationOptions.WithValues(target.ToArray())
            : ReadOptions(operation, options);
        return HasOperands(operation, operands.Count)
            ? new OperationCall(operation, invocation.Syntax, operands, read, tensors.Select(t => t.Value.Syntax).ToList(), invocation, tensors) { Destination = destination }
            : null;
    }

    /// <summary>Whether the call has the tensors <paramref name="operation"/> takes (<c>Concatenate</c>: at least two).</summary>
    public static bool HasOperands(OperationDescriptor operation, int count)
        => operation.Operands == 0 ? count >= 2 : count == operation.Operands;

    // The options as the rule reads them, by family; null when one the family reads is not a constant.
    private static OperationOptions? ReadOptions(OperationDescriptor operation, Dictionary<string, IArgumentOperation> arguments)
    {
        switch (operation.Family)
        {
            case OperationFamily.Softmax:
            case OperationFamily.Concatenate:
            case OperationFamily.Reshape when operation != OperationCatalog.Reshape:
                return Value(arguments, "axis") is { } axisValue && OptionConstants.Int(axisValue) is { } axis
                    ? OperationOptions.WithAxis(axis)
                    : null;

            case OperationFamily.Reshape:
            case OperationFamily.Transpose when operation.Options.Count > 0:
                return Value(arguments, operation.Options[0].Name) is { } listValue && OptionConstants.IntList(listValue) is { } values
                    ? OperationOptions.WithValues(values)
                    : null;

            case OperationFamily.Reduction:
                return ReadReduction(arguments);

            default:
                return OperationOptions.None;
        }
    }

    // Reductions have three overloads: no axis (every axis), one int (TF's frame shows [] for it), or a list ([k]).
    private static OperationOptions? ReadReduction(Dictionary<string, IArgumentOperation> arguments)
    {
        var keepDims = Value(arguments, "keepdims") is { } flag ? OptionConstants.Bool(flag) : false;
        if (keepDims is null)
        {
            return null;
        }

        if (!arguments.TryGetValue("axis", out var axis))
        {
            return OperationOptions.Reduction(null, axesGivenAsInt: false, keepDims.Value);
        }

        // One int, or one axis marker (Axis.At1: an overload of its own, or the fallback's TAxis).
        if (axis.Parameter?.Type.SpecialType == SpecialType.System_Int32 || OptionConstants.IsMarker(axis.Value))
        {
            return OptionConstants.Int(axis.Value) is { } single
                ? OperationOptions.Reduction(new[] { single }, axesGivenAsInt: true, keepDims.Value)
                : null;
        }

        // axis: null reduces every axis, as Keras' axis=None.
        if (axis.Value.ConstantValue is { HasValue: true, Value: null })
        {
            return OperationOptions.Reduction(null, axesGivenAsInt: false, keepDims.Value);
        }

        return OptionConstants.IntList(axis.Value) is { } list
            ? OperationOptions.Reduction(list, axesGivenAsInt: false, keepDims.Value)
            : null;
    }

    private static IOperation? Value(Dictionary<string, IArgumentOperation> arguments, string name)
        => arguments.TryGetValue(name, out var argument) ? argument.Value : null;
}
