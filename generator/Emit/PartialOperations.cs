using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The parts of an operation overload on partially known shapes (PARTIAL_SHAPES.md) that differ from one on fully known
/// shapes, the counterpart of <see cref="PartialCalls"/>: each constant set of options has a <c>PartialOperation</c>
/// field, built once from the static shapes, whose <c>Check</c> makes TensorFlow's kernel check and the name binding on
/// the run-time shapes and gives the result's run-time shape (cached, so a loop allocates only its results); the
/// kernel then runs on the run-time shapes.
/// </summary>
internal static class PartialOperations
{
    private const string Runtime = "global::ShapedTensors";

    /// <summary>The field of one case: <c>private static readonly PartialOperation Partial0 = PartialOperation.Create("Add", ...);</c>.</summary>
    public static string Field(string name, OperationOverloadModel overload, OperationOptions options)
    {
        var values = options.Values is { } list ? "new int[] { " + string.Join(", ", list.Select(OperationEmission.Int)) + " }" : "null";
        var shapes = string.Join(", ", overload.Operands.Select(PartialCalls.StaticShape));
        return $"private static readonly {Runtime}.PartialOperation {name} = {Runtime}.PartialOperation.Create(\"{overload.Operation}\", {OperationEmission.Int(options.Axis)}, {values}, {PartialCalls.Bool(options.AxesGivenAsInt)}, {PartialCalls.Bool(options.KeepDims)}, {shapes});";
    }

    /// <summary>
    /// The body after the null checks: per case, the check (its result shape when the result has sizes known only at run
    /// time), the result, the kernel on the run-time shapes; options that were no constant compute through the run-time
    /// fallback, which checks that the result has this overload's static shape.
    /// </summary>
    public static void Body(SourceWriter w, OperationOverloadModel overload, IReadOnlyList<string> names, bool inline, IReadOnlyList<string> fields)
    {
        var conditions = overload.Cases.Select(c => OperationOverloadEmitter.Condition(overload, c.Options)).ToArray();
        if (conditions.Length == 1 && conditions[0] is null)
        {
            Case(w, overload, 0, names, inline, fields[0]);
            return;
        }

        for (var i = 0; i < conditions.Length; i++)
        {
            using (w.Block($"if ({conditions[i]})"))
            {
                Case(w, overload, i, names, inline, fields[i]);
            }
        }

        w.Line($"return {overload.ResultType}.FromDynamic({OperationEmission.RunTime(overload, names)});");
    }

    // One case: check, allocate (every kernel writes every element, so the storage need not be zeroed), compute.
    private static void Case(SourceWriter w, OperationOverloadModel overload, int index, IReadOnlyList<string> names, bool inline, string field)
    {
        var check = $"{field}.Check({string.Join(", ", overload.Operands.Select((operand, i) => OperationEmission.Shape(operand, names[i])))})";
        var result = overload.ResultType;
        var t = overload.Element.Keyword();
        if (overload.ResultNames.Count > 0)
        {
            w.Line($"var resultShape = {check};");
            w.Line($"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{t}>((int)resultShape.ElementCount), resultShape);");
        }
        else
        {
            w.Line(check + ";");
            w.Line(inline ? $"var result = new {result}();" : $"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{t}>({result}.Length));");
        }

        w.Line("var output = result.AsSpan();");
        w.Line(OperationEmission.Kernel(overload, overload.Cases[index], names));
        w.Line("return result;");
    }
}
