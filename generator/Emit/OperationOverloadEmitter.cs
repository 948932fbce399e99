using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Emits one operation overload (OPS.md §1–§7): an extension method, or an extension operator (C# 14) in an
/// <c>extension</c> block on its first tensor operand's type. The body is a few lines: allocate the result, call the
/// runtime's kernel (<see cref="OperationEmission"/>) with constant shapes and axes.
/// </summary>
internal static class OperationOverloadEmitter
{
    private static readonly string[] Receiver = { "x" };

    /// <param name="inOperands">Whether struct operands are passed <c>in</c> (the project has inline storage).</param>
    /// <param name="inline">Whether the result stores its elements inline (a value: nothing is allocated).</param>
    /// <param name="fields">For an overload on partially known shapes, the <c>PartialOperation</c> field of each case.</param>
    public static void Emit(SourceWriter w, OperationOverloadModel overload, bool inOperands, bool inline, IReadOnlyList<string>? fields = null)
    {
        var descriptor = overload.Descriptor;
        var names = Receiver.Concat(OptionForms.OperandNames(descriptor)).Take(overload.Operands.Count).ToArray();
        var operands = overload.Operands.Select((operand, i) => $"{(inOperands && !operand.IsClass && !operand.IsScalar ? "in " : string.Empty)}{operand.TypeName} {names[i]}").ToList();
        var shapes = overload.Operands.Select(o => o.IsScalar ? "a scalar" : PartialCalls.ShapeText(o.Dims, o.DimNames)).ToArray();
        var shapeList = shapes.Length == 1 ? "shape " + shapes[0] : "shapes " + string.Join(", ", shapes.Take(shapes.Length - 1)) + " and " + shapes[shapes.Length - 1];
        var summary = $"/// <summary><c>{Escape(descriptor.Python)}</c> of {shapeList}: the result has shape {PartialCalls.ShapeText(overload.ResultDims, overload.ResultNames)}.{(inline ? " The result is a value (inline storage): nothing is allocated." : string.Empty)}</summary>";

        if (overload.Spelling == OperationSpelling.Operator)
        {
            // An extension operator extends one operand's type: the first tensor (the right one of 2f * x).
            var extended = overload.Operands.First(o => !o.IsScalar).TypeName;
            using (w.Block($"extension({extended})"))
            {
                w.Line(summary);
                Body(w, overload, names, inline, fields, $"public static {overload.ResultType} operator {descriptor.Operator}({string.Join(", ", operands)})");
            }

            return;
        }

        operands[0] = "this " + operands[0];
        w.Line(summary);
        Body(w, overload, names, inline, fields, $"public static {overload.ResultType} {descriptor.Name}({string.Join(", ", operands.Concat(OptionParameters(overload)))})");
        if (HasDestinationForm(overload, inline))
        {
            w.Line();
            w.Line(summary.Replace("</summary>", " Writes it into <paramref name=\"destination\"/>.</summary>"));
            var parameters = operands.Concat(OptionParameters(overload, beforeDestination: true)).Append(overload.ResultType + " destination").Concat(OptionParameters(overload, beforeDestination: false));
            OperationDestinations.Body(w, overload, names, fields, $"public static void {descriptor.Name}({string.Join(", ", parameters)})");

            // x.Softmax(destination): an axis with a default may be left out before the destination too, as DynamicTensor's.
            if (descriptor.Options.Count == 1 && descriptor.Options[0] is { Kind: OptionKind.Int, DefaultValue: { } axis } && !OptionForms.IsMarker(overload.OptionForm))
            {
                w.Line();
                w.Line(summary.Replace("</summary>", $" Writes it into <paramref name=\"destination\"/>, along axis {axis}.</summary>"));
                w.Line($"public static void {descriptor.Name}({string.Join(", ", operands)}, {overload.ResultType} destination) => {descriptor.Name}({string.Join(", ", names)}, {axis}, destination);");
            }
        }
    }

    /// <summary>
    /// Whether a method overload also gets a destination form, as <c>DynamicTensor&lt;T&gt;</c>'s operations have: not
    /// for a value result (inline storage: the allocating form allocates nothing) nor for <c>Concatenate</c>, whose
    /// destination a positional call could not tell from a third tensor.
    /// </summary>
    public static bool HasDestinationForm(OperationOverloadModel overload, bool inline)
        => overload.Spelling == OperationSpelling.Method && !inline && overload.Descriptor.Family != OperationFamily.Concatenate;

    private static void Body(SourceWriter w, OperationOverloadModel overload, string[] names, bool inline, IReadOnlyList<string>? fields, string header)
    {
        var t = overload.Element.Keyword();
        var result = overload.ResultType;
        using (w.Block(header))
        {
            WriteNullChecks(w, overload, names);
            if (fields is not null)
            {
                PartialOperations.Body(w, overload, names, inline, fields);
                return;
            }

            // Every kernel writes every element of its output, so the storage need not be zeroed first.
            w.Line(inline ? $"var result = new {result}();" : $"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{t}>({result}.Length));");
            w.Line("var output = result.AsSpan();");
            // One branch per constant set of options used in this namespace; other values (a variable axis) take the
            // run-time path, which checks that the result has this overload's shape.
            WriteCases(w, overload, i => w.Line(OperationEmission.Kernel(overload, overload.Cases[i], names)), $"return {result}.FromDynamic({OperationEmission.RunTime(overload, names)});");
            w.Line("return result;");
        }
    }

    /// <summary>The null checks of the operands whose types are classes, first in every body.</summary>
    public static void WriteNullChecks(SourceWriter w, OperationOverloadModel overload, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (overload.Operands[i].IsClass)
            {
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({names[i]});");
            }
        }
    }

    /// <summary>
    /// The overload's cases: the one case's statements when the operation has no options, else an <c>if</c> per constant
    /// set of options and an <c>else</c> with <paramref name="otherwise"/>, for values that were no constant.
    /// </summary>
    public static void WriteCases(SourceWriter w, OperationOverloadModel overload, System.Action<int> writeCase, string otherwise)
    {
        var conditions = overload.Cases.Select(c => Condition(overload, c.Options)).ToArray();
        if (conditions.Length == 1 && conditions[0] is null)
        {
            writeCase(0);
            return;
        }

        for (var i = 0; i < conditions.Length; i++)
        {
            using (w.Block($"{(i == 0 ? "if" : "else if")} ({conditions[i]})"))
            {
                writeCase(i);
            }
        }

        using (w.Block("else"))
        {
            w.Line(otherwise);
        }
    }

    // The parameters after the operands, as the fallbacks declare them. A destination form, as DynamicTensor<T>'s, puts
    // the destination after the options (with no defaults: Softmax(-1, destination)) and before the flags (keepdims).
    private static IEnumerable<string> OptionParameters(OperationOverloadModel overload, bool? beforeDestination = null)
    {
        foreach (var option in overload.Descriptor.Options)
        {
            if (beforeDestination is { } before && before == (option.Kind == OptionKind.Bool))
            {
                continue;
            }

            var defaultValue = option.DefaultValue is { } value && option.Kind != OptionKind.Axes && beforeDestination != true ? " = " + value : string.Empty;
            switch (option.Kind)
            {
                case OptionKind.Int or OptionKind.Axes when OptionForms.IsMarker(overload.OptionForm):
                    yield return $"global::{OptionMarkers.Namespace}.{overload.OptionForm} {option.Name}";
                    break;
                case OptionKind.Int:
                    yield return $"int {option.Name}{defaultValue}";
                    break;
                case OptionKind.Bool:
                    yield return $"bool {option.Name}{defaultValue}";
                    break;
                case OptionKind.IntList:
                    yield return $"{(beforeDestination is null ? "params " : string.Empty)}int[] {option.Name}";
                    break;
                case OptionKind.Axes when overload.OptionForm == OptionForms.IntAxis:
                    yield return $"int {option.Name}";
                    break;
                case OptionKind.Axes when overload.OptionForm == OptionForms.AxisList:
                    yield return $"int[] {option.Name}";
                    break;
            }
        }
    }

    // The test that the parameters hold one case's constants, or null when the operation has no options.
    public static string? Condition(OperationOverloadModel overload, OperationOptions options)
    {
        var tests = new List<string>();
        foreach (var option in overload.Descriptor.Options)
        {
            switch (option.Kind)
            {
                case OptionKind.Int or OptionKind.Axes when OptionForms.IsMarker(overload.OptionForm):
                    break; // the parameter's type is the value
                case OptionKind.Int:
                    tests.Add($"{option.Name} == {OperationEmission.Int(options.Axis)}");
                    break;
                case OptionKind.Bool:
                    tests.Add(options.KeepDims ? option.Name : "!" + option.Name);
                    break;
                case OptionKind.IntList:
                case OptionKind.Axes when overload.OptionForm == OptionForms.AxisList:
                    tests.Add($"{option.Name} is {OperationEmission.List(options.Values!)}");
                    break;
                case OptionKind.Axes when overload.OptionForm == OptionForms.IntAxis:
                    tests.Add($"{option.Name} == {OperationEmission.Int(options.Values![0])}");
                    break;
            }
        }

        return tests.Count == 0 ? null : string.Join(" && ", tests);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
