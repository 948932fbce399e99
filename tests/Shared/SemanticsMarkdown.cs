using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// Reads the tables of SEMANTICS.md that tests check row by row: §5 (op, x, y, options, result or error), §7.1 (every
/// text) and §9.2 (BatchDot under both semantics), so that the test projects that check the contract read it the
/// same way. Linked into each of them.
/// </summary>
internal static class SemanticsMarkdown
{
    /// <summary>The heading of the §5 table: the worked examples.</summary>
    public const string WorkedExamples = "## 5.";

    /// <summary>The heading of the §7.1 table: every text the library produces.</summary>
    public const string EveryText = "### 7.1";

    /// <summary>The heading of the §9.2 table: BatchDot's worked examples under both semantics.</summary>
    public const string BatchDotSemanticsExamples = "### 9.2";

    /// <summary>
    /// The rows of the table under the heading that starts with <paramref name="heading"/> (up to the next heading),
    /// each as its cells without backquotes; header rows are left out.
    /// </summary>
    public static List<string[]> TableRows(string path, string heading = WorkedExamples)
    {
        var rows = new List<string[]>();
        var lines = File.ReadAllLines(path).Select(line => line.Trim()).ToArray();
        var inSection = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                inSection = line.StartsWith(heading, StringComparison.Ordinal);
                continue;
            }

            var isHeader = i + 1 < lines.Length && lines[i + 1].StartsWith("|---", StringComparison.Ordinal);
            if (!inSection || !line.StartsWith('|') || isHeader || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add(line.Trim('|').Split('|').Select(cell => cell.Trim().Trim('`')).ToArray());
        }

        return rows;
    }

    /// <summary>docs/SEMANTICS.md of the repository this test runs from.</summary>
    public static string? FindFile() => FindDocument("SEMANTICS.md");

    /// <summary>docs/<paramref name="fileName"/> of the repository this test runs from.</summary>
    public static string? FindDocument(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", fileName);
            if (File.Exists(Path.Combine(dir.FullName, "ShapedTensors.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
