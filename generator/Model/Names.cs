using System.Globalization;
using System.Linq;
using System.Text;

namespace ShapedTensors.Generator.Model;

/// <summary>Every name the generator invents, in one place, so they stay consistent and deterministic.</summary>
internal static class Names
{
    /// <summary>The class, in each calling namespace, that holds the specialized extension methods.</summary>
    public const string OperationsClass = "GeneratedTensorOperations";

    /// <summary>The class that holds the kernels.</summary>
    public const string KernelsClass = "TensorKernels";

    public static readonly string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"ShapedTensors.Generator\", \"" + ThisAssembly.Version + "\")]";

    /// <summary>
    /// The namespace of the canonical result types and kernels: one per assembly, so two assemblies that use
    /// ShapedTensors never define the same type, even when one sees the other's internals.
    /// </summary>
    public static string GeneratedNamespace(string? assemblyName) => "ShapedTensors.Generated." + Identifier(assemblyName ?? "Assembly");

    /// <summary>The canonical type of a shape: <c>Float32_10x12x4x8</c>, <c>Float64_3</c>, <c>Float32_Scalar</c>.</summary>
    public static string CanonicalType(ElementKind element, EquatableArray<int> dims)
        => element.Name() + "_" + (dims.Count == 0 ? "Scalar" : Dims(dims));

    /// <summary>
    /// The kernel of a call: <c>BatchDot_F32_10x12x4x5_10x12x5x8</c>, <c>MatMul_F32_3x2_3x4_TA</c>,
    /// <c>BatchDot_F32_32x20_32x20_Axes1_1</c>, <c>BatchDotTfKeras_F32_9x8x7x4x2_9x8x7x2x5</c>.
    /// </summary>
    public static string Kernel(CallModel call) => Kernel(call.Signature, call.X.Element, call.X.Dims, call.Y.Dims, call.Options, call.Semantics);

    /// <summary>The kernel of an operation on the given shapes and options.</summary>
    public static string Kernel(Signature signature, ElementKind element, EquatableArray<int> x, EquatableArray<int> y, CallOptions options, BatchDotSemantics semantics = BatchDotSemantics.Keras224)
    {
        var name = new StringBuilder()
            .Append(signature.Operation()).Append(signature.Operation() == Model.Operation.BatchDot && semantics == BatchDotSemantics.TfKeras ? "TfKeras" : string.Empty)
            .Append('_').Append(element.Tag())
            .Append('_').Append(Dims(x)).Append('_').Append(Dims(y));
        switch (signature)
        {
            case Signature.BatchDotInt:
            case Signature.BatchDotPair:
                name.Append("_Axes").Append(Axis(options.AxisX)).Append('_').Append(Axis(options.AxisY));
                break;
            case Signature.MatMul:
                name.Append(options.TransposeA ? "_TA" : string.Empty).Append(options.TransposeB ? "_TB" : string.Empty);
                break;
        }

        return name.ToString();
    }

    public static string Dims(EquatableArray<int> dims) => string.Join("x", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static string Axis(int axis) => axis < 0 ? "M" + (-axis).ToString(CultureInfo.InvariantCulture) : axis.ToString(CultureInfo.InvariantCulture);

    // Turns an assembly name such as "My-App.Core" into a dotted identifier: "My_App.Core".
    private static string Identifier(string name)
    {
        var parts = name.Split('.').Select(part =>
        {
            var text = new StringBuilder();
            foreach (var c in part)
            {
                text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            return text.Length == 0 || char.IsDigit(text[0]) ? "_" + text : text.ToString();
        });
        return string.Join(".", parts);
    }
}
