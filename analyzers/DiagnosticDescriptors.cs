using Microsoft.CodeAnalysis;

namespace ShapedTensors.Analyzers;

/// <summary>
/// Every diagnostic ShapedTensors reports: one descriptor per distinct cause, each documented in
/// <c>docs/diagnostics/STxxxx.md</c>. IDs ST00xx are about calls, ST01xx about <c>[Tensor]</c> declarations, ST02xx
/// about the MSBuild settings.
/// </summary>
/// <remarks>Keep <c>AnalyzerReleases.Unshipped.md</c> and <c>docs/diagnostics/README.md</c> in step with this list.</remarks>
internal static class DiagnosticDescriptors
{
    public const string ShapeMismatchId = "ST0001";
    public const string ShapeUnknownId = "ST0002";
    public const string NotSpecializedId = "ST0003";
    public const string NonConstantOptionId = "ST0004";
    public const string AxesOutOfRangeId = "ST0005";
    public const string DestinationShapeMismatchId = "ST0006";
    public const string ResultTooLargeId = "ST0007";
    public const string BatchDotSemanticsDifferId = "ST0008";
    public const string FallbackBatchDotSemanticsId = "ST0009";
    public const string CheckedAtRunTimeId = "ST0010";
    public const string ResultTypeMismatchId = "ST0011";

    public const string NoDimensionsId = "ST0101";
    public const string NegativeDimensionId = "ST0102";
    public const string TooManyElementsId = "ST0103";
    public const string UnsupportedElementTypeId = "ST0104";
    public const string TypeNotPartialId = "ST0105";
    public const string ContainingTypeNotPartialId = "ST0106";
    public const string CannotExtendId = "ST0107";
    public const string DuplicateTensorAttributeId = "ST0108";
    public const string ReservedMemberId = "ST0109";
    public const string ReservedNamespaceId = "ST0110";
    public const string InvalidDimensionNameId = "ST0111";
    public const string DimensionPropertyClashId = "ST0112";

    public const string InvalidSettingId = "ST0201";

    public const string CallsCategory = "ShapedTensors.Calls";
    public const string DeclarationsCategory = "ShapedTensors.Declarations";
    public const string SettingsCategory = "ShapedTensors.Settings";

    // The message is exactly ShapeError.Message, the text the runtime throws: nothing may be added to it.
    public static readonly DiagnosticDescriptor ShapeMismatch = Create(
        ShapeMismatchId,
        "Operand shapes are incompatible",
        "{0}",
        CallsCategory,
        DiagnosticSeverity.Error,
        "The operand shapes of this call (Dot, BatchDot, MatMul, or one of the operations of OPS.md: the operators + - * / and unary -, BiasAdd, Softmax, reductions, transposes, reshapes, Concatenate, TensorDot, Einsum) are known at compile time and the operation is not defined for them, or its constant options (an einsum equation included) are not. The message is exactly the text the runtime would throw (TensorFlow's, or Keras' own where Keras raises before TensorFlow).");

    public static readonly DiagnosticDescriptor ShapeUnknown = Create(
        ShapeUnknownId,
        "Shape not known at compile time",
        "'{0}' is checked at run time: the shape of {1} is not known at compile time",
        CallsCategory,
        DiagnosticSeverity.Warning,
        "An operand (or the destination) has a type that declares no shape, such as IShapedTensor<T> or a type parameter, so the call binds to the run-time fallback, which checks the shapes when it runs and may throw.");

    public static readonly DiagnosticDescriptor NotSpecialized = Create(
        NotSpecializedId,
        "Call runs through the run-time fallback",
        "'{0}' of {1} is not specialized and runs through the run-time fallback: {2}",
        CallsCategory,
        DiagnosticSeverity.Warning,
        "The operand shapes are known and compatible, but the source generator emitted no specialized overload for this call, so it is computed through the runtime instead of a kernel unrolled for these shapes.");

    public static readonly DiagnosticDescriptor NonConstantOption = Create(
        NonConstantOptionId,
        "Option is not a compile-time constant",
        "The '{0}' argument of '{1}' is not a compile-time constant, so the call's shapes are checked at run time",
        CallsCategory,
        DiagnosticSeverity.Warning,
        "BatchDot's axes, MatMul's transposeA/transposeB, TensorDot's axes and Einsum's equation decide the result shape. When one is not a compile-time constant, the result shape cannot be known at compile time: the call cannot be checked or specialized for it.");

    // The message is exactly the runtime's ArgumentOutOfRangeException text (ShapeError.AxesOutOfRange).
    public static readonly DiagnosticDescriptor AxesOutOfRange = Create(
        AxesOutOfRangeId,
        "BatchDot axes are out of range",
        "{0}",
        CallsCategory,
        DiagnosticSeverity.Error,
        "An explicit BatchDot axis must lie in [-rank, rank - 1] of its own operand. The message is exactly the text the runtime would throw.");

    // The message is exactly the runtime's ArgumentException text for a destination of the wrong shape.
    public static readonly DiagnosticDescriptor DestinationShapeMismatch = Create(
        DestinationShapeMismatchId,
        "Destination has the wrong shape",
        "{0}",
        CallsCategory,
        DiagnosticSeverity.Error,
        "The destination of an allocation-free call must have the result shape. The message is exactly the text the runtime would throw.");

    // The message is exactly the runtime's ArgumentException text for such a result (SizeLimit.ResultTooLarge).
    public static readonly DiagnosticDescriptor ResultTooLarge = Create(
        ResultTooLargeId,
        "Result has too many elements",
        "{0}",
        CallsCategory,
        DiagnosticSeverity.Error,
        "The operand shapes are compatible, but the result has more elements than one array can hold, so it cannot be computed. The message is exactly the text the runtime would throw.");
    public static readonly DiagnosticDescriptor BatchDotSemanticsDiffer = Create(
        BatchDotSemanticsDifferId,
        "BatchDot gives another result under the other batch_dot semantics",
        "'BatchDot' of shapes {0} and {1}{2} gives {3} with Keras 2.2.4's batch_dot but {4} with tf.keras' (Keras >= 2.2.5); this call follows {5}",
        CallsCategory,
        DiagnosticSeverity.Warning,
        "Keras 2.2.5 rewrote batch_dot, and tf.keras adopted the rewrite in TensorFlow 2.0: the two agree on rank-3 operands but not beyond, so code ported from one to the other gets another shape, or an error, without warning. The project's ShapedTensorsBatchDot property selects which this call follows; explicit axes that give the same result under both, where there are any, make it portable.");

    public static readonly DiagnosticDescriptor FallbackBatchDotSemantics = Create(
        FallbackBatchDotSemanticsId,
        "Run-time BatchDot does not follow the project's batch_dot",
        "'BatchDot' runs at run time with {0}, but ShapedTensorsBatchDot is {1}: pass 'semantics: BatchDotSemantics.{1}'",
        CallsCategory,
        DiagnosticSeverity.Warning,
        "A BatchDot computed at run time (a run-time fallback, for operands whose shapes are unknown at compile time or a call that was not specialized, or DynamicTensor<T>.BatchDot) cannot see the project's ShapedTensorsBatchDot property: it uses its semantics argument, Keras 2.2.4's batch_dot when omitted.");

    // The requirement is the shape algebra's (DeferredCheck.Describe), in the words of PARTIAL_SHAPES.md §8.3.
    public static readonly DiagnosticDescriptor CheckedAtRunTime = Create(
        CheckedAtRunTimeId,
        "Checked at run time",
        "'{0}' is checked at run time: {1}.",
        CallsCategory,
        DiagnosticSeverity.Warning,
        "TensorFlow accepts this call when the graph is built only because a dimension it had to compare is named or unknown ([Tensor(\"batch\", 784)]): the comparison is made when the call runs, which throws ShapeMismatchException with the kernel's text if the sizes do not fit. One warning per such check, in the order TensorFlow's shape functions meet them; a destination's dimensions that only its run-time shape can tell are checked the same way.");

    public static readonly DiagnosticDescriptor ResultTypeMismatch = Create(
        ResultTypeMismatchId,
        "Result type has another shape",
        "{0}",
        CallsCategory,
        DiagnosticSeverity.Error,
        "A call that names its result type (x.Sum<T41>(1, keepdims: true), x.PermuteDimensions<T>(1, 0), p.BatchDot<P1>(p, 1)) returns that type, so its shape must be the call's result shape. The message is exactly the text the runtime would throw.");

    public static readonly DiagnosticDescriptor NoDimensions = Create(
        NoDimensionsId,
        "Tensor declares no dimensions",
        "[Tensor] on '{0}' declares no dimensions: give at least one, e.g. [Tensor(3, 4)]",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "A tensor type needs at least one dimension. The generator does not extend a type whose shape is invalid.");

    public static readonly DiagnosticDescriptor NegativeDimension = Create(
        NegativeDimensionId,
        "Tensor dimension is negative",
        "Dimension {0} of '{1}' is {2}, but a dimension cannot be negative",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "Every dimension of a tensor shape is 0 or more (0 declares an empty tensor, as in TensorFlow and numpy). The generator does not extend a type whose shape is invalid.");

    public static readonly DiagnosticDescriptor TooManyElements = Create(
        TooManyElementsId,
        "Tensor has too many elements",
        "The shape {0} of '{1}' has {2} elements, more than the {3} an array can hold",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "A tensor's elements live in one array, so the product of its dimensions may not exceed the longest array .NET allows. The generator does not extend a type whose shape is invalid.");

    public static readonly DiagnosticDescriptor UnsupportedElementType = Create(
        UnsupportedElementTypeId,
        "Unsupported tensor element type",
        "The element type '{0}' of '{1}' is not supported: use float or double",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "Tensors hold float ([Tensor] or [Tensor<float>]) or double ([Tensor<double>]) elements. The generator does not extend a type with another element type.");

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        TypeNotPartialId,
        "Tensor type must be partial",
        "'{0}' must be partial for the ShapedTensors generator to extend it",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "The generator adds the tensor's members to the declared type, which it can only do to a partial type.");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        ContainingTypeNotPartialId,
        "Type containing a tensor type must be partial",
        "'{0}' is nested in {1}, which must be partial for the ShapedTensors generator to extend it",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "The generator extends a nested type by re-declaring every type that contains it, which it can only do when they are all partial.");

    public static readonly DiagnosticDescriptor CannotExtend = Create(
        CannotExtendId,
        "The generator cannot extend this type",
        "[Tensor] cannot be used on '{0}': it is {1}",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "The generator turns a non-generic, non-abstract, non-static partial class or struct into a tensor. Records, generic types, static or abstract classes, ref structs, file-local types, interfaces, enums and delegates cannot be tensors.");

    public static readonly DiagnosticDescriptor DuplicateTensorAttribute = Create(
        DuplicateTensorAttributeId,
        "Type declares its shape twice",
        "'{0}' has both [Tensor] and [Tensor<T>]: keep one of them",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "A tensor type has one shape and one element type, so it takes one [Tensor] or [Tensor<T>] attribute.");

    public static readonly DiagnosticDescriptor ReservedMember = Create(
        ReservedMemberId,
        "Tensor type declares a member the generator emits",
        "'{0}' declares '{1}', which the ShapedTensors generator emits for every tensor type and its generated code relies on: remove or rename it",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "The shape constants (Shape, Rank, Length, Dim0, ...), the storage (_elements, Elements), the constructors new T() and T(elements[]), Wrap, AsSpan, AsReadOnlySpan, ToDynamic, As<TOther> and the indexer's Offset are what generated code relies on. The generator does not extend a type that declares one of them. Other members it would emit (ToString, Equals, an indexer, ...) may be written by the user: the generator then leaves its own out.");

    public static readonly DiagnosticDescriptor ReservedNamespace = Create(
        ReservedNamespaceId,
        "Type declared in the generator's namespace",
        "'{0}' is declared in namespace '{1}', where the ShapedTensors generator emits this assembly's result types and kernels: move it to another namespace",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "ShapedTensors.Generated.<Assembly> belongs to the generator: a type declared there can have the name of a result type or kernel it emits, and then neither compiles.");

    public static readonly DiagnosticDescriptor InvalidDimensionName = Create(
        InvalidDimensionNameId,
        "Tensor dimension is not a size or a name",
        "Dimension {0} of '{1}' is {2}, which is neither a size nor a dimension name: use an int, a C# identifier such as \"batch\", or \"?\" for an unknown dimension",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "A dimension of [Tensor(...)] is a known size (an int), the unknown dimension \"?\" (Keras' None), or a name spelled like a C# identifier ([A-Za-z_][A-Za-z0-9_]*), which stands for a size known at run time. The generator does not extend a type with any other dimension.");

    public static readonly DiagnosticDescriptor DimensionPropertyClash = Create(
        DimensionPropertyClashId,
        "Dimension name clashes with a generated member",
        "Dimension {0} of '{1}' is named '{2}', whose size property '{3}' {4}: rename the dimension",
        DeclarationsCategory,
        DiagnosticSeverity.Error,
        "The generator gives each distinct dimension name a property with the name's first letter upper-cased (batch -> Batch) that returns its run-time size. A name whose property would be Shape, StaticShape, Length, Rank, Item or DimN, or the property of another name, cannot have one. The generator does not extend such a type.");

    public static readonly DiagnosticDescriptor InvalidSetting = Create(
        InvalidSettingId,
        "ShapedTensors setting has an invalid value",
        "The MSBuild property '{0}' is '{1}', which is not {2}: the generator uses {3}",
        SettingsCategory,
        DiagnosticSeverity.Warning,
        "ShapedTensorsUnrollBudget takes a positive integer, ShapedTensorsCheckedKernels and ShapedTensorsPublicResultTypes take true or false, ShapedTensorsBatchDot takes Keras224 or TfKeras, ShapedTensorsInlineStorage takes an integer from 0 to 256. A value that is none of these would otherwise be ignored without a word.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description)
        => new(id, title, message, category, severity, isEnabledByDefault: true, description, helpLinkUri: string.Empty);
}
