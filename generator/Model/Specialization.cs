using System;
using System.Collections.Generic;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// One set of constant options an overload handles, and the kernel that computes it: for a call on partially known
/// shapes, the kernel with a run-time count of products, or null when the runtime's product computes it.
/// </summary>
internal sealed record OverloadCase(CallOptions Options, KernelModel? Kernel);

/// <summary>
/// One specialized overload: an operation on two operand types, returning the canonical type of the result
/// shape. Options are parameters, so the overload switches on them to the kernel of each constant value used.
/// </summary>
/// <param name="Semantics">The <c>batch_dot</c> of a BatchDot overload, for the options it computes through the runtime.</param>
internal sealed record OverloadModel(
    Signature Signature,
    OperandModel X,
    OperandModel Y,
    string ResultType,
    EquatableArray<int> ResultDims,
    EquatableArray<OverloadCase> Cases,
    BatchDotSemantics Semantics)
{
    /// <summary>Empty when the result is fully known; else its dimensions' names (see <see cref="DimsModel"/>).</summary>
    public EquatableArray<string> ResultNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether an operand has sizes known only at run time (see <see cref="CallModel.IsPartial"/>).</summary>
    public bool IsPartial => X.IsPartial || Y.IsPartial;
}

/// <summary>The overloads emitted into one calling namespace (empty for the global namespace), and the name of their file.</summary>
internal sealed record OperationsModel(string Namespace, string GeneratedNamespace, EquatableArray<OverloadModel> Overloads, string HintName)
{
    /// <summary>The overloads of the non-contraction operations (OPS.md §1–§7), after <see cref="Overloads"/>.</summary>
    public EquatableArray<OperationOverloadModel> Operations { get; init; } = EquatableArray<OperationOverloadModel>.Empty;
}

/// <summary>One kernel: a contraction plan (every size and stride fixed) for one element type.</summary>
internal sealed record KernelModel(string Name, string GeneratedNamespace, ElementKind Element, PlanModel Plan)
{
    public static KernelModel? For(CallModel call, string generatedNamespace)
        => call.Plan is { } plan ? new(Names.Kernel(call.X.Element, plan), generatedNamespace, call.X.Element, plan) : null;
}

/// <summary>A canonical result type to emit, with the declared types of the same shape it converts to and from.</summary>
internal sealed record CanonicalTypeModel(TensorTypeModel Type, EquatableArray<SameShapeType> SameShapeTypes);

/// <summary>
/// The files one call site emits on behalf of all the calls that need them: it is the first (by site) of
/// those calls. Emitting per call site rather than from one list keeps an edit to one call from
/// shifting, and so regenerating, every other file.
/// </summary>
internal sealed record OwnedOutputs(
    EquatableArray<KernelModel> Kernels,
    EquatableArray<TensorTypeModel> CanonicalTypes,
    EquatableArray<OperationsModel> Operations)
{
    public static OwnedOutputs None { get; } = new(EquatableArray<KernelModel>.Empty, EquatableArray<TensorTypeModel>.Empty, EquatableArray<OperationsModel>.Empty);
}

/// <summary>Everything the calls of a compilation need emitted, by the call site that emits it.</summary>
internal sealed class Specialization : IEquatable<Specialization>
{
    private readonly Dictionary<string, OwnedOutputs> _bySite = new(StringComparer.Ordinal);

    public Specialization(EquatableArray<(string Site, OwnedOutputs Outputs)> sites)
    {
        Sites = sites;
        foreach (var (site, outputs) in sites)
        {
            _bySite[site] = outputs;
        }
    }

    /// <summary>The call sites that own outputs, by site.</summary>
    public EquatableArray<(string Site, OwnedOutputs Outputs)> Sites { get; }

    /// <summary>What the call at <paramref name="site"/> emits (usually nothing).</summary>
    public OwnedOutputs For(string site) => _bySite.TryGetValue(site, out var outputs) ? outputs : OwnedOutputs.None;

    public bool Equals(Specialization? other) => other is not null && Sites.Equals(other.Sites);

    public override bool Equals(object? obj) => Equals(obj as Specialization);

    public override int GetHashCode() => Sites.GetHashCode();
}
