using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Emit;

/// <summary>
/// The overloads of <c>Einsum(equation, a, b)</c> (static methods of <see cref="Names.EinsumClass"/>) and
/// <c>x.TensorDot(y, axes)</c> (extension methods) for two operand types: the equation or axes are a parameter, and the
/// overload switches on the constant values its call sites use to their lowering's kernel; any other value (and a
/// lowering that is no product) computes through the runtime, which checks the result against the destination.
/// </summary>
internal static class LabelledOverloadEmitter
{
    private const string Runtime = "global::ShapedTensors";

    /// <param name="fields">
    /// The <c>PartialEinsum</c> field of each case of an overload on partially known shapes (<see cref="PartialCalls"/>),
    /// else null.
    /// </param>
    public static void Write(SourceWriter w, OverloadModel overload, string generatedNamespace, KernelSettings settings, bool inOperands, bool inline, string[]? fields)
    {
        if (fields is not null)
        {
            WritePartial(w, overload, fields, generatedNamespace, settings, inOperands, inline);
            return;
        }

        if (overload.Signature == Signature.EinsumOne)
        {
            UnaryEinsumEmitter.Write(w, overload, inOperands, inline, settings);
            return;
        }

        var einsum = overload.Signature == Signature.Einsum;
        var (x, y) = (overload.X, overload.Y);
        var (a, b) = einsum ? ("a", "b") : ("x", "y");
        var result = overload.ResultType;
        var element = x.Element.Keyword();
        var (name, python) = einsum ? ("Einsum", "tf.einsum") : ("TensorDot", "tf.tensordot");
        var option = Option(overload.Signature);
        var xType = (inOperands && !x.IsClass ? "in " : string.Empty) + x.TypeName;
        var yType = (inOperands && !y.IsClass ? "in " : string.Empty) + y.TypeName;
        var operands = einsum ? $"{option}, {xType} a, {yType} b" : $"this {xType} x, {yType} y, {option}";
        var arguments = einsum ? "equation, a, b" : "x, y, axes";
        var byRef = inline ? "ref " : string.Empty;
        var summary = $"<c>{python}</c> of shapes {PartialCalls.ShapeText(x.Dims, x.DimNames)} and {PartialCalls.ShapeText(y.Dims, y.DimNames)}: the result has shape {PartialCalls.ShapeText(overload.ResultDims, overload.ResultNames)}.";

        w.Line(inline ? $"/// <summary>{summary} The result is a value (inline storage): nothing is allocated.</summary>" : $"/// <summary>{summary}</summary>");
        using (w.Block($"public static {result} {name}({operands})"))
        {
            // Every kernel writes every element of its output, so the storage need not be zeroed first.
            w.Line(inline ? $"var result = new {result}();" : $"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{element}>({result}.Length));");
            w.Line($"{name}({arguments}, {byRef}result);");
            w.Line("return result;");
        }

        w.Line();
        w.Line($"/// <summary>{summary} Writes it into <paramref name=\"destination\"/>{(inline ? ", by reference (the result type stores its elements inline)" : string.Empty)}.</summary>");
        using (w.Block($"public static void {name}({operands}, {byRef}{result} destination)"))
        {
            if (x.IsClass)
            {
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({a});");
            }

            if (y.IsClass)
            {
                w.Line($"global::System.ArgumentNullException.ThrowIfNull({b});");
            }

            var cases = overload.Cases.Where(c => c.Kernel is not null).ToList();
            if (cases.Count > 0)
            {
                // Each storage is read once (a default struct throws here, destination first) for the check and the kernel.
                w.Line("var output = destination.AsSpan();");
                w.Line($"var xs = {a}.AsReadOnlySpan();");
                w.Line($"var ys = {b}.AsReadOnlySpan();");
                w.Line($"{Runtime}.GeneratedCodeSupport.CheckNotSameStorage<{element}>(output, xs, ys, nameof(destination));");
                using (w.Block($"switch ({(einsum ? "equation" : "axes")})"))
                {
                    // Equations that lower to the same product (bij,bjk->bik and xmn,xnp->xmp) share one body.
                    foreach (var body in cases.GroupBy(c => (c.Kernel!, c.Options.Swapped)))
                    {
                        foreach (var c in body)
                        {
                            w.Line($"case {Pattern(overload.Signature, c.Options)}:");
                        }

                        // The lowering may take the operands the other way round (the output's innermost label is the second operand's).
                        var (kernel, swapped) = body.Key;
                        var (left, right) = swapped ? ("ys", "xs") : ("xs", "ys");
                        w.Line(KernelStrategy.IsEmitted(kernel, settings)
                            ? $"    global::{generatedNamespace}.{Names.KernelsClass}.{kernel.Name}({left}, {right}, output);"
                            : "    " + RuntimeProduct.Call(kernel.Plan, kernel.Element, left, right, "output"));
                        w.Line("    return;");
                    }
                }

                w.Line();
            }

            // Any other equation or axes: the runtime computes and checks them (a value result is then copied in).
            var dynamic = $"{Runtime}.DynamicTensor<{element}>";
            var computed = (einsum, overload.Signature) switch
            {
                (true, _) => $"{dynamic}.Einsum(equation, a.ToDynamic(), b.ToDynamic()",
                (_, Signature.TensorDotPair) => "x.ToDynamic().TensorDot(y.ToDynamic(), (new[] { axes.A }, new[] { axes.B })",
                _ => "x.ToDynamic().TensorDot(y.ToDynamic(), axes",
            };
            w.Line(inline ? $"destination = {result}.FromDynamic({computed}));" : $"{computed}, destination.ToDynamic());");
        }
    }

    // On partially known shapes: the case's PartialEinsum checks the run-time shapes (the rule's text on the run-time
    // sizes, then the name binding, PARTIAL_SHAPES.md §8.4), and the runtime's einsum computes over the operands' storage
    // (ToDynamic and FromDynamic copy nothing; its plan cache makes a loop's later calls cheap). Into a destination, a
    // case with a kernel for a run-time count of products (KernelLayout) runs it when the run-time lowering is its loop
    // nest, as the partial contractions do (PartialCalls.KernelCall).
    private static void WritePartial(SourceWriter w, OverloadModel overload, string[] fields, string generatedNamespace, KernelSettings settings, bool inOperands, bool inline)
    {
        var one = overload.Signature == Signature.EinsumOne;
        var einsum = overload.Signature.IsEinsum();
        var (x, y) = (overload.X, overload.Y);
        var (a, b) = einsum ? ("a", "b") : ("x", "y");
        var result = overload.ResultType;
        var element = x.Element.Keyword();
        var dynamic = $"{Runtime}.DynamicTensor<{element}>";
        var (name, python) = einsum ? ("Einsum", "tf.einsum") : ("TensorDot", "tf.tensordot");
        var option = Option(overload.Signature);
        var xType = (inOperands && !x.IsClass ? "in " : string.Empty) + x.TypeName;
        var yType = (inOperands && !y.IsClass ? "in " : string.Empty) + y.TypeName;
        var operands = one ? $"{option}, {xType} a" : einsum ? $"{option}, {xType} a, {yType} b" : $"this {xType} x, {yType} y, {option}";
        var shapes = one ? $"{PartialCalls.ShapeText(x.Dims, x.DimNames)}" : $"shapes {PartialCalls.ShapeText(x.Dims, x.DimNames)} and {PartialCalls.ShapeText(y.Dims, y.DimNames)}";
        var summary = $"<c>{python}</c> of {(one ? "shape " : string.Empty)}{shapes}: the result has shape {PartialCalls.ShapeText(overload.ResultDims, overload.ResultNames)}, its sizes known only at run time checked per call.";
        var check = PartialCalls.Select(overload, fields, Pattern) + ".Check(" + PartialCalls.ShapeOf(x, a) + (one ? string.Empty : ", " + PartialCalls.ShapeOf(y, b)) + ");";
        var computed = overload.Signature switch
        {
            Signature.EinsumOne => $"{dynamic}.Einsum(equation, a.ToDynamic()",
            Signature.Einsum => $"{dynamic}.Einsum(equation, a.ToDynamic(), b.ToDynamic()",
            _ => "x.ToDynamic().TensorDot(y.ToDynamic(), axes",
        };

        void Checks()
        {
            NullChecks();
            w.Line(check);
        }

        // The operands that are classes, checked before their shapes are read.
        void NullChecks()
        {
            foreach (var (operand, value) in one ? new[] { (x, a) } : new[] { (x, a), (y, b) })
            {
                if (operand.IsClass)
                {
                    w.Line($"global::System.ArgumentNullException.ThrowIfNull({value});");
                }
            }
        }

        // Two operands and a result of run-time sizes: allocated from the checked shape and written by the destination
        // form, so that it runs the generated kernel where there is one (the check is cached, so doing it twice is cheap).
        var allocated = !one && !inline && Enumerable.Range(0, overload.ResultDims.Count).Any(i => DimsModel.IsRunTime(overload.ResultNames, i));
        w.Line($"/// <summary>{summary}</summary>");
        using (w.Block($"public static {result} {name}({operands})"))
        {
            if (allocated)
            {
                NullChecks();

                w.Line("var shape = " + check);
                w.Line($"var result = {result}.Wrap(global::System.GC.AllocateUninitializedArray<{element}>((int)shape.ElementCount), shape);");
                w.Line($"{name}({(einsum ? "equation, a, b" : "x, y, axes")}, result);");
                w.Line("return result;");
            }
            else
            {
                Checks();
                w.Line($"return {result}.FromDynamic({computed}));");
            }
        }

        if (one)
        {
            return;
        }

        var byRef = inline ? "ref " : string.Empty;
        w.Line();
        w.Line($"/// <summary>{summary} Writes it into <paramref name=\"destination\"/>{(inline ? ", by reference (the result type stores its elements inline)" : string.Empty)}.</summary>");
        using (w.Block($"public static void {name}({operands}, {byRef}{result} destination)"))
        {
            if (overload.Signature == Signature.TensorDotPair)
            {
                // The runtime's destination forms take the axes as lists.
                computed = "x.ToDynamic().TensorDot(y.ToDynamic(), (new[] { axes.A }, new[] { axes.B })";
            }

            var runtime = inline ? $"destination = {result}.FromDynamic({computed}));" : $"{computed}, destination.ToDynamic());";
            var kernels = overload.Cases
                .Select((c, i) => (c, Field: fields[i]))
                .Where(k => k.c.Kernel is { } kernel && KernelStrategy.IsEmitted(kernel, settings))
                .ToList();
            if (kernels.Count > 0)
            {
                NullChecks();

                using (w.Block($"switch ({(einsum ? "equation" : "axes")})"))
                {
                    foreach (var (c, field) in kernels)
                    {
                        w.Line($"case {Pattern(overload.Signature, c.Options)}:");
                        using (w.Block())
                        {
                            // The checks first (the call's, then the destination's), then each storage read once.
                            w.Line($"var batch = {field}.KernelBatchCount({PartialCalls.ShapeOf(x, a)}, {PartialCalls.ShapeOf(y, b)}, {PartialCalls.DestinationShape(overload)});");
                            w.Line("var output = destination.AsSpan();");
                            w.Line($"var xs = {a}.AsReadOnlySpan();");
                            w.Line($"var ys = {b}.AsReadOnlySpan();");
                            w.Line($"{Runtime}.GeneratedCodeSupport.CheckNotSameStorage<{element}>(output, xs, ys, nameof(destination));");
                            var (left, right) = c.Options.Swapped ? ("ys", "xs") : ("xs", "ys");
                            foreach (var line in PartialCalls.KernelCall("batch", c.Kernel!, generatedNamespace, left, right, runtime))
                            {
                                w.Line(line);
                            }

                            w.Line("return;");
                        }
                    }
                }

                w.Line();
                w.Line(check);
            }
            else
            {
                Checks();
            }

            w.Line(runtime);
        }
    }

    // The equation or axes parameter.
    private static string Option(Signature signature) => signature switch
    {
        Signature.Einsum or Signature.EinsumOne => "string equation",
        Signature.TensorDotInt => "int axes",
        Signature.TensorDotPair => "(int A, int B) axes",
        _ => "(int[] A, int[] B) axes",
    };

    // The case label of one constant equation or axes.
    private static string Pattern(Signature signature, CallOptions options) => signature switch
    {
        Signature.Einsum or Signature.EinsumOne => SymbolDisplay.FormatLiteral(options.Text, quote: true),
        Signature.TensorDotInt => Int(options.AxisX),
        Signature.TensorDotPair => $"({Int(options.AxisX)}, {Int(options.AxisY)})",
        // [[1,2],[0,1]] as the positional pattern of two list patterns: ([1,2],[0,1]).
        _ => "(" + options.Text.Substring(1, options.Text.Length - 2) + ")",
    };

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
