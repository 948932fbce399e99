using System.Linq;

namespace ShapedTensors.Generator.Model;

/// <summary>One set of constant options an operation overload computes with constants, and the rule's normalized axes for it.</summary>
internal sealed record OperationCase(OperationOptions Options, EquatableArray<int> Axes);

/// <summary>
/// One specialized operation overload: an operation (method or operator) on given operand types, returning the
/// canonical type of the result shape. Options are parameters: the overload tests them against each constant set used
/// in the namespace (<see cref="Cases"/>), and computes anything else through the run-time fallback.
/// </summary>
internal sealed record OperationOverloadModel(
    string Operation,
    OperationSpelling Spelling,
    string OptionForm,
    EquatableArray<OperandModel> Operands,
    string ResultType,
    EquatableArray<int> ResultDims,
    EquatableArray<OperationCase> Cases)
{
    public OperationDescriptor Descriptor => OperationCatalog.Find(Operation)!;

    public ElementKind Element => Operands[0].Element;

    /// <summary>Empty when every size of the result is known; else its dimensions' names (see <see cref="DimsModel"/>).</summary>
    public EquatableArray<string> ResultNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// Whether some operand or the result has sizes known only at run time: the overload then checks the run-time shapes
    /// through one <c>PartialOperation</c> field per case (PARTIAL_SHAPES.md §8).
    /// </summary>
    public bool IsPartial => ResultNames.Count > 0 || Operands.Any(operand => operand.IsPartial);
}
