using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// A line diff for failure messages: unified-style hunks (<c>-</c> expected, <c>+</c> actual, two lines of
/// context), cut after a number of changed lines.
/// </summary>
public static class TextDiff
{
    private const int Context = 2;

    // Above this many cells in the middle part the LCS table is skipped and lines are paired by position.
    private const long MaxCells = 4_000_000;

    /// <summary>The diff of two texts (split on <c>\n</c>); empty when they are equal.</summary>
    /// <param name="expected">The old text (lines marked <c>-</c>).</param>
    /// <param name="actual">The new text (lines marked <c>+</c>).</param>
    /// <param name="maxChangedLines">Stop after this many <c>-</c>/<c>+</c> lines.</param>
    public static string Unified(string expected, string actual, int maxChangedLines = 40)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        // A final newline on both sides is not a line of its own.
        var bothEnd = expected.EndsWith('\n') && actual.EndsWith('\n');
        var a = (bothEnd ? expected[..^1] : expected).Split('\n');
        var b = (bothEnd ? actual[..^1] : actual).Split('\n');
        var edits = Edits(a, b);
        var text = new StringBuilder();
        var changed = 0;
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: context before, the run of changes (merging changes separated by little context), context after.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count)
            {
                if (edits[end].Kind != ' ')
                {
                    end++;
                    continue;
                }

                var next = end;
                while (next < edits.Count && edits[next].Kind == ' ')
                {
                    next++;
                }

                if (next < edits.Count && next - end <= 2 * Context)
                {
                    end = next;
                    continue;
                }

                break;
            }

            var stop = Math.Min(edits.Count, end + Context);
            text.Append(CultureInfo.InvariantCulture, $"@@ -{edits[start].LineA + 1} +{edits[start].LineB + 1} @@\n");
            for (var k = start; k < stop; k++)
            {
                text.Append(edits[k].Kind).Append(' ').Append(edits[k].Text).Append('\n');
                if (edits[k].Kind != ' ' && ++changed >= maxChangedLines)
                {
                    return text.Append("… (diff cut)\n").ToString();
                }
            }

            i = stop;
        }

        return text.ToString();
    }

    private readonly record struct Edit(char Kind, string Text, int LineA, int LineB);

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<Edit>();
        for (var k = 0; k < prefix; k++)
        {
            edits.Add(new Edit(' ', a[k], k, k));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)n * m <= MaxCells)
        {
            Lcs(a, b, prefix, n, m, edits);
        }
        else
        {
            for (var k = 0; k < n; k++)
            {
                edits.Add(new Edit('-', a[prefix + k], prefix + k, prefix));
            }

            for (var k = 0; k < m; k++)
            {
                edits.Add(new Edit('+', b[prefix + k], prefix + n, prefix + k));
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            edits.Add(new Edit(' ', a[a.Length - suffix + k], a.Length - suffix + k, b.Length - suffix + k));
        }

        return edits;
    }

    // Classic longest-common-subsequence table over the differing middle part.
    private static void Lcs(string[] a, string[] b, int offset, int n, int m, List<Edit> edits)
    {
        var table = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                table[i, j] = a[offset + i] == b[offset + j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[offset + x] == b[offset + y])
            {
                edits.Add(new Edit(' ', a[offset + x], offset + x, offset + y));
                x++;
                y++;
            }
            else if (y < m && (x == n || table[x, y + 1] > table[x + 1, y]))
            {
                edits.Add(new Edit('+', b[offset + y], offset + x, offset + y));
                y++;
            }
            else
            {
                edits.Add(new Edit('-', a[offset + x], offset + x, offset + y));
                x++;
            }
        }
    }
}
