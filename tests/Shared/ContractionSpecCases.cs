using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// One row of OPS.md §8 (<c>TensorDot</c>: <see cref="Axes"/> set) or §9.2 (<c>Einsum</c>: <see cref="Equation"/> set):
/// the operand shapes and the result shape or the exact error (<c>\n\t</c> read as a newline and a tab).
/// </summary>
internal sealed record ContractionSpecCase(string Section, string? Equation, string? Axes, IReadOnlyList<int[]> Operands, int[]? Result, string? Error, bool Unframed)
{
    /// <summary>A short name for test output.</summary>
    public override string ToString() => $"§{Section} {Equation ?? "axes=" + Axes} {string.Join(" ", Operands.Select(OpsCases.Spell))}";
}

/// <summary>
/// Reads the example tables of OPS.md §8 and §9.2 (not §9.3, which is TF 1.13's behaviour the library does not
/// mirror). A row written with alternatives (<c>`ij,jk` / `ba`</c>) gives one case per alternative, the operands'
/// alternatives (<c>(2,3),(3,5) / (3,2)</c>) and results split the same way. Linked into the runtime and analyzer tests.
/// </summary>
internal static class ContractionSpecCases
{
    private static readonly Regex ShapeText = new(@"\(([-\d,\s]*)\)", RegexOptions.CultureInvariant);

    /// <summary>Every case of §8 and §9.2 of the OPS.md at <paramref name="path"/>, in document order.</summary>
    public static List<ContractionSpecCase> Cases(string path)
        => OpsCases.TableRows(path, section => section is "8" or "9.2").SelectMany(row => Expand(row.Section, row.Header, row.Cells)).ToList();

    /// <summary>Each case as (index, its name): xunit shows one test per case.</summary>
    public static Xunit.TheoryData<int, string> Indexed(List<ContractionSpecCase> cases)
    {
        var data = new Xunit.TheoryData<int, string>();
        for (var i = 0; i < cases.Count; i++)
        {
            data.Add(i, cases[i].ToString());
        }

        return data;
    }

    private static IEnumerable<ContractionSpecCase> Expand(string section, string[] header, string[] cells)
    {
        string Cell(string name) => cells[Array.IndexOf(header, name)];
        var equations = section == "9.2" ? Cell("equation").Split(" / ").Select(e => e.Trim().Trim('`')).ToArray() : new string?[] { null };
        var aCells = Cell("a").Split(" / ");
        var results = Cell(header.Single(h => h.StartsWith("result", StringComparison.Ordinal)));
        var resultCells = results.Contains('`') ? new[] { results } : results.Split(" / ");
        for (var k = 0; k < equations.Length; k++)
        {
            var operands = ShapeText.Matches(aCells[Math.Min(k, aCells.Length - 1)]).Select(m => OpsCases.ParseInts(m.Groups[1].Value)).ToList();
            if (Cell("b").Length > 0)
            {
                operands.Add(OpsCases.ParseInts(ShapeText.Match(Cell("b")).Groups[1].Value));
            }

            var axes = section == "8" ? Cell("axes") : null;
            var outcome = resultCells[Math.Min(k, resultCells.Length - 1)].Trim();
            if (outcome.IndexOf('`') is var start and >= 0)
            {
                var text = outcome.Substring(start + 1, outcome.IndexOf('`', start + 1) - start - 1).Replace("\\n\\t", "\n\t", StringComparison.Ordinal);
                yield return new ContractionSpecCase(section, equations[k], axes, operands, null, text, outcome.EndsWith("(unframed)", StringComparison.Ordinal));
            }
            else
            {
                yield return new ContractionSpecCase(section, equations[k], axes, operands, OpsCases.ParseInts(outcome), null, false);
            }
        }
    }
}
