using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ShapedTensors.Analyzers.Calls;

/// <summary>
/// A call left to the fallback because another call on the same operand types has options that give another result
/// shape can spell its options as a marker (<c>Axis.At1</c>, <c>Transpose.A</c>): a marker is a parameter type, so it
/// gets an overload, and a result type, of its own. This finds the marker and the arguments it replaces, for ST0003's
/// text and its code fix (<see cref="DiagnosticProperties.MarkerFix"/>).
/// </summary>
internal sealed class MarkerSpelling
{
    private MarkerSpelling(string marker, IReadOnlyList<IArgumentOperation> arguments)
    {
        Marker = marker;
        Arguments = arguments;
    }

    /// <summary>How the user writes the marker: <c>Axis.At1</c>, <c>Transpose.A</c>.</summary>
    public string Marker { get; }

    /// <summary>The option arguments as written, which the marker replaces (the first one) or makes redundant (the rest).</summary>
    public IReadOnlyList<IArgumentOperation> Arguments { get; }

    /// <summary>For an operation whose one axis is an int written in the call (not already a marker), with a marker for its value.</summary>
    public static MarkerSpelling? For(OperationCall call)
    {
        if (call.Invocation is not { } invocation || call.Options is not { } options)
        {
            return null;
        }

        var axis = invocation.Arguments.FirstOrDefault(a => a.Parameter is { Name: "axis", Type.SpecialType: SpecialType.System_Int32 } && a.ArgumentKind == ArgumentKind.Explicit);
        var value = call.Operation.Family == OperationFamily.Reduction ? (options.AxesGivenAsInt ? options.Values![0] : (int?)null) : options.Axis;
        return axis is not null && value is { } v && OptionMarkers.AxisValue(v) is { } marker
            ? new MarkerSpelling(marker, new[] { axis })
            : null;
    }

    /// <summary>For a <c>MatMul</c> with a transpose flag written true (its marker replaces every written flag).</summary>
    public static MarkerSpelling? For(TensorCall call)
    {
        var written = new[] { call.TransposeA, call.TransposeB }.Where(a => a is { ArgumentKind: ArgumentKind.Explicit }).Select(a => a!).ToList();
        return written.Count > 0 && call.ReadFlags(out var a, out var b) && OptionMarkers.TransposeValue(a, b) is { } marker
            ? new MarkerSpelling(marker, written)
            : null;
    }

    /// <summary>No additional locations or properties: ST0003 without a code fix.</summary>
    public static readonly (IEnumerable<Location> Locations, ImmutableDictionary<string, string?> Properties) NoFix = (System.Array.Empty<Location>(), ImmutableDictionary<string, string?>.Empty);

    /// <summary>ST0003's advice to this call.</summary>
    public string Advice => $"write the option as the marker {Marker}, which gets an overload and a result type of its own";

    /// <summary>The advice where neither markers nor a result-type form help: another type for one of the operands.</summary>
    public const string OwnType = "give one of them operands of another [Tensor] type of the same shape";

    /// <summary>
    /// The advice where markers do not help (the same axis with and without keepdims, Reshape's shape,
    /// PermuteDimensions' pattern, BatchDot's axes): the call names its result type (<c>x.Sum&lt;R&gt;(1, keepdims: true)</c>).
    /// </summary>
    /// <param name="operation">The call's operation.</param>
    /// <param name="result">The call's result shape.</param>
    /// <param name="axisMarker">Whether the call writes its axis as a marker, which the result-type forms do not take.</param>
    public static string ResultTypeAdvice(OperationDescriptor operation, StaticShape result, bool axisMarker = false)
    {
        if (!ResultTypeText.Operations.Contains(operation.Name) || !result.IsFullyKnown || result.Rank == 0)
        {
            return OwnType;
        }

        var declaration = $"[Tensor({string.Join(", ", result.ToShape().ToArray())})] partial struct R";
        var arguments = axisMarker ? "the axis as an int" : "the same arguments";
        return operation == OperationCatalog.Reshape
            ? $"name its result type instead: 'Reshape<R>()' with {declaration} reshapes into R's shape and returns an R, whatever the other call gives"
            : $"name its result type: '{operation.Name}<R>(…)' with {arguments} and {declaration} returns an R, whatever the other call gives";
    }

    /// <summary>Whether the call writes an option as a marker (<c>x.Sum(Axis.At1, keepdims: true)</c>).</summary>
    public static bool HasMarker(IInvocationOperation invocation) => invocation.Arguments.Any(a => OptionConstants.IsMarker(a.Value));

    /// <summary>
    /// The code fix of <see cref="ResultTypeAdvice"/> (<see cref="DiagnosticProperties.ResultTypeFix"/>): the method's
    /// name, which becomes <c>Sum&lt;Tensor1x10&gt;</c>, and the type; null where the advice is not the result-type form.
    /// </summary>
    public static (IEnumerable<Location> Locations, ImmutableDictionary<string, string?> Properties)? ResultTypeFix(IInvocationOperation invocation, OperationDescriptor operation, StaticShape result)
    {
        var element = invocation.TargetMethod.TypeArguments.FirstOrDefault()?.SpecialType;
        if (ResultTypeAdvice(operation, result) == OwnType
            || HasMarker(invocation)
            || element is not (SpecialType.System_Single or SpecialType.System_Double)
            || invocation.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name } })
        {
            return null;
        }

        var dims = result.ToShape().ToArray();
        var attribute = (element == SpecialType.System_Double ? "Tensor<double>(" : "Tensor(") + string.Join(", ", dims) + ")";
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.ResultTypeFix, "Tensor" + string.Join("x", dims))
            .Add(DiagnosticProperties.ResultTypeAttribute, attribute);
        return (new[] { name.GetLocation() }, properties);
    }

    /// <summary>The advice when no marker spells this call's options: the other call's may have one, or this call names its result type.</summary>
    public static string OtherAdvice(OperationDescriptor operation, StaticShape result)
    {
        var markers = operation == OperationCatalog.MatMul ? "flags as a marker (Transpose.A, Transpose.B or Transpose.Both)"
            : operation.Options.Any(o => o.Name == "axis" && o.Kind is OptionKind.Int or OptionKind.Axes) ? "axis as a marker (Axis.At0 to Axis.At7, or Axis.Last)"
            : null;
        var own = ResultTypeAdvice(operation, result);
        return markers is null ? own : $"write the other call's {markers}, which gets an overload and a result type of its own, or {own}";
    }

    /// <summary>The diagnostic's additional locations (the arguments to replace) and properties for the code fix.</summary>
    public (IEnumerable<Location> Locations, ImmutableDictionary<string, string?> Properties) Fix()
        => (Arguments.Select(a => a.Syntax.GetLocation()), ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.MarkerFix, Marker));
}
