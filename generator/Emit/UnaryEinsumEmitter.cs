using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The overload of <c>Einsum(equation, a)</c> for one operand type (OPS.md §9, one operand): the equation is a
/// parameter, and the overload switches on the constant equations its call sites use. A permutation of the axes is the
/// runtime's transpose kernel with a constant permutation; anything else (a diagonal, a trace, a sum over some labels) is
/// a loop nest with constant bounds and steps: the output in order, each element the sum over the summed labels of the
/// operand read through the added-up steps of its labels (a repeated label is a diagonal); in a Debug build, the runtime's
/// product with a constant 1 where the labels fit one (EinsumLowering). Any other equation computes
/// through the runtime, which checks its result shape against the return type's. No destination form (SEMANTICS.md §7).
/// </summary>
internal static class UnaryEinsumEmitter
{
    private const string Runtime = "global::ShapedTensors";

    /// <param name="settings">
    /// <c>ShapedTensorsCheckedKernels</c>: the loops read x through the bounds-checked span. A Debug build (the JIT does
    /// not optimize the consumer's code) runs the runtime's precompiled product with a constant 1 where the labels fit one,
    /// as the two-operand overloads do.
    /// </param>
    public static void Write(SourceWriter w, OverloadModel overload, bool inOperands, bool inline, KernelSettings settings)
    {
        var (x, result) = (overload.X, overload.ResultType);
        var element = x.Element.Keyword();
        var summary = $"<c>tf.einsum</c> of shape {PartialCalls.ShapeText(x.Dims, x.DimNames)}: the result has shape {PartialCalls.ShapeText(overload.ResultDims, overload.ResultNames)}.";
        w.Line(inline ? $"/// <summary>{summary} The result is a value (inline storage): nothing is allocated.</summary>" : $"/// <summary>{summary}</summary>");
        using (w.Block($"public static {result} Einsum(string equation, {(inOperands && !x.IsClass ? "in " : string.Empty)}{x.TypeName} a)"))
        {
            if (x.IsClass)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(a);");
            }

            // Every case writes every element of the output, so the storage need not be zeroed first.
            w.Line(inline ? $"var result = new {result}();" : $"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{element}>({result}.Length));");
            w.Line("var xs = a.AsReadOnlySpan();");
            w.Line("var output = result.AsSpan();");
            using (w.Block("switch (equation)"))
            {
                // Equations that come to the same loops (ii->i and jj->j) share one body.
                foreach (var body in overload.Cases.GroupBy(c => string.Join("\n", Body(x, overload.ResultDims, c.Options.Text, settings))))
                {
                    foreach (var c in body)
                    {
                        w.Line($"case {SymbolDisplay.FormatLiteral(c.Options.Text, quote: true)}:");
                    }

                    using (w.Block())
                    {
                        foreach (var line in Body(x, overload.ResultDims, body.First().Options.Text, settings))
                        {
                            w.Line(line);
                        }

                        w.Line("return result;");
                    }
                }
            }

            w.Line();
            w.Line("// Any other equation: the runtime computes and checks it (the result shape must be this overload's).");
            w.Line($"return {result}.FromDynamic({Runtime}.DynamicTensor<{element}>.Einsum(equation, a.ToDynamic()));");
        }
    }

    private static long Length(EquatableArray<int> dims) => dims.Aggregate(1L, (product, d) => product * d);

    // Neighbouring loops that step as one (the outer step is the inner one's times its size) as one loop.
    private static List<(int Size, long Step)> Coalesced(IEnumerable<(int Size, long Step)> loops)
    {
        var result = new List<(int Size, long Step)>();
        foreach (var loop in loops)
        {
            if (result.Count > 0 && result[result.Count - 1] is var (size, step) && step == loop.Step * loop.Size)
            {
                result[result.Count - 1] = (size * loop.Size, loop.Step);
                continue;
            }

            result.Add(loop);
        }

        return result;
    }

    // The statements that compute one accepted equation from xs into output, unindented (a loop nest indents its own).
    private static List<string> Body(OperandModel x, EquatableArray<int> resultDims, string equation, KernelSettings settings)
    {
        var shape = new Shape(x.Dims.ToArray());
        var labels = OperationRules.Einsum(equation, new[] { shape.Static }).Labels!;
        var lowering = EinsumLowering.Create(labels, new[] { shape });
        var operand = labels.Operands[0];
        var output = labels.Output;
        var lines = new List<string>();
        if (lowering.Result.ElementCount == 0)
        {
            return lines;
        }

        // Each label once, in the order the lowering's axes are in (ascending), with its size and its added-up step in x.
        var order = operand.Distinct().OrderBy(label => label).ToList();
        (int Size, long Step) Axis(int label) => (lowering.Axes[order.IndexOf(label)].Size, lowering.Axes[order.IndexOf(label)].XStride);
        if (operand.Distinct().Count() == operand.Length && output.Length == operand.Length)
        {
            // A permutation of the axes (a copy when none moves): the transpose kernel.
            var permutation = output.Select(label => System.Array.IndexOf(operand, label).ToString(CultureInfo.InvariantCulture));
            lines.Add($"{Runtime}.GeneratedCodeSupport.Transpose<{x.Element.Keyword()}>(xs, {x.TypeName}.Shape, [{string.Join(", ", permutation)}], output);");
            return lines;
        }

        // Labels of size 1 need no loop. The summed ones innermost, the largest step outermost; an empty sum is zeros.
        var kept = Coalesced(output.Select(Axis).Where(axis => axis.Size != 1));
        var summed = Coalesced(order.Where(label => System.Array.IndexOf(output, label) < 0).Select(Axis).Where(axis => axis.Size != 1).OrderByDescending(axis => axis.Step));
        if (summed.Exists(axis => axis.Size == 0))
        {
            lines.Add("output.Clear();");
            return lines;
        }

        // A Debug build: the runtime's product with a constant 1 (x of the plan is the 1, its strides 0; y the operand).
        if (!settings.Optimized && lowering.Plan is { } plan)
        {
            lines.Add(RuntimeProduct.Call(PlanModel.From(plan, 1, Length(x.Dims)), x.Element, x.Element == ElementKind.Float32 ? "[1f]" : "[1d]", "xs", "output"));
            return lines;
        }

        // Loop k runs i{k} over x from where the loop around it is, by its label's step: i{k} is where x is read.
        var loops = kept.Concat(summed).ToList();
        var depth = 0;
        string At(int k) => k == 0 ? "0" : $"i{k - 1}";
        void Open(int k)
        {
            var (size, step) = loops[k];
            var end = (size * step).ToString(CultureInfo.InvariantCulture);
            var next = step == 1 ? $"i{k}++" : $"i{k} += {step.ToString(CultureInfo.InvariantCulture)}";
            lines.Add(new string(' ', 4 * depth) + $"for (var i{k} = {At(k)}; i{k} < {(k == 0 ? end : $"{At(k)} + {end}")}; {next})");
            lines.Add(new string(' ', 4 * depth++) + "{");
        }

        void Close(int count)
        {
            for (var i = 0; i < count; i++)
            {
                lines.Add(new string(' ', 4 * --depth) + "}");
            }
        }

        // o: the output element, in order (the only one of a rank-0 or all-1 result). Without checked access, x is read
        // through a reference once the lengths are checked: every offset the loops reach is below x's length.
        var o = kept.Count == 0 ? "0" : "o++";
        if (kept.Count > 0)
        {
            lines.Add("var o = 0;");
        }

        var checkedAccess = settings.CheckedAccess;
        string Read(string at) => checkedAccess ? $"xs[{at}]" : $"global::System.Runtime.CompilerServices.Unsafe.Add(ref x, {at})";
        if (!checkedAccess)
        {
            var (xLength, outLength) = (Length(x.Dims).ToString(CultureInfo.InvariantCulture), Length(resultDims).ToString(CultureInfo.InvariantCulture));
            lines.Add($"global::ShapedTensors.GeneratedCodeSupport.CheckKernelLengths(xs.Length, {xLength}, 0, 0, output.Length, {outLength});");
            lines.Add($"ref {x.Element.Keyword()} x = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(xs);");
        }

        for (var k = 0; k < kept.Count; k++)
        {
            Open(k);
        }

        if (summed.Count == 0)
        {
            lines.Add(new string(' ', 4 * depth) + $"output[{o}] = {Read(At(kept.Count))};");
            Close(kept.Count);
            return lines;
        }

        lines.Add(new string(' ', 4 * depth) + $"{x.Element.Keyword()} sum = 0;");
        for (var k = kept.Count; k < loops.Count; k++)
        {
            Open(k);
        }

        lines.Add(new string(' ', 4 * depth) + $"sum += {Read(At(loops.Count))};");
        Close(summed.Count);
        lines.Add(new string(' ', 4 * depth) + $"output[{o}] = sum;");
        Close(kept.Count);
        return lines;
    }
}
