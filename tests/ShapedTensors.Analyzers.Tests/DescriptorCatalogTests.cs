extern alias analyzers;
extern alias codefixes;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using analyzers::ShapedTensors.Analyzers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>The catalogue, the release tracking file and the rule pages say the same thing about every rule.</summary>
public sealed class DescriptorCatalogTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = Support.DirectCompilation.Analyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .ToArray();

    private static string Docs => Path.Combine(Support.RepositoryRoot.Path, "docs", "diagnostics");

    public static TheoryData<string> Ids => new(Descriptors.Select(d => d.Id));

    [Fact]
    public void Every_descriptor_of_the_catalogue_is_reported_by_exactly_one_analyzer()
    {
        var catalogue = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => ((DiagnosticDescriptor)field.GetValue(null)!).Id)
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(catalogue, Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(Descriptors.Length, Descriptors.Select(d => d.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_its_id_link_page_and_release_entry(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        Assert.Matches("^ST0[012][0-9]{2}$", id);
        Assert.Equal(string.Empty, descriptor.HelpLinkUri);   // reported diagnostics link to the page that comes with the package (HelpLinkTests)
        Assert.True(descriptor.IsEnabledByDefault);

        // The page: titled with the ID and the descriptor's title, stating its severity, with an example and a fix.
        var page = File.ReadAllText(Path.Combine(Docs, id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page, StringComparison.Ordinal);
        Assert.Contains($"| {descriptor.DefaultSeverity} | {descriptor.Category} |", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## What", "## Why", "## Example", "## Fix", id.StartsWith("ST02", StringComparison.Ordinal) ? "```xml" : "```csharp" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        // The index and the release tracking file.
        Assert.Contains($"| [{id}]({id}.md) | {descriptor.DefaultSeverity} |", File.ReadAllText(Path.Combine(Docs, "README.md")), StringComparison.Ordinal);
        var unshipped = File.ReadAllText(Path.Combine(Support.RepositoryRoot.Path, "analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", unshipped, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_page_is_of_a_rule()
    {
        var pages = Directory.GetFiles(Docs, "ST*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), pages);
    }

    [Fact]
    public void Code_fixes_fix_rules_of_the_catalogue()
    {
        var fixes = typeof(codefixes::ShapedTensors.CodeFixes.MakePartialCodeFix).Assembly.GetTypes()
            .Where(type => typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(type))
            .SelectMany(type => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds)
            .ToHashSet();
        Assert.Equal(new HashSet<string> { "ST0001", "ST0003", "ST0008", "ST0105", "ST0106" }, fixes);
    }

    [Fact]
    public void The_example_messages_in_the_pages_fit_the_rules_message_formats()
    {
        // Each page quotes its diagnostic as "// error STxxxx: message" or "// warning STxxxx: message" (a settings rule,
        // which has no location in source, as the build prints it: "CSC : warning STxxxx: message"); the rule
        // tests assert the same texts, and this keeps the pages in step with the message formats.
        foreach (var descriptor in Descriptors)
        {
            var page = File.ReadAllText(Path.Combine(Docs, descriptor.Id + ".md"));
            var quoted = Regex.Match(page, $@"(?://|CSC :) (error|warning) {descriptor.Id}: (?<message>.+)");
            Assert.True(quoted.Success, descriptor.Id + " quotes no message");
            Assert.Equal(descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning", quoted.Groups[1].Value);
            var format = "^" + Regex.Replace(Regex.Escape(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)), @"\\\{\d+}", ".+") + "$";
            Assert.Matches(format, quoted.Groups["message"].Value);
        }
    }
}
