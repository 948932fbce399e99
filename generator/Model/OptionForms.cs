using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Generator.Parsing;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// The parameter lists of the non-contraction operations, as the run-time fallbacks spell them: the names of the
/// tensor operands after the receiver, and which of the reductions' three overloads a call uses.
/// </summary>
internal static class OptionForms
{
    /// <summary>A reduction without axes: <c>x.Sum()</c>, <c>x.Sum(keepdims: true)</c>.</summary>
    public const string NoAxes = "";

    /// <summary>A reduction over one axis: <c>x.Sum(1)</c>.</summary>
    public const string IntAxis = "int";

    /// <summary>A reduction over a list of axes: <c>x.Sum(new[] { 0, 1 })</c>, <c>x.Sum([0, 1])</c>.</summary>
    public const string AxisList = "int[]";

    private static readonly string[] Broadcast = { "y" };
    private static readonly string[] Bias = { "bias" };
    private static readonly string[] Joined = { "y", "z", "w" };
    private static readonly string[] None = System.Array.Empty<string>();

    /// <summary>The parameter names of the tensor operands after the receiver (up to four tensors for <c>Concatenate</c>).</summary>
    public static IReadOnlyList<string> OperandNames(OperationDescriptor operation)
        => operation.Operands == 0 ? Joined : operation.Operands == 1 ? None : operation == OperationCatalog.BiasAdd ? Bias : Broadcast;

    /// <summary>
    /// The form of a call's options: an axis given as a marker (<c>Axis.At1</c>) is its type's name (<c>Axis1</c>), the
    /// overload's parameter type; else <see cref="NoAxes"/>, <see cref="IntAxis"/> or <see cref="AxisList"/> for a
    /// reduction, and <see cref="NoAxes"/> for every other operation.
    /// </summary>
    /// <param name="given">The argument expressions of each option, null where it is omitted.</param>
    public static string Of(OperationDescriptor operation, IReadOnlyList<List<ExpressionSyntax>?> given, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var i = 0; i < operation.Options.Count; i++)
        {
            if (operation.Options[i].Kind is OptionKind.Axes or OptionKind.Int && OptionReader.Single(given[i]) is { } axis
                && CallParser.Marker(axis, model, cancellationToken) is { } marker && OptionMarkers.Axis(marker) is not null)
            {
                return marker;
            }
        }

        for (var i = 0; i < operation.Options.Count; i++)
        {
            if (operation.Options[i].Kind == OptionKind.Axes && OptionReader.Single(given[i]) is { } axes)
            {
                return OptionReader.IsList(axes) || !CallParser.IsOfType(axes, SpecialType.System_Int32, model, cancellationToken) ? AxisList : IntAxis;
            }
        }

        return NoAxes;
    }

    /// <summary>Whether a form is an axis marker's type: its overload takes that type, and has that axis.</summary>
    public static bool IsMarker(string form) => OptionMarkers.Axis(form) is not null;
}
