using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Writes diagnostics for a failure message: id, severity, file, line and column, message, and the source lines
/// around the location with the column marked.
/// </summary>
public static class DiagnosticReport
{
    /// <summary>How many lines of source to show before and after a diagnostic's line.</summary>
    public const int ContextLines = 3;

    /// <summary>At most this many diagnostics are shown in full; the rest are counted.</summary>
    public const int MaxShown = 25;

    /// <summary>Formats <paramref name="diagnostics"/>, each with its source context.</summary>
    /// <param name="diagnostics">The diagnostics, in the order to show them.</param>
    /// <param name="isGenerated">Tells generated trees from test sources (shown in the heading of each).</param>
    public static string Format(IEnumerable<Diagnostic> diagnostics, Func<SyntaxTree?, bool>? isGenerated = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var list = diagnostics.ToList();
        var text = new StringBuilder();
        foreach (var diagnostic in list.Take(MaxShown))
        {
            text.Append(Format(diagnostic, isGenerated?.Invoke(diagnostic.Location.SourceTree) ?? false)).Append('\n');
        }

        if (list.Count > MaxShown)
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {list.Count - MaxShown} more.\n");
        }

        return text.ToString();
    }

    /// <summary>Formats one diagnostic with its source context.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="generated">Whether its file is generated (says so in the heading).</param>
    public static string Format(Diagnostic diagnostic, bool generated = false)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var text = new StringBuilder();
        var location = diagnostic.Location;
        var span = location.GetMappedLineSpan();
        var where = location.IsInSource
            ? string.Create(CultureInfo.InvariantCulture, $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})")
            : "(no location)";
        text.Append(CultureInfo.InvariantCulture, $"{diagnostic.Id} {diagnostic.Severity}{(diagnostic.IsWarningAsError ? " (as error)" : string.Empty)} at {where}{(generated ? " [generated]" : string.Empty)}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}\n");
        if (location.SourceTree is { } tree)
        {
            var lines = tree.GetText().Lines;
            var line = span.StartLinePosition.Line;
            var first = Math.Max(0, line - ContextLines);
            var last = Math.Min(lines.Count - 1, line + ContextLines);
            for (var i = first; i <= last; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {(i == line ? '>' : ' ')}{i + 1,5} | {lines[i]}\n");
                if (i == line)
                {
                    text.Append("         | ").Append(' ', span.StartLinePosition.Character).Append("^\n");
                }
            }
        }

        return text.ToString();
    }
}
