using System.Linq;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// Emits the specialized extension methods of one calling namespace. They live in that namespace so C#
/// finds them before the generic run-time fallbacks that <c>using ShapedTensors;</c> brings in.
/// </summary>
internal static class OperationsEmitter
{
    private const string Runtime = "global::ShapedTensors";

    /// <param name="inlineStorage">The project's inline storage limit: results of at most that many elements are values (see <see cref="InlineStorage"/>).</param>
    public static string Emit(OperationsModel model, KernelSettings settings, int inlineStorage)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        var einsums = model.Overloads.Where(overload => overload.Signature.IsEinsum()).ToList();
        if (einsums.Count > 0)
        {
            // Using directives come before any namespace; this one makes unqualified Einsum(...) calls in every file see
            // the specialized overloads beside TensorMath's (exact operand types beat its generic fallbacks).
            writer.Line($"global using static global::{model.GeneratedNamespace}.{Names.EinsumClass};");
            writer.Line();
        }

        SourceWriter.Scope? namespaceScope = null;
        if (model.Namespace.Length > 0)
        {
            writer.Line($"namespace {Names.Qualified(model.Namespace)}");
            namespaceScope = writer.Block();
        }

        if (einsums.Count > 0)
        {
            WriteEinsums(writer, einsums, model.GeneratedNamespace, settings, inlineStorage);
            if (einsums.Count == model.Overloads.Count && model.Operations.Count == 0)
            {
                namespaceScope?.Dispose();
                return writer.ToString();
            }

            writer.Line();
        }

        writer.Line(model.Operations.Count == 0
            ? "/// <summary><c>Dot</c>, <c>BatchDot</c> and <c>MatMul</c> specialized for the shapes the code in this namespace uses.</summary>"
            : "/// <summary>The tensor operations specialized for the shapes the code in this namespace uses.</summary>");
        writer.Line(Names.GeneratedCodeAttribute);
        writer.Line("[global::Microsoft.CodeAnalysis.Embedded] // no other compilation sees these overloads, even through InternalsVisibleTo");
        using (writer.Block($"internal static partial class {Names.OperationsClass}"))
        {
            var first = true;
            var fields = 0;
            foreach (var overload in model.Overloads.Where(overload => !overload.Signature.IsEinsum()))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;

                // A call on partially known shapes checks and plans through one field per constant set of options.
                var contractions = overload.IsPartial ? overload.Cases.Select(_ => "Partial" + (fields++).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() : null;
                for (var i = 0; i < (contractions?.Length ?? 0); i++)
                {
                    writer.Line(PartialCalls.Field(contractions![i], overload, overload.Cases[i].Options));
                }

                var inline = overload.ResultNames.Count == 0 && InlineStorage.Holds(overload.ResultDims, inlineStorage);
                if (overload.Signature.IsLabelled())
                {
                    LabelledOverloadEmitter.Write(writer, overload, model.GeneratedNamespace, settings, inlineStorage > 0, inline, contractions);
                    continue;
                }

                WriteOverload(writer, overload, contractions, model.GeneratedNamespace, settings, inlineStorage > 0, inline);
            }

            foreach (var operation in model.Operations)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;

                // An operation on partially known shapes checks its run-time shapes through one field per constant set of options.
                var checks = operation.IsPartial ? operation.Cases.Select(_ => "Partial" + (fields++).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() : null;
                foreach (var (check, i) in (checks ?? System.Array.Empty<string>()).Select((check, i) => (check, i)))
                {
                    writer.Line(PartialOperations.Field(check, operation, operation.Cases[i].Options));
                }

                OperationOverloadEmitter.Emit(writer, operation, inlineStorage > 0, operation.ResultNames.Count == 0 && InlineStorage.Holds(operation.ResultDims, inlineStorage), checks);
            }
        }

        namespaceScope?.Dispose();
        return writer.ToString();
    }

    // The Einsum overloads: static methods of their own class, which the file's global using static brings into scope.
    private static void WriteEinsums(SourceWriter writer, System.Collections.Generic.List<OverloadModel> einsums, string generatedNamespace, KernelSettings settings, int inlineStorage)
    {
        writer.Line("/// <summary><c>Einsum</c> specialized for the equations and shapes the code of this assembly uses.</summary>");
        writer.Line(Names.GeneratedCodeAttribute);
        writer.Line("[global::Microsoft.CodeAnalysis.Embedded] // no other compilation sees these overloads, even through InternalsVisibleTo");
        using (writer.Block($"internal static partial class {Names.EinsumClass}"))
        {
            var fields = 0;
            for (var i = 0; i < einsums.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                // On partially known shapes, one PartialEinsum field per constant equation, as for the contractions.
                var overload = einsums[i];
                var checks = overload.IsPartial ? overload.Cases.Select(_ => "Partial" + (fields++).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() : null;
                for (var j = 0; j < (checks?.Length ?? 0); j++)
                {
                    writer.Line(PartialCalls.Field(checks![j], overload, overload.Cases[j].Options));
                }

                var inline = overload.ResultNames.Count == 0 && InlineStorage.Holds(overload.ResultDims, inlineStorage);
                LabelledOverloadEmitter.Write(writer, overload, generatedNamespace, settings, inlineStorage > 0, inline, checks);
            }
        }
    }

    // A result with inline storage is a value: the allocating form fills a local and returns it (nothing on the heap), and
    // the destination form takes the destination by ref, since a copy of it would receive the result. In a project with
    // inline storage, struct operands are `in`: copying a 4x4 value into each call costs more than the product (the
    // copies and their store-to-load forwarding: 15 ns against 3.5 ns for 4x4); an array-backed struct is then passed
    // as a reference to its reference.
    // contractions: the PartialContraction field of each case of an overload on partially known shapes, else null.
    private static void WriteOverload(SourceWriter w, OverloadModel overload, string[]? contractions, string generatedNamespace, KernelSettings settings, bool inOperands, bool inline)
    {
        var x = overload.X;
        var y = overload.Y;
        var result = overload.ResultType;
        var (operation, python) = overload.Signature switch
        {
            Signature.Dot => ("Dot", "keras.backend.dot"),
            Signature.MatMul or Signature.MatMulMarker => ("MatMul", "tf.matmul"),
            _ => ("BatchDot", overload.Semantics == BatchDotSemantics.TfKeras ? "tf.keras.backend.batch_dot" : "keras.backend.batch_dot"),
        };
        var (options, optionArguments, optionParameters) = overload.Signature switch
        {
            Signature.BatchDotInt => (", axes", "axes, ", "int axes, "),
            Signature.BatchDotPair => (", axes", "axes, ", "(int X, int Y) axes, "),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        // Transpose.A and the like: the flags are the marker parameter's type, so the overload has one case.
        var flagsCase = overload.Cases[0].Options;
        var (flags, flagArguments, marked) = overload.Signature switch
        {
            Signature.MatMul => (", bool transposeA = false, bool transposeB = false", ", transposeA, transposeB", string.Empty),
            Signature.MatMulMarker => ($", {Runtime}.{OptionMarkers.TransposeType(flagsCase.TransposeA, flagsCase.TransposeB)} transpose", ", transpose", $" with <c>{OptionMarkers.TransposeValue(flagsCase.TransposeA, flagsCase.TransposeB)}</c>"),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        var summary = $"<c>{python}</c>{marked} of shapes {PartialCalls.ShapeText(x.Dims, x.DimNames)} and {PartialCalls.ShapeText(y.Dims, y.DimNames)}: the result has shape {PartialCalls.ShapeText(overload.ResultDims, overload.ResultNames)}.";

        var byRef = inline ? "ref " : string.Empty;
        var xType = (inOperands && !x.IsClass ? "in " : string.Empty) + x.TypeName;
        var yType = (inOperands && !y.IsClass ? "in " : string.Empty) + y.TypeName;
        w.Line(inline ? $"/// <summary>{summary} The result is a value (inline storage): nothing is allocated.</summary>" : $"/// <summary>{summary}</summary>");
        using (w.Block($"public static {result} {operation}(this {xType} x, {yType} y{(optionParameters.Length > 0 ? ", " + optionParameters.TrimEnd(' ', ',') : string.Empty)}{flags})"))
        {
            // Every kernel writes every element of its output, so the storage need not be zeroed first. A result with sizes
            // known only at run time has the shape its options' plan gives (the destination form finds it kept).
            if (overload.ResultNames.Count > 0)
            {
                WriteNullChecks(w, x, y);
                w.Line($"var shape = {PartialCalls.Select(overload, contractions!, Pattern)}.Plan({PartialCalls.ShapeOf(x, "x")}, {PartialCalls.ShapeOf(y, "y")}).Result;");
            }

            w.Line(inline ? $"var result = new {result}();"
                : overload.ResultNames.Count > 0 ? $"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{x.Element.Keyword()}>((int)shape.ElementCount), shape);"
                : $"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{x.Element.Keyword()}>({result}.Length));");
            w.Line(overload.Signature is Signature.MatMul or Signature.MatMulMarker
                ? $"{operation}(x, y, {byRef}result{flagArguments});"
                : $"{operation}(x, y, {optionArguments}{byRef}result);");
            w.Line("return result;");
        }

        string Parameters(string destination) => overload.Signature is Signature.MatMul or Signature.MatMulMarker
            ? $"this {xType} x, {yType} y, {destination} destination{flags}"
            : $"this {xType} x, {yType} y, {optionParameters}{destination} destination";
        if (inline)
        {
            // Without ref, a call would bind to this overload (or else to a fallback, which writes into a boxed copy):
            // a compile error instead of a result that silently goes nowhere.
            w.Line();
            w.Line($"/// <summary>Not callable: <see cref=\"{result}\"/> stores its elements inline, so pass the destination with <c>ref</c>.</summary>");
            w.Line($"[global::System.Obsolete(\"{Names.CanonicalType(x.Element, overload.ResultDims)} stores its elements inline: pass the destination with ref (x.{operation}(y, ref destination)), or a copy of it would receive the result\", error: true)]");
            w.Line($"public static void {operation}({Parameters(result)}) => throw new global::System.NotSupportedException();");
        }

        w.Line();
        w.Line(inline
            ? $"/// <summary>{summary} Writes it into <paramref name=\"destination\"/>, by reference (the result type stores its elements inline).</summary>"
            : $"/// <summary>{summary} Writes it into <paramref name=\"destination\"/>.</summary>");
        using (w.Block($"public static void {operation}({Parameters(byRef + result)})"))
        {
            WriteNullChecks(w, x, y);

            // Each storage is read once (a default struct throws here, destination first) for the check and the kernel.
            w.Line("var output = destination.AsSpan();");
            w.Line("var xs = x.AsReadOnlySpan();");
            w.Line("var ys = y.AsReadOnlySpan();");
            w.Line($"{Runtime}.GeneratedCodeSupport.CheckNotSameStorage<{x.Element.Keyword()}>(output, xs, ys, nameof(destination));");
            // An emitted kernel, or the runtime's precompiled product with the plan's constants (see KernelStrategy).
            string Compute(KernelModel kernel) => KernelStrategy.IsEmitted(kernel, settings)
                ? $"global::{generatedNamespace}.{Names.KernelsClass}.{kernel.Name}(xs, ys, output);"
                : RuntimeProduct.Call(kernel.Plan, kernel.Element, "xs", "ys", "output");
            string[] Case(int i) => contractions is null
                ? new[] { Compute(overload.Cases[i].Kernel!) }
                : PartialCalls.Compute(contractions[i], overload, overload.Cases[i].Kernel, generatedNamespace, settings);
            if (overload.Signature is Signature.Dot or Signature.BatchDotDefault or Signature.MatMulMarker)
            {
                foreach (var line in Case(0))
                {
                    w.Line(line);
                }

                return;
            }

            var selector = overload.Signature == Signature.MatMul ? "(transposeA, transposeB)" : "axes";
            using (w.Block($"switch ({selector})"))
            {
                for (var i = 0; i < overload.Cases.Count; i++)
                {
                    w.Line($"case {Pattern(overload.Signature, overload.Cases[i].Options)}:");
                    if (contractions is null)
                    {
                        w.Line($"    {Case(i)[0]}");
                        w.Line("    break;");
                        continue;
                    }

                    // Each case declares its own plan.
                    using (w.Block())
                    {
                        foreach (var line in Case(i))
                        {
                            w.Line(line);
                        }

                        w.Line("break;");
                    }
                }

                // All four transpose flags have kernels (a square product): there is nothing left for the runtime, and a
                // default would be unreachable code (CS0162).
                if (overload.Signature == Signature.MatMul && overload.Cases.Count == 4)
                {
                    return;
                }

                // Options that were not compile-time constants at some call site: computed through the runtime, with the
                // project's batch_dot.
                var semantics = overload.Semantics == BatchDotSemantics.TfKeras ? $", {Runtime}.BatchDotSemantics.TfKeras" : string.Empty;
                var rule = overload.Signature switch
                {
                    Signature.MatMul => $"{Runtime}.ShapeAlgebra.MatMul({x.TypeName}.Shape, {y.TypeName}.Shape, transposeA, transposeB)",
                    Signature.BatchDotInt => $"{Runtime}.ShapeAlgebra.BatchDot({x.TypeName}.Shape, {y.TypeName}.Shape, axes{semantics})",
                    _ => $"{Runtime}.ShapeAlgebra.BatchDot({x.TypeName}.Shape, {y.TypeName}.Shape, axes.X, axes.Y{semantics})",
                };
                w.Line("default:");
                if (contractions is not null)
                {
                    w.Line($"    {Runtime}.GeneratedCodeSupport.Multiply<{x.Element.Keyword()}>({PartialCalls.RuntimeRule(overload)}.Plan({PartialCalls.ShapeOf(x, "x")}, {PartialCalls.ShapeOf(y, "y")}, {PartialCalls.DestinationShape(overload)}), xs, ys, output);");
                    w.Line("    break;");
                    return;
                }

                w.Line(inline
                    ? $"    {Runtime}.GeneratedCodeSupport.Contract<{x.Element.Keyword()}>(\"{operation}\", {rule}, {x.TypeName}.Shape, xs, {y.TypeName}.Shape, ys, {result}.Shape, output);"
                    : $"    {Runtime}.GeneratedCodeSupport.Contract<{x.Element.Keyword()}>(\"{operation}\", {rule}, x, y, destination);");
                w.Line("    break;");
            }
        }
    }

    private static void WriteNullChecks(SourceWriter w, OperandModel x, OperandModel y)
    {
        if (x.IsClass)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(x);");
        }

        if (y.IsClass)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(y);");
        }
    }

    private static string Pattern(Signature signature, CallOptions options) => signature switch
    {
        Signature.MatMul => $"({Bool(options.TransposeA)}, {Bool(options.TransposeB)})",
        Signature.BatchDotInt => Int(options.AxisX),
        _ => $"({Int(options.AxisX)}, {Int(options.AxisY)})",
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
