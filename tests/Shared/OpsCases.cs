using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// One case of a table of OPS.md §1–§7: an operation, its operand shapes, its options as the table spells them, and
/// the result shape or the exact error. A row written with alternatives (<c>no / yes</c>, <c>(2,3) / ()</c>) gives
/// one case per alternative.
/// </summary>
internal sealed record OpsCase(string Section, string Operation, IReadOnlyList<int[]> Operands, IReadOnlyDictionary<string, string> Options, int[]? Result, string? Error)
{
    /// <summary>A short name for test output: section, operation, shapes, options.</summary>
    public override string ToString()
        => $"§{Section} {Operation} {string.Join(" ", Operands.Select(OpsCases.Spell))} {string.Join(" ", Options.Select(o => $"{o.Key}={o.Value}"))}".TrimEnd();
}

/// <summary>
/// Reads every row of every table in OPS.md §1–§7 (the operations' contract) as <see cref="OpsCase"/>s: the columns by
/// their header, the error texts with their backquotes (which <see cref="OpsMarkdown.TableRows"/> drops).
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

    // Columns that hold tensor operands; every other column but the result is an option.
    private static readonly HashSet<string> OperandColumns = new(StringComparer.Ordinal) { "x", "y", "bias", "tensors" };

    private static readonly Regex Heading = new(@"^#{2,3} (\d+(?:\.\d+)?)\.?\s", RegexOptions.CultureInvariant);
    private static readonly Regex ShapeText = new(@"\(([-\d,\s]*)\)", RegexOptions.CultureInvariant);

    /// <summary>Every case of §1–§7 of the OPS.md at <paramref name="path"/>, in document order.</summary>
    public static List<OpsCase> Cases(string path)
    {
        var cases = new List<OpsCase>();
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

            if (section is null || !InScope(section) || !line.StartsWith('|'))
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
                cases.AddRange(Expand(section, header, cells));
            }
        }

        return cases;
    }

    /// <summary>A shape as OPS.md spells it: <c>(2,3)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string Spell(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(",", shape)})";

    private static bool InScope(string section) => int.TryParse(section.Split('.')[0], out var number) && number is >= 1 and <= 7;

    // One case per alternative: a cell without " / " holds for all of them.
    private static IEnumerable<OpsCase> Expand(string section, string[] header, string[] cells)
    {
        var alternatives = cells.Select(Alternatives).ToArray();
        var count = alternatives.Max(a => a.Length);
        for (var k = 0; k < count; k++)
        {
            string Cell(int column) => alternatives[column].Length == 1 ? alternatives[column][0] : alternatives[column][k];
            var operation = OperationBySection.TryGetValue(section, out var fixedOperation) ? fixedOperation : null;
            var operands = new List<int[]>();
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            int[]? result = null;
            string? error = null;
            for (var column = 0; column < header.Length && column < cells.Length; column++)
            {
                var name = header[column];
                var cell = Cell(column);
                if (name == "op")
                {
                    operation = cell;
                }
                else if (OperandColumns.Contains(name))
                {
                    operands.AddRange(ShapeText.Matches(cell).Select(m => ParseShape(m.Groups[1].Value)));
                }
                else if (name.StartsWith("result", StringComparison.Ordinal))
                {
                    (result, error) = ParseOutcome(cell);
                }
                else
                {
                    options[name] = cell;
                }
            }

            yield return new OpsCase(section, operation!, operands, options, result, error);
        }
    }

    // "no / yes" → two alternatives; an error text (in backquotes) is never split.
    private static string[] Alternatives(string cell)
        => cell.Contains('`') ? new[] { cell } : cell.Split(" / ").Select(c => c.Trim()).ToArray();

    // "(2,3)", "(2,6) (Keras: ...)" → a result; "`text`", "EXT `text`", "`text` (unframed)" → the error text.
    private static (int[]? Result, string? Error) ParseOutcome(string cell)
    {
        if (!cell.StartsWith('(') && cell.IndexOf('`') is var start and >= 0)
        {
            var end = cell.IndexOf('`', start + 1);
            return (null, cell.Substring(start + 1, end - start - 1));
        }

        return (ParseShape(ShapeText.Match(cell).Groups[1].Value), null);
    }

    private static int[] ParseShape(string dims)
        => dims.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
}
