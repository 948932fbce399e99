namespace ShapedTensors.Generator;

/// <summary>The names of the generator's pipeline steps, for incremental-caching tests.</summary>
public static class TrackingNames
{
    /// <summary>Types declared with <c>[Tensor]</c>.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>Types declared with <c>[Tensor&lt;T&gt;]</c>.</summary>
    public const string GenericDeclarations = nameof(GenericDeclarations);

    /// <summary>Call sites whose shapes are known and compatible under at least one <c>batch_dot</c> semantics.</summary>
    public const string CallSites = nameof(CallSites);

    /// <summary>The project's <c>batch_dot</c> semantics (MSBuild <c>ShapedTensorsBatchDot</c>).</summary>
    public const string BatchDotSemantics = nameof(BatchDotSemantics);

    /// <summary>Calls whose shapes are known and compatible under the project's semantics.</summary>
    public const string Calls = nameof(Calls);

    /// <summary>The namespace of this assembly's canonical types and kernels.</summary>
    public const string GeneratedNamespace = nameof(GeneratedNamespace);

    /// <summary>Each declared type with the name of its file.</summary>
    public const string DeclaredFiles = nameof(DeclaredFiles);

    /// <summary>The tensor types of referenced assemblies this compilation can name.</summary>
    public const string ReferencedTypes = nameof(ReferencedTypes);

    /// <summary>The project's inline storage limit (<c>ShapedTensorsInlineStorage</c>).</summary>
    public const string InlineStorage = nameof(InlineStorage);

    /// <summary>Whether canonical result types are public (MSBuild ShapedTensorsPublicResultTypes).</summary>
    public const string PublicResultTypes = nameof(PublicResultTypes);

    /// <summary>The kernel settings from MSBuild (unroll budget, checked access).</summary>
    public const string KernelSettings = nameof(KernelSettings);

    /// <summary>The overloads, kernels and canonical types the calls need.</summary>
    public const string Specialization = nameof(Specialization);

    /// <summary>What each call site emits on behalf of all calls.</summary>
    public const string OwnedOutputs = nameof(OwnedOutputs);

    /// <summary>One kernel each.</summary>
    public const string Kernels = nameof(Kernels);

    /// <summary>One canonical result type each.</summary>
    public const string CanonicalTypes = nameof(CanonicalTypes);

    /// <summary>One operations class per calling namespace.</summary>
    public const string Operations = nameof(Operations);

    /// <summary>Whether the project's language version has extension operators (C# 14).</summary>
    public const string ExtensionOperators = nameof(ExtensionOperators);

    /// <summary>Candidate operation calls and operators, evaluated under each batch_dot semantics.</summary>
    public const string OperationSites = nameof(OperationSites);

    /// <summary>Operation calls whose shapes and options are known and accepted.</summary>
    public const string OperationCalls = nameof(OperationCalls);

    /// <summary>What each operation call site emits on behalf of all calls.</summary>
    public const string OperationOwnedOutputs = nameof(OperationOwnedOutputs);
}
