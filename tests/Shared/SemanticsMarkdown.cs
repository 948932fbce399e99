using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// Reads the table of SEMANTICS.md §5 (one row per example: op, x, y, options, result or error), so that the
/// test projects that check the contract read it the same way. Linked into each of them.
/// </summary>
internal static class SemanticsMarkdown
{
    /// <summary>The §5 rows of the file at <paramref name="path"/>, each as its cells without backquotes.</summary>
    public static List<string[]> TableRows(string path)
    {
        var rows = new List<string[]>();
        var inSection = false;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line.StartsWith("## 5.", StringComparison.Ordinal);
                continue;
            }

            if (!inSection || !line.StartsWith('|') || line.StartsWith("| op", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add(line.Trim('|').Split('|').Select(cell => cell.Trim().Trim('`')).ToArray());
        }

        return rows;
    }
}
