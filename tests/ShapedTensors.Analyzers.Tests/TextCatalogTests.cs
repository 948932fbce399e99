extern alias analyzers;

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using analyzers::ShapedTensors.Analyzers.Calls;
using Microsoft.CodeAnalysis.Diagnostics;
using ShapedTensors.Analyzers.Tests.Support;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// SEMANTICS.md §7.1's compile-time rows (D + the rule number): each is its diagnostic's message format, and every
/// diagnostic that composes a message of its own (ST0001, ST0005, ST0006 and ST0007 report the run-time texts) has a row.
/// </summary>
public sealed class TextCatalogTests
{
    [Fact]
    public void Every_diagnostic_message_format_is_listed_exactly()
    {
        var rows = SemanticsMarkdown.TableRows(Path.Combine(RepositoryRoot.Path, "docs", "SEMANTICS.md"), SemanticsMarkdown.EveryText)
            .Where(cells => cells[0].StartsWith('D'))
            .ToDictionary(cells => "ST" + int.Parse(cells[0][1..], CultureInfo.InvariantCulture).ToString("0000", CultureInfo.InvariantCulture), cells => cells[1]);
        // Every analyzer the assembly ships, so a new one cannot go unlisted.
        var descriptors = typeof(TensorCallAnalyzer).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !type.IsAbstract)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id)
            .Select(d => (d.Id, Format: d.MessageFormat.ToString(CultureInfo.InvariantCulture)))
            .Where(d => d.Format != "{0}")
            .ToDictionary(d => d.Id, d => d.Format);

        Assert.Equal(descriptors.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, format) in descriptors)
        {
            Assert.Equal(format, rows[id]);
        }
    }
}
