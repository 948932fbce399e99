namespace ShapedTensors.Generator.Model;

/// <summary>How a call site spells an operation: a method (<c>x.Add(y)</c>, <c>x.Relu()</c>) or a C# operator (<c>x + y</c>, <c>-x</c>).</summary>
internal enum OperationSpelling
{
    Method,
    Operator,
}

/// <summary>
/// One call site of a non-contraction operation (OPS.md §1–§7) whose operand shapes and options are known at compile
/// time and accepted by the operation's rule. Operand shapes may have sizes known only at run time (PARTIAL_SHAPES.md):
/// the rule then ran on the static shapes, and the result may carry names and <c>?</c> (<see cref="ResultNames"/>).
/// </summary>
/// <param name="Operation">The catalogue name (<see cref="OperationDescriptor.Name"/>).</param>
/// <param name="Spelling">Whether the overload is a method or an operator.</param>
/// <param name="OptionForm">Which overload shape the options take (see <see cref="OptionForms"/>): calls of one form share an overload.</param>
/// <param name="Operands">The tensor operands, receiver first; a scalar operand (<c>x * 2f</c>) is <see cref="OperandModel.Scalar"/>.</param>
/// <param name="Options">The constant options, normalized as the rule reads them.</param>
/// <param name="Axes">The rule's normalized axes (<see cref="StaticOperation.Axes"/>): what the kernel call passes.</param>
/// <param name="Namespace">The namespace enclosing the call (empty for the global namespace): the overload goes there.</param>
/// <param name="Site">Where the call is (see <see cref="CallModel.Site"/>).</param>
internal sealed record OperationCallModel(
    string Operation,
    OperationSpelling Spelling,
    string OptionForm,
    EquatableArray<OperandModel> Operands,
    OperationOptions Options,
    EquatableArray<int> Axes,
    EquatableArray<int> ResultDims,
    string Namespace,
    string Site)
{
    public OperationDescriptor Descriptor => OperationCatalog.Find(Operation)!;

    public ElementKind Element => Operands[0].Element;

    /// <summary>Empty when every size of the result is known; else its dimensions' names (see <see cref="DimsModel"/>).</summary>
    public EquatableArray<string> ResultNames { get; init; } = EquatableArray<string>.Empty;
}
