using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// One case of a table of OPS.md §1–§7: an operation, its operand shapes, its options as the table spells them
/// (<c>1</c>, <c>[0,-1]</c>, <c>None</c>, <c>(0,2,1)</c>: the analyzer tests write them into C# as spelled), and the
/// result shape or the exact error, with whether the error has TF's frame and whether it is a library extension (EXT).
/// </summary>
internal sealed record OpsCase(
    string Section,
    string Operation,
    IReadOnlyList<int[]> Operands,
    IReadOnlyDictionary<string, string> Options,
    int[]? Result,
    string? Error,
    bool Unframed,
    bool Extension)
{
    /// <summary>The option <paramref name="name"/> as one int (<c>axis</c> of <c>Softmax</c>, <c>ExpandDims</c>, ...).</summary>
    public int Int(string name) => int.Parse(Options[name], CultureInfo.InvariantCulture);

    /// <summary>The option <paramref name="name"/> as a list: <c>[0,-1]</c>, <c>(0,2,1)</c>, <c>(-1,)</c>, <c>()</c> or one int.</summary>
    public int[] Ints(string name) => OpsCases.ParseInts(Options[name]);

    /// <summary>A short name for test output: section, operation, shapes, options.</summary>
    public override string ToString()
        => $"§{Section} {Operation} {string.Join(" ", Operands.Select(OpsCases.Spell))} {string.Join(" ", Options.Select(o => $"{o.Key}={o.Value}"))}".TrimEnd();
}

/// <summary>
/// Reads every row of every table in OPS.md §1–§7 (the operations' contract) as <see cref="OpsCase"/>s, the columns
/// by their header. A row written with alternatives (<c>no / yes</c>, <c>(2,3) / ()</c>) gives one case per
/// alternative, and an op cell's alternatives (<c>Relu / Tanh</c>) apply to each of them. Linked into the runtime
/// and the analyzer tests, so that both check the same cases.
/// </summary>
internal static class OpsCases
{
    // The operation of a table without an "op" column, by the heading it is under.
    private static readonly Dictionary<string, string> OperationBySection = new(StringComparer.Ordinal)
    {
        ["2"] = "BiasAdd",
        ["6"] = "Reshape",
        ["7.1"] = "ExpandDims",
        ["7.2"] = "Squeeze",
        ["7.3"] = "Concatenate",
    };

    // Columns that hold tensor operands; every other column but "op" and the result is an option.
    private static readonly HashSet<string> OperandColumns = new(StringComparer.Ordinal) { "x", "y", "bias", "tensors" };

    private static readonly Regex Heading = new(@"^#{2,3} (\d+(?:\.\d+)?)\.?\s", RegexOptions.CultureInvariant);
    private static readonly Regex ShapeText = new(@"\(([-\d,\s]*)\)", RegexOptions.CultureInvariant);

    /// <summary>docs/OPS.md of the repository this test runs from.</summary>
    public static string? FindFile() => SemanticsMarkdown.FindDocument("OPS.md");

    /// <summary>Every case of §1–§7 of the OPS.md at <paramref name="path"/>, in document order.</summary>
    public static List<OpsCase> Cases(string path)
        => TableRows(path, InScope).SelectMany(row => Expand(row.Section, row.Header, row.Cells)).ToList();

    /// <summary>
    /// Every body row of every table under a heading (<c>## 8.</c>, <c>### 7.1</c>) that <paramref name="inScope"/>
    /// takes, with its section and its table's header, in document order.
    /// </summary>
    public static IEnumerable<(string Section, string[] Header, string[] Cells)> TableRows(string path, Func<string, bool> inScope)
    {
        string? section = null;
        string[]? header = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (Heading.Match(line) is { Success: true } heading)
            {
                section = heading.Groups[1].Value;
                header = null;
                continue;
            }

            if (section is null || !inScope(section) || !line.StartsWith('|'))
            {
                header = line.StartsWith('|') ? header : null;
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
            }
            else if (!cells.All(c => c.Trim('-', ':').Length == 0))
            {
                yield return (section, header, cells);
            }
        }
    }

    /// <summary>A shape as OPS.md spells it: <c>(2,3)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string Spell(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(",", shape)})";

    /// <summary>A list of ints as OPS.md spells it: <c>[0,-1]</c>, <c>(0,2,1)</c>, <c>(-1,)</c>, <c>()</c>, or one int.</summary>
    public static int[] ParseInts(string text)
        => text.Trim('(', ')', '[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    private static bool InScope(string section) => int.TryParse(section.Split('.')[0], out var number) && number is >= 1 and <= 7;

    // One case per alternative (a cell without " / " holds for all of them), for each operation of the op cell.
    private static IEnumerable<OpsCase> Expand(string section, string[] header, string[] cells)
    {
        var opColumn = Array.IndexOf(header, "op");
        var operations = opColumn >= 0 ? Alternatives(cells[opColumn]) : new[] { OperationBySection[section] };
        var alternatives = cells.Select((cell, column) => column == opColumn ? new[] { cell } : Alternatives(cell)).ToArray();
        var count = alternatives.Max(a => a.Length);
        foreach (var operation in operations)
        {
            for (var k = 0; k < count; k++)
            {
                yield return Case(section, operation, header, alternatives.Select(a => a.Length == 1 ? a[0] : a[k]).ToArray());
            }
        }
    }

    private static OpsCase Case(string section, string operation, string[] header, string[] cells)
    {
        var operands = new List<int[]>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var outcome = (Result: (int[]?)null, Error: (string?)null, Unframed: false, Extension: false);
        for (var column = 0; column < header.Length && column < cells.Length; column++)
        {
            var name = header[column];
            if (OperandColumns.Contains(name))
            {
                operands.AddRange(ShapeText.Matches(cells[column]).Select(m => ParseInts(m.Groups[1].Value)));
            }
            else if (name.StartsWith("result", StringComparison.Ordinal))
            {
                outcome = ParseOutcome(cells[column]);
            }
            else if (name != "op")
            {
                options[name] = cells[column];
            }
        }

        return new OpsCase(section, operation, operands, options, outcome.Result, outcome.Error, outcome.Unframed, outcome.Extension);
    }

    // "no / yes" → two alternatives; an error text (in backquotes) is never split.
    private static string[] Alternatives(string cell)
        => cell.Contains('`') ? new[] { cell } : cell.Split(" / ").Select(c => c.Trim()).ToArray();

    // "(2,3)", "(2,6) (Keras: ...)" → a result; "`text`", "EXT `text`", "`text` (unframed)" → the error text.
    private static (int[]? Result, string? Error, bool Unframed, bool Extension) ParseOutcome(string cell)
    {
        if (cell.StartsWith('(') || cell.IndexOf('`') is not (var start and >= 0))
        {
            return (ParseInts(ShapeText.Match(cell).Groups[1].Value), null, false, false);
        }

        var end = cell.IndexOf('`', start + 1);
        var text = cell.Substring(start + 1, end - start - 1);

        // §3's Softmax range rows say "unframed" after the text; a text with no frame is one wherever it is written.
        var unframed = cell.EndsWith("(unframed)", StringComparison.Ordinal) || !text.Contains(" (op: '", StringComparison.Ordinal);
        return (null, text, unframed, cell.StartsWith("EXT ", StringComparison.Ordinal));
    }
}
