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

    public static string Emit(OperationsModel model, KernelSettings settings)
    {
        var writer = new SourceWriter();
        FileHeader.Write(writer);
        SourceWriter.Scope? namespaceScope = null;
        if (model.Namespace.Length > 0)
        {
            writer.Line($"namespace {Names.Qualified(model.Namespace)}");
            namespaceScope = writer.Block();
        }

        writer.Line("/// <summary><c>Dot</c>, <c>BatchDot</c> and <c>MatMul</c> specialized for the shapes the code in this namespace uses.</summary>");
        writer.Line(Names.GeneratedCodeAttribute);
        writer.Line("[global::Microsoft.CodeAnalysis.Embedded] // no other compilation sees these overloads, even through InternalsVisibleTo");
        using (writer.Block($"internal static partial class {Names.OperationsClass}"))
        {
            var first = true;
            foreach (var overload in model.Overloads)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                WriteOverload(writer, overload, model.GeneratedNamespace, settings);
            }
        }

        namespaceScope?.Dispose();
        return writer.ToString();
    }

    private static void WriteOverload(SourceWriter w, OverloadModel overload, string generatedNamespace, KernelSettings settings)
    {
        var x = overload.X;
        var y = overload.Y;
        var result = overload.ResultType;
        var (operation, python) = overload.Signature switch
        {
            Signature.Dot => ("Dot", "keras.backend.dot"),
            Signature.MatMul => ("MatMul", "tf.matmul"),
            _ => ("BatchDot", overload.Semantics == BatchDotSemantics.TfKeras ? "tf.keras.backend.batch_dot" : "keras.backend.batch_dot"),
        };
        var (options, optionArguments, optionParameters) = overload.Signature switch
        {
            Signature.BatchDotInt => (", axes", "axes, ", "int axes, "),
            Signature.BatchDotPair => (", axes", "axes, ", "(int X, int Y) axes, "),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        var summary = $"<c>{python}</c> of shapes {TensorTypeEmitter.ShapeText(x.Dims)} and {TensorTypeEmitter.ShapeText(y.Dims)}: the result has shape {TensorTypeEmitter.ShapeText(overload.ResultDims)}.";
        var flags = overload.Signature == Signature.MatMul ? ", bool transposeA = false, bool transposeB = false" : string.Empty;
        var flagArguments = overload.Signature == Signature.MatMul ? ", transposeA, transposeB" : string.Empty;

        w.Line($"/// <summary>{summary}</summary>");
        using (w.Block($"public static {result} {operation}(this {x.TypeName} x, {y.TypeName} y{(optionParameters.Length > 0 ? ", " + optionParameters.TrimEnd(' ', ',') : string.Empty)}{flags})"))
        {
            // Every kernel writes every element of its output, so the storage need not be zeroed first.
            w.Line($"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{x.Element.Keyword()}>({result}.Length));");
            w.Line(overload.Signature == Signature.MatMul
                ? $"{operation}(x, y, result{flagArguments});"
                : $"{operation}(x, y, {optionArguments}result);");
            w.Line("return result;");
        }

        w.Line();
        w.Line($"/// <summary>{summary} Writes it into <paramref name=\"destination\"/>.</summary>");
        var parameters = overload.Signature == Signature.MatMul
            ? $"this {x.TypeName} x, {y.TypeName} y, {result} destination{flags}"
            : $"this {x.TypeName} x, {y.TypeName} y, {optionParameters}{result} destination";
        using (w.Block($"public static void {operation}({parameters})"))
        {
            if (x.IsClass)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(x);");
            }

            if (y.IsClass)
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(y);");
            }

            // Each storage is read once (a default struct throws here, destination first) for the check and the kernel.
            w.Line("var output = destination.AsSpan();");
            w.Line("var xs = x.AsReadOnlySpan();");
            w.Line("var ys = y.AsReadOnlySpan();");
            w.Line($"{Runtime}.GeneratedCodeSupport.CheckNotSameStorage<{x.Element.Keyword()}>(output, xs, ys, nameof(destination));");
            // An emitted kernel, or the runtime's precompiled product with the plan's constants (see KernelStrategy).
            string Compute(KernelModel kernel) => KernelStrategy.IsEmitted(kernel, settings)
                ? $"global::{generatedNamespace}.{Names.KernelsClass}.{kernel.Name}(xs, ys, output);"
                : RuntimeProduct.Call(kernel.Plan, kernel.Element, "xs", "ys", "output");
            if (overload.Signature is Signature.Dot or Signature.BatchDotDefault)
            {
                w.Line(Compute(overload.Cases[0].Kernel));
                return;
            }

            var selector = overload.Signature == Signature.MatMul ? "(transposeA, transposeB)" : "axes";
            using (w.Block($"switch ({selector})"))
            {
                foreach (var @case in overload.Cases)
                {
                    w.Line($"case {Pattern(overload.Signature, @case.Options)}:");
                    w.Line($"    {Compute(@case.Kernel)}");
                    w.Line("    break;");
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
                w.Line($"    {Runtime}.GeneratedCodeSupport.Contract<{x.Element.Keyword()}>(\"{operation}\", {rule}, x, y, destination);");
                w.Line("    break;");
            }
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
