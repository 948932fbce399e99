// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;

namespace ShapedTensors;

/// <summary>
/// Which <c>keras.backend.batch_dot</c> a <c>BatchDot</c> follows. Keras rewrote it in 2.2.5 (keras-team/keras#11458),
/// and tf.keras adopted the rewrite in TensorFlow 2.0: both agree on rank-3 operands, not beyond (see SEMANTICS.md §9).
/// </summary>
/// <remarks>
/// Compile-time checked and generated calls follow the MSBuild property <c>ShapedTensorsBatchDot</c> of the project
/// that makes them; calls computed at run time (<c>DynamicTensor&lt;T&gt;</c>, <c>ShapedTensorFallbacks</c>) take it
/// as an argument, <see cref="Keras224"/> when omitted.
/// </remarks>
public enum BatchDotSemantics
{
    /// <summary>
    /// Keras 2.1.6–2.2.4 on TensorFlow 1.x (the default): operands padded to one rank, then one batched matrix product
    /// over every leading dimension, with TensorFlow's framed errors. <c>(9,8,7,4,2)·(9,8,7,2,5)</c> is <c>(9,8,7,4,5)</c>.
    /// </summary>
    Keras224,

    /// <summary>
    /// Keras 2.2.5–2.3.1 and tf.keras (TensorFlow 2.0, 2.1): only axis 0 is a batch dimension, and every other
    /// dimension of both operands but the contracted ones is kept, with Keras' own unframed errors.
    /// <c>(9,8,7,4,2)·(9,8,7,2,5)</c> is <c>(9,8,7,4,8,7,5)</c>.
    /// </summary>
    TfKeras,
}

/// <summary>The MSBuild spelling of <see cref="BatchDotSemantics"/>: the property <c>ShapedTensorsBatchDot</c>.</summary>
internal static class BatchDotSetting
{
    /// <summary>The MSBuild property that selects the semantics for the generator and the analyzers.</summary>
    public const string PropertyName = "ShapedTensorsBatchDot";

    /// <summary>The key under which the compiler sees the property (made visible by ShapedTensors.props).</summary>
    public const string OptionKey = "build_property." + PropertyName;

    /// <summary>
    /// Reads the property's value: absent or empty is the default, <see cref="BatchDotSemantics.Keras224"/>; otherwise a
    /// member name, in any case. False for anything else (the value then counts as the default).
    /// </summary>
    public static bool TryParse(string? text, out BatchDotSemantics semantics)
    {
        semantics = BatchDotSemantics.Keras224;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || string.Equals(value, nameof(BatchDotSemantics.Keras224), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(value, nameof(BatchDotSemantics.TfKeras), StringComparison.OrdinalIgnoreCase))
        {
            semantics = BatchDotSemantics.TfKeras;
            return true;
        }

        return false;
    }

    /// <summary>How messages name a semantics: <c>Keras 2.2.4's batch_dot</c>, <c>tf.keras' batch_dot</c>.</summary>
    public static string Describe(BatchDotSemantics semantics)
        => semantics == BatchDotSemantics.TfKeras ? "tf.keras' batch_dot (Keras >= 2.2.5)" : "Keras 2.2.4's batch_dot";
}
