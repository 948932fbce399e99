namespace ShapedTensors.Generator.Model;

/// <summary>One set of constant options an overload handles, and the kernel that computes it.</summary>
internal sealed record OverloadCase(CallOptions Options, string Kernel);

/// <summary>
/// One specialized overload: an operation on two operand types, returning the canonical type of the result
/// shape. Options are parameters, so the overload switches on them to the kernel of each constant value used.
/// </summary>
internal sealed record OverloadModel(
    Signature Signature,
    OperandModel X,
    OperandModel Y,
    string ResultType,
    EquatableArray<int> ResultDims,
    EquatableArray<OverloadCase> Cases);

/// <summary>The overloads emitted into one calling namespace (empty for the global namespace).</summary>
internal sealed record OperationsModel(string Namespace, string GeneratedNamespace, EquatableArray<OverloadModel> Overloads);

/// <summary>One kernel: an operation for fixed shapes and options.</summary>
internal sealed record KernelModel(string Name, string GeneratedNamespace, Signature Signature, EquatableArray<int> X, EquatableArray<int> Y, CallOptions Options, ElementKind Element);

/// <summary>A canonical result type to emit, with the declared types of the same shape it converts to and from.</summary>
internal sealed record CanonicalTypeModel(TensorTypeModel Type, EquatableArray<string> SameShapeTypes);

/// <summary>Everything the calls of a compilation need emitted.</summary>
internal sealed record Specialization(
    EquatableArray<OperationsModel> Operations,
    EquatableArray<KernelModel> Kernels,
    EquatableArray<TensorTypeModel> CanonicalTypes);
