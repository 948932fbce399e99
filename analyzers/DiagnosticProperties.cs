namespace ShapedTensors.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> through which the analyzers tell the code
/// fixes what would repair a call; the analyzers check each candidate with the shape algebra, so the fixes
/// only edit syntax.
/// </summary>
/// <remarks>
/// An ST0001 diagnostic also carries, as <see cref="Microsoft.CodeAnalysis.Diagnostic.AdditionalLocations"/>, the
/// receiver expression (<see cref="ReceiverLocation"/>), the right operand's argument
/// (<see cref="RightArgumentLocation"/>) and then every transpose flag argument the user wrote.
/// </remarks>
internal static class DiagnosticProperties
{
    /// <summary>Index in the additional locations of the receiver (left operand) expression.</summary>
    public const int ReceiverLocation = 0;

    /// <summary>Index in the additional locations of the right operand's argument.</summary>
    public const int RightArgumentLocation = 1;

    /// <summary>Index in the additional locations of the first written transpose flag argument (all after it are flags too).</summary>
    public const int FirstFlagLocation = 2;

    /// <summary>
    /// On ST0001 for <c>MatMul</c>: the transpose flags that make the call valid, as <c>"TF;TT"</c> (one
    /// <c>T</c>/<c>F</c> pair per working combination of <c>transposeA</c>, <c>transposeB</c>); absent when none does.
    /// </summary>
    public const string TransposeFixes = "ShapedTensors.TransposeFixes";

    /// <summary>On ST0001 for <c>Dot</c> or <c>MatMul</c>: present (<c>"true"</c>) when swapping the operands makes the call valid.</summary>
    public const string SwapFix = "ShapedTensors.SwapFix";

    /// <summary>
    /// On ST0008: the explicit <c>BatchDot</c> axes that give the call's result under both batch_dot semantics, as
    /// <c>"1,2"</c>; absent when none do. The diagnostic's additional locations are then the right operand's argument
    /// and, when the call has one, its axes argument.
    /// </summary>
    public const string PortableAxes = "ShapedTensors.PortableAxes";

    /// <summary>
    /// On ST0001 for a broadcast (the operators <c>+ - * /</c>, <c>Add</c>…<c>Minimum</c>, <c>BiasAdd</c>): the
    /// <c>ExpandDims</c> calls that make it valid, best first, as <c>"1:-1;0:0"</c> (operand index, then axis). The
    /// diagnostic's additional locations are then each operand's expression, in that order.
    /// </summary>
    public const string AxisInsertions = "ShapedTensors.AxisInsertions";

    /// <summary>
    /// On ST0003 for a call left to the fallback by another call's option-dependent result: the marker that gives it an
    /// overload of its own (<c>"Axis.At1"</c>, <c>"Transpose.A"</c>). The diagnostic's additional locations are then the
    /// option arguments it replaces: the first becomes the marker, the others are removed.
    /// </summary>
    public const string MarkerFix = "ShapedTensors.MarkerFix";

    /// <summary>
    /// On ST0003 for a call whose conflict no marker of its own resolves (the same axis with and without keepdims,
    /// Reshape's shape, PermuteDimensions' pattern, BatchDot's axes): the tensor type to name as its result, as
    /// <c>"Tensor1x10"</c>; <see cref="ResultTypeAttribute"/> declares it where no such type is in scope. The diagnostic's
    /// additional location is then the method's name, which becomes <c>Sum&lt;Tensor1x10&gt;</c>.
    /// </summary>
    public const string ResultTypeFix = "ShapedTensors.ResultTypeFix";

    /// <summary>With <see cref="ResultTypeFix"/>: the attribute that declares the type, <c>"Tensor(1, 10)"</c> or <c>"Tensor&lt;double&gt;(1, 10)"</c>.</summary>
    public const string ResultTypeAttribute = "ShapedTensors.ResultTypeAttribute";

    /// <summary>Encodes one <see cref="AxisInsertions"/> edit: <c>"1:-1"</c> is the second operand's <c>ExpandDims(-1)</c>.</summary>
    public static string EncodeInsertion(int operand, int axis)
        => operand.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + axis.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Encodes BatchDot axes for <see cref="PortableAxes"/>: <c>"1,2"</c>.</summary>
    public static string EncodeAxes(int axisX, int axisY)
        => axisX.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + axisY.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Encodes one transpose combination: <c>"TF"</c> is transposeA: true, transposeB: false.</summary>
    public static string EncodeFlags(bool transposeA, bool transposeB) => (transposeA ? "T" : "F") + (transposeB ? "T" : "F");
}
