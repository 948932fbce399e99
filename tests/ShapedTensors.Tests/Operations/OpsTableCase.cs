using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShapedTensors.Tests.Operations;

/// <summary>
/// One call of a row of an OPS.md §1–§7 table: the operation, its operands and options, and the expected result
/// shape (<c>(2,3)</c>) or exact error, framed or not. A row whose cells give alternatives (<c>no / yes</c>,
/// <c>(2,3) / ()</c>) is one case per alternative; an op cell's alternatives (<c>Relu / Tanh</c>) apply to each.
/// </summary>
internal sealed partial record OpsTableCase(
    OperationDescriptor Operation,
    StaticShape[] Operands,
    OperationOptions Options,
    string? ExpectedShape,
    string? ExpectedError,
    bool Unframed)
{
    private const string Alternatives = " / ";

    /// <summary>The cases of one table row of the section headed <paramref name="section"/>.</summary>
    public static IEnumerable<OpsTableCase> FromRow(string section, string[] cells)
    {
        var (ops, arguments) = section switch
        {
            "## 2." => (new[] { "BiasAdd" }, cells[..^1]),
            "## 6." => (new[] { "Reshape" }, cells[..^1]),
            "### 7.1" => (new[] { "ExpandDims" }, cells[..^1]),
            "### 7.2" => (new[] { "Squeeze" }, cells[..^1]),
            "### 7.3" => (new[] { "Concatenate" }, cells[..^1]),
            _ => (Split(cells[0]), cells[1..^1]),
        };
        var expected = cells[^1];
        var expectsShape = expected.StartsWith('(');
        var split = arguments.Select(Split).ToList();
        var results = expectsShape ? Split(expected) : new[] { expected };
        var count = Math.Max(results.Length, split.Max(s => s.Length));
        foreach (var op in ops)
        {
            for (var k = 0; k < count; k++)
            {
                var chosen = split.Select(s => s.Length == 1 ? s[0] : s[k]).ToArray();
                var result = results.Length == 1 ? results[0] : results[k];
                yield return Build(OperationCatalog.Find(op) ?? throw new InvalidOperationException($"Unknown op {op}"), chosen, result, expectsShape);
            }
        }
    }

    private static OpsTableCase Build(OperationDescriptor operation, string[] arguments, string expected, bool expectsShape)
    {
        StaticShape[] operands;
        OperationOptions options;
        switch (operation.Family)
        {
            case OperationFamily.Broadcast or OperationFamily.BiasAdd:
                (operands, options) = (new[] { ParseShape(arguments[0]), ParseShape(arguments[1]) }, OperationOptions.None);
                break;
            case OperationFamily.Concatenate:
                (operands, options) = (Tuple().Matches(arguments[0]).Select(m => ParseShape(m.Value)).ToArray(), OperationOptions.WithAxis(ParseInt(arguments[1])));
                break;
            case OperationFamily.Reduction:
                var axes = arguments[1] == "None" ? null : ParseList(arguments[1]);
                (operands, options) = (new[] { ParseShape(arguments[0]) }, OperationOptions.Reduction(axes, !arguments[1].StartsWith('['), arguments[2] == "yes"));
                break;
            case OperationFamily.Transpose when operation == OperationCatalog.Transpose:
            case OperationFamily.Unary:
                (operands, options) = (new[] { ParseShape(arguments[0]) }, OperationOptions.None);
                break;
            case OperationFamily.Transpose or OperationFamily.Reshape when operation == OperationCatalog.PermuteDimensions || operation == OperationCatalog.Reshape:
                (operands, options) = (new[] { ParseShape(arguments[0]) }, OperationOptions.WithValues(ParseList(arguments[1])));
                break;
            default:
                (operands, options) = (new[] { ParseShape(arguments[0]) }, OperationOptions.WithAxis(ParseInt(arguments[1])));
                break;
        }

        if (expectsShape)
        {
            return new OpsTableCase(operation, operands, options, Tuple().Match(expected).Value, null, false);
        }

        var message = expected.StartsWith("EXT ", StringComparison.Ordinal) ? expected["EXT ".Length..] : expected;
        var unframed = message.EndsWith("(unframed)", StringComparison.Ordinal);
        message = (unframed ? message[..^"(unframed)".Length].TrimEnd() : message).Trim('`');

        // §3's Softmax range rows say "unframed" only in the text above the table: a text with no frame is one.
        unframed |= !message.Contains(" (op: '", StringComparison.Ordinal);
        return new OpsTableCase(operation, operands, options, null, message, unframed);
    }

    // Shape cells ((2,3), (5,), ()) and the alternatives of an options cell; a message is never split.
    private static string[] Split(string cell) => cell.Split(Alternatives).Select(c => c.Trim()).ToArray();

    /// <summary>A shape as OPS.md writes it: <c>(2,3)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static StaticShape ParseShape(string text) => StaticShape.Of(new Shape(ParseList(text)));

    /// <summary>A list of ints: <c>[0,-1]</c>, <c>(0,2,1)</c>, <c>(-1,)</c>, <c>()</c>, or one int.</summary>
    public static int[] ParseList(string text)
        => text.Trim('(', ')', '[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => ParseInt(s)).ToArray();

    private static int ParseInt(string text) => int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Tuple();
}
