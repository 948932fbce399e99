using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The destination form of an operation overload (<c>x.Relu(destination)</c>, <c>x.Sum(1, destination)</c>), as
/// <c>DynamicTensor&lt;T&gt;</c>'s operations have: the same kernel call as the allocating form, into the destination's
/// storage, so a loop allocates nothing. Element-by-element operations and copies may write into an operand (in place);
/// transposes and reductions read their operand after writing, so they refuse a destination that is one.
/// </summary>
internal static class OperationDestinations
{
    private const string Support = "global::ShapedTensors.GeneratedCodeSupport";

    /// <param name="fields">For an overload on partially known shapes, the <c>PartialOperation</c> field of each case.</param>
    public static void Body(SourceWriter w, OperationOverloadModel overload, IReadOnlyList<string> names, IReadOnlyList<string>? fields, string header)
    {
        using (w.Block(header))
        {
            OperationOverloadEmitter.WriteNullChecks(w, overload, names);

            // Read once (a default struct throws here) for the checks and the kernel.
            w.Line("var output = destination.AsSpan();");
            if (overload.Descriptor.Family is OperationFamily.Transpose or OperationFamily.Reduction)
            {
                w.Line($"{Support}.CheckNotSameStorage<{overload.Element.Keyword()}>(output, {names[0]}.AsReadOnlySpan(), default, nameof(destination));");
            }

            // Options that were no constant: DynamicTensor's destination form checks the shapes and writes the storage.
            OperationOverloadEmitter.WriteCases(w, overload, i => Case(w, overload, i, names, fields), OperationEmission.RunTimeInto(overload, names));
        }
    }

    // One case: on partially known shapes, the kernel check (and the destination's shape, where the result's sizes are
    // known only at run time); then the kernel.
    private static void Case(SourceWriter w, OperationOverloadModel overload, int index, IReadOnlyList<string> names, IReadOnlyList<string>? fields)
    {
        if (fields is not null)
        {
            var shapes = overload.Operands.Select((operand, i) => OperationEmission.Shape(operand, names[i])).ToList();
            var check = $"{fields[index]}.Check({string.Join(", ", shapes)})";
            if (overload.ResultNames.Count > 0)
            {
                w.Line($"var resultShape = {check};");
                w.Line($"{Support}.CheckDestination(\"{overload.Descriptor.Name}\", destination.Shape, resultShape, {string.Join(", ", shapes)});");
            }
            else
            {
                w.Line(check + ";");
            }
        }

        w.Line(OperationEmission.Kernel(overload, overload.Cases[index], names));
    }
}
