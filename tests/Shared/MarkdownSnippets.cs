using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// One fenced code block of a Markdown file: its language (<c>csharp</c>, <c>xml</c>, ...), its text, the line of
/// its first code line, and what an HTML comment on the line before the fence says about it
/// (<c>&lt;!-- snippet library Shapes --&gt;</c>, <c>&lt;!-- snippet app references Shapes --&gt;</c>,
/// <c>&lt;!-- snippet property ShapedTensorsBatchDot=TfKeras --&gt;</c>).
/// </summary>
internal sealed record MarkdownSnippet(string File, int Line, string Language, string Code, string Directive)
{
    /// <summary>Names the snippet in test output: <c>README.md:70</c>.</summary>
    public string Id => File + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The library name of <c>snippet library NAME</c>, or null.</summary>
    public string? LibraryName => Word("library");

    /// <summary>The library of <c>snippet ... references NAME</c>, or null.</summary>
    public string? References => Word("references");

    /// <summary>
    /// The MSBuild properties the project sets, from <c>snippet property NAME=VALUE</c> (repeatable), as the
    /// <c>build_property.NAME</c> options the generator and analyzers read.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Properties
    {
        get
        {
            var words = Directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < words.Length; i++)
            {
                if (words[i] == "property" && words[i + 1].Split('=', 2) is [var name, var value])
                {
                    yield return new("build_property." + name, value);
                }
            }
        }
    }

    private string? Word(string key)
    {
        var words = Directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(words, key);
        return at >= 0 && at + 1 < words.Length ? words[at + 1] : null;
    }
}

/// <summary>
/// Reads the code blocks of the repository's documentation (README.md and docs/**), so that tests can compile every
/// C# snippet and parse every XML one: the docs show only code that works. Linked into the test projects that do so.
/// </summary>
/// <remarks>
/// Conventions for C# snippets: each block is a whole <c>Program.cs</c> (top-level statements first, then types) or, with
/// no statement, a library. A diagnostic the snippet is meant to show is written as a comment line after the line it
/// is reported on, <c>// error ST0001: message</c> (or <c>// warning ...</c>), continued on comment lines indented by
/// more than one space; the message is the whole text.
/// </remarks>
internal static partial class MarkdownSnippets
{
    /// <summary>The documentation files: README.md and every Markdown file under docs/, as paths relative to the root.</summary>
    public static IEnumerable<string> DocumentationFiles(string repositoryRoot)
        => new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(repositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));

    /// <summary>Every fenced code block of every documentation file.</summary>
    public static List<MarkdownSnippet> All(string repositoryRoot)
        => DocumentationFiles(repositoryRoot).SelectMany(file => Read(repositoryRoot, file)).ToList();

    /// <summary>The fenced code blocks of one file.</summary>
    public static IEnumerable<MarkdownSnippet> Read(string repositoryRoot, string file)
    {
        var lines = File.ReadAllLines(Path.Combine(repositoryRoot, file));
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var directive = i > 0 && Directive().Match(lines[i - 1]) is { Success: true } match ? match.Groups[1].Value : string.Empty;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            yield return new MarkdownSnippet(file, start + 1, fence.Groups[1].Value, string.Join("\n", lines[start..end]) + "\n", directive);
            i = end;
        }
    }

    /// <summary>
    /// The diagnostics a C# snippet says it shows: (line of the code it is reported on, 1-based; id; message).
    /// </summary>
    public static List<(int Line, string Id, string Message)> ExpectedDiagnostics(string code)
    {
        var lines = code.Split('\n');
        var expected = new List<(int, string, string)>();
        var codeLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var quoted = Quoted().Match(lines[i]);
            if (!quoted.Success)
            {
                if (lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    codeLine = i + 1;
                }

                continue;
            }

            var message = quoted.Groups["message"].Value.Trim();
            while (i + 1 < lines.Length && Continuation().Match(lines[i + 1]) is { Success: true } more)
            {
                message += " " + more.Groups[1].Value.Trim();
                i++;
            }

            expected.Add((codeLine, quoted.Groups["id"].Value, message));
        }

        return expected;
    }

    [GeneratedRegex(@"^```(\w+)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!--\s*snippet\s+(.*?)\s*-->\s*$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^\s*// (error|warning) (?<id>(ST|CS)\d{4}): (?<message>.*)$")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\s*//\s{2,}(\S.*)$")]
    private static partial Regex Continuation();
}
