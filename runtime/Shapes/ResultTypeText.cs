// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ShapedTensors;

/// <summary>
/// The result-type forms (<c>x.Sum&lt;T41&gt;(1, keepdims: true)</c>, <c>x.Reshape&lt;Flat&gt;()</c>), whose result
/// is the tensor type the call names: the text when the rule's result shape is not that type's, which the analyzer
/// reports (ST0011) and the runtime throws, word for word.
/// </summary>
internal static class ResultTypeText
{
    /// <summary>
    /// The operations that have a result-type form: every reduction of the catalogue (runtime/Surface writes their
    /// forms) and <c>Reshape</c>, <c>PermuteDimensions</c>, <c>BatchDot</c> (hand-written), in catalogue order.
    /// </summary>
    public static readonly IReadOnlyList<string> Operations = OperationCatalog.All
        .Where(operation => operation.Family == OperationFamily.Reduction
            || operation == OperationCatalog.Reshape || operation == OperationCatalog.PermuteDimensions || operation == OperationCatalog.BatchDot)
        .Select(operation => operation.Name)
        .ToArray();

    /// <summary>Whether a result of static shape <paramref name="result"/> may have the named type's <paramref name="declared"/> shape.</summary>
    public static bool MayBe(StaticShape result, Shape declared) => result.Admits(declared);

    /// <summary><c>Sum(axis: 1, keepdims: true) of (4, 5) has shape (4, 1), not Flat's (4, 5).</c></summary>
    public static string Mismatch(string call, StaticShape result, string typeName, Shape declared, params StaticShape[] operands)
        => $"{call} of {string.Join(" and ", operands.Select(o => o.ToString()))} has shape {result}, not {typeName}'s {declared}.";

    /// <summary>How the text writes a call of a reduction or <c>PermuteDimensions</c>: <c>Sum(axis: 1, keepdims: true)</c>, <c>PermuteDimensions(pattern: [1, 0])</c>.</summary>
    public static string Call(OperationDescriptor operation, OperationOptions options)
    {
        var arguments = new List<string>(2);
        if (operation.Family == OperationFamily.Reduction)
        {
            if (options.Values is { } axes)
            {
                arguments.Add("axis: " + (options.AxesGivenAsInt ? Number(axes[0]) : List(axes)));
            }

            if (options.KeepDims)
            {
                arguments.Add("keepdims: true");
            }
        }
        else if (options.Values is { } values)
        {
            arguments.Add(operation.Options[0].Name + ": " + List(values));
        }

        return operation.Name + "(" + string.Join(", ", arguments) + ")";
    }

    /// <summary>How the text writes a <c>BatchDot</c> call: <c>BatchDot(axes: 1)</c>, <c>BatchDot(axes: (1, 2))</c>.</summary>
    public static string BatchDot(int axisX, int axisY, bool pair)
        => "BatchDot(axes: " + (pair ? "(" + Number(axisX) + ", " + Number(axisY) + ")" : Number(axisX)) + ")";

    private static string List(int[] values) => "[" + string.Join(", ", values.Select(Number)) + "]";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
