namespace ShapedTensors.Generator.Model;

/// <summary>The three operations.</summary>
internal enum Operation
{
    Dot,
    BatchDot,
    MatMul,
    Einsum,
    TensorDot,
}

/// <summary>Which overload shape a call uses; one overload is emitted per (signature, operand types).</summary>
internal enum Signature
{
    /// <summary><c>x.Dot(y)</c>.</summary>
    Dot,

    /// <summary><c>x.BatchDot(y)</c>, default axes.</summary>
    BatchDotDefault,

    /// <summary><c>x.BatchDot(y, axes)</c> with an int.</summary>
    BatchDotInt,

    /// <summary><c>x.BatchDot(y, (a, b))</c>.</summary>
    BatchDotPair,

    /// <summary><c>x.MatMul(y, transposeA: .., transposeB: ..)</c>.</summary>
    MatMul,

    /// <summary><c>x.MatMul(y, Transpose.A)</c>: the flags are the marker's type, one overload per marker.</summary>
    MatMulMarker,

    /// <summary><c>Einsum(equation, a, b)</c>: a static method (<c>using static</c>), the equation its option.</summary>
    Einsum,

    /// <summary>
    /// <c>Einsum(equation, a)</c>: one operand (a transpose, diagonal, trace or sum), a static method like
    /// <see cref="Einsum"/>; its call's <c>Y</c> is its <c>X</c> (there is no second operand).
    /// </summary>
    EinsumOne,

    /// <summary><c>x.TensorDot(y, axes)</c> with an int count.</summary>
    TensorDotInt,

    /// <summary><c>x.TensorDot(y, (a, b))</c>: one axis of each.</summary>
    TensorDotPair,

    /// <summary><c>x.TensorDot(y, ([a0, ...], [b0, ...]))</c>: two lists of axes.</summary>
    TensorDotLists,
}

/// <summary>An operand whose shape the generator knows, and the type it has in the final compilation.</summary>
/// <param name="TypeName">The fully qualified type name (<c>global::...</c>).</param>
/// <param name="IsClass">Whether the type is a class (so a null argument must be checked).</param>
internal sealed record OperandModel(string TypeName, EquatableArray<int> Dims, ElementKind Element, bool IsClass)
{
    /// <summary>Empty when every size is known; else the dimensions' names (see <see cref="DimsModel"/>).</summary>
    public EquatableArray<string> DimNames { get; init; } = EquatableArray<string>.Empty;

    public bool IsPartial => DimNames.Count > 0;

    /// <summary>Whether this is a scalar of the element type (<c>x * 2f</c>), not a tensor: its <see cref="TypeName"/> is the keyword.</summary>
    public bool IsScalar { get; init; }

    /// <summary>A scalar operand of an elementwise operation: a rank-0 value of the element type.</summary>
    public static OperandModel Scalar(ElementKind element) => new(element.Keyword(), EquatableArray<int>.Empty, element, IsClass: false) { IsScalar = true };

    /// <summary>The shape as the shape algebra sees it.</summary>
    public StaticShape ToStatic() => DimsModel.ToStatic(Dims, DimNames);
}

/// <summary>The constant options of a call: BatchDot's axes, MatMul's transpose flags.</summary>
internal sealed record CallOptions(int AxisX, int AxisY, bool TransposeA, bool TransposeB)
{
    public static CallOptions None { get; } = new(0, 0, false, false);

    /// <summary>Einsum's equation, or TensorDot's axes as the runtime spells them (<c>2</c>, <c>[[1,2],[0,1]]</c>); else empty.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>
    /// Whether the kernel of an einsum or tensordot takes the operands the other way round (its lowering swapped
    /// them so that the output's innermost label is the product's columns, see <c>EinsumLowering.Swapped</c>).
    /// </summary>
    public bool Swapped { get; init; }
}

/// <summary>
/// One call site of <c>Dot</c>, <c>BatchDot</c> or <c>MatMul</c> whose operand shapes and options are known
/// at compile time and compatible.
/// </summary>
/// <param name="Plan">
/// How the result is computed: the kernel's key. For a call on partially known shapes, the layout of a kernel with a
/// run-time count of products, or null when the runtime's product computes every such call.
/// </param>
/// <param name="Semantics">The <c>batch_dot</c> the project selects; <see cref="BatchDotSemantics.Keras224"/> for Dot and MatMul, which it does not affect.</param>
/// <param name="Namespace">The namespace enclosing the call (empty for the global namespace): the overload goes there.</param>
/// <param name="Site">
/// Where the call is (file, start, length): each generated file is emitted on behalf of one call site that
/// needs it, so that an edit to one call changes only the outputs that call owns.
/// </param>
internal sealed record CallModel(
    Signature Signature,
    OperandModel X,
    OperandModel Y,
    CallOptions Options,
    EquatableArray<int> ResultDims,
    PlanModel? Plan,
    BatchDotSemantics Semantics,
    string Namespace,
    string Site)
{
    public Operation Operation => Signature.Operation();

    /// <summary>Empty when the result is fully known; else its dimensions' names (see <see cref="DimsModel"/>).</summary>
    public EquatableArray<string> ResultNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether an operand has sizes known only at run time: the call checks them, and plans, at run time.</summary>
    public bool IsPartial => X.IsPartial || Y.IsPartial;
}

/// <summary>
/// A call site evaluated under each <see cref="BatchDotSemantics"/> (the syntax step cannot see the MSBuild property;
/// a later step picks one). Both are the same object when no BatchDot decides a shape in the call or its operands.
/// </summary>
internal sealed record CallVariants<TCall>(TCall? Keras224, TCall? TfKeras)
    where TCall : class
{
    public TCall? For(BatchDotSemantics semantics) => semantics == BatchDotSemantics.TfKeras ? TfKeras : Keras224;
}

internal static class SignatureExtensions
{
    /// <summary>The operation a signature calls.</summary>
    public static Operation Operation(this Signature signature) => signature switch
    {
        Signature.Dot => Model.Operation.Dot,
        Signature.MatMul or Signature.MatMulMarker => Model.Operation.MatMul,
        Signature.Einsum or Signature.EinsumOne => Model.Operation.Einsum,
        Signature.TensorDotInt or Signature.TensorDotPair or Signature.TensorDotLists => Model.Operation.TensorDot,
        _ => Model.Operation.BatchDot,
    };

    /// <summary>Whether a signature is an einsum, of one operand or two (a static method of the generated einsum class).</summary>
    public static bool IsEinsum(this Signature signature) => signature is Signature.Einsum or Signature.EinsumOne;

    /// <summary>Whether a signature is an einsum or a tensordot (lowered through <c>EinsumLowering</c>).</summary>
    public static bool IsLabelled(this Signature signature) => signature.Operation() is Model.Operation.Einsum or Model.Operation.TensorDot;
}
