using System.Collections.Generic;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// Reads the tables of OPS.md §1–§7 (the worked examples of the new operations) with the table reader of
/// <see cref="SemanticsMarkdown"/>: each row as its cells, backquotes at the ends of a cell removed.
/// </summary>
internal static class OpsMarkdown
{
    /// <summary>The headings of the sections whose table a test checks row by row, in document order.</summary>
    public static IReadOnlyList<string> Sections { get; } = new[]
    {
        "## 1.", "## 2.", "## 3.", "## 4.", "## 5.", "## 6.", "### 7.1", "### 7.2", "### 7.3",
    };

    /// <summary>docs/OPS.md of the repository this test runs from.</summary>
    public static string? FindFile() => SemanticsMarkdown.FindDocument("OPS.md");

    /// <summary>The rows of the table of the section headed <paramref name="heading"/>.</summary>
    public static List<string[]> TableRows(string path, string heading) => SemanticsMarkdown.TableRows(path, heading);
}
