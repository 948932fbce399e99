using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShapedTensors.Generator.Model;

/// <summary>
/// The MSBuild properties the generator reads (made visible to it by the package's props, as
/// <c>build_property.*</c> values), how each is parsed, and what a value that does not parse falls back to.
/// The analyzers read them through the same code and warn about such a value (ST0201).
/// </summary>
internal static class GeneratorSettings
{
    /// <summary>Statements a fully unrolled kernel block may have before the contraction becomes a loop: a positive integer.</summary>
    public const string UnrollBudget = "ShapedTensorsUnrollBudget";

    /// <summary><c>true</c>: every load and store of a generated kernel is bounds-checked.</summary>
    public const string CheckedKernels = "ShapedTensorsCheckedKernels";

    /// <summary><c>true</c>: canonical result types are public, so public APIs can return them.</summary>
    public const string PublicResultTypes = "ShapedTensorsPublicResultTypes";

    /// <summary>Which <c>batch_dot</c> BatchDot follows: <c>Keras224</c> or <c>TfKeras</c> (see <see cref="BatchDotSetting"/>).</summary>
    public const string BatchDot = BatchDotSetting.PropertyName;

    /// <summary>
    /// Struct tensor types of at most this many elements (and at least one) store them inline, as a value: an integer
    /// from 0 (the default: none do) to <see cref="MaxInlineStorage"/>.
    /// </summary>
    public const string InlineStorage = "ShapedTensorsInlineStorage";

    public const int DefaultUnrollBudget = 256;

    /// <summary>
    /// The largest <see cref="InlineStorage"/>: 256 elements (1 KB of float32, 2 KB of float64) a value copies on every
    /// assignment and call, and its kernels' results live on the stack; past that an array shared by reference is cheaper.
    /// </summary>
    public const int MaxInlineStorage = 256;

    /// <summary>The settings, in the order the docs list them.</summary>
    public static readonly string[] All = { UnrollBudget, CheckedKernels, PublicResultTypes, BatchDot, InlineStorage };

    /// <summary>The value MSBuild passed for <paramref name="property"/>, or null when it is unset (or empty).</summary>
    public static string? Raw(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>Whether <paramref name="text"/> is a valid value of <paramref name="property"/>.</summary>
    public static bool IsValid(string property, string text) => property switch
    {
        UnrollBudget => TryParseBudget(text, out _),
        BatchDot => BatchDotSetting.TryParse(text, out _),
        InlineStorage => TryParseInlineStorage(text, out _),
        _ => bool.TryParse(text, out _),
    };

    /// <summary>What a valid value looks like, for a warning: <c>a positive integer</c>, <c>true or false</c>.</summary>
    public static string Expected(string property) => property switch
    {
        UnrollBudget => "a positive integer",
        BatchDot => "Keras224 or TfKeras",
        InlineStorage => "an integer from 0 to " + MaxInlineStorage.ToString(CultureInfo.InvariantCulture),
        _ => "true or false",
    };

    /// <summary>The value used when the property is unset or invalid.</summary>
    public static string Default(string property) => property switch
    {
        UnrollBudget => DefaultUnrollBudget.ToString(CultureInfo.InvariantCulture),
        BatchDot => nameof(BatchDotSemantics.Keras224),
        InlineStorage => "0",
        _ => "false",
    };

    /// <summary>The project's <c>batch_dot</c>: Keras 2.2.4's unless the property says <c>TfKeras</c>.</summary>
    public static BatchDotSemantics Semantics(AnalyzerConfigOptions options)
        => BatchDotSetting.TryParse(Raw(options, BatchDot), out var semantics) ? semantics : BatchDotSemantics.Keras224;

    public static int Budget(AnalyzerConfigOptions options)
        => Raw(options, UnrollBudget) is { } text && TryParseBudget(text, out var budget) ? budget : DefaultUnrollBudget;

    public static bool Flag(AnalyzerConfigOptions options, string property)
        => Raw(options, property) is { } text && bool.TryParse(text, out var value) && value;

    public static bool PublicResults(AnalyzerConfigOptions options) => Flag(options, PublicResultTypes);

    /// <summary>The project's <see cref="InlineStorage"/> limit: 0 (no inline storage) unless the property gives a valid one.</summary>
    public static int InlineStorageLimit(AnalyzerConfigOptions options)
        => Raw(options, InlineStorage) is { } text && TryParseInlineStorage(text, out var limit) ? limit : 0;

    private static bool TryParseInlineStorage(string text, out int limit) => TryParseInRange(text, 0, MaxInlineStorage, out limit);

    private static bool TryParseBudget(string text, out int budget) => TryParseInRange(text, 1, int.MaxValue, out budget);

    private static bool TryParseInRange(string text, int min, int max, out int value)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
