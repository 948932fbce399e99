using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Edits of a test compilation, as an IDE would make them between two generator runs (for
/// <see cref="CachingAssert.AssertEditKeepsOutputsCached"/>).
/// </summary>
public static class CompilationEdits
{
    /// <summary>
    /// Replaces <paramref name="oldText"/> with <paramref name="newText"/> in the one source that contains it
    /// (keeping that tree's path and parse options, like a keystroke in an open file). Fails if no source or more
    /// than one contains it.
    /// </summary>
    /// <param name="compilation">The compilation to edit.</param>
    /// <param name="oldText">Text that occurs in exactly one source.</param>
    /// <param name="newText">Its replacement.</param>
    public static CSharpCompilation ReplaceText(CSharpCompilation compilation, string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentException.ThrowIfNullOrEmpty(oldText);
        var trees = compilation.SyntaxTrees.Where(t => t.GetText().ToString().Contains(oldText, StringComparison.Ordinal)).ToList();
        if (trees.Count != 1)
        {
            Assert.Fail($"'{oldText}' occurs in {trees.Count} sources; an edit must name text in exactly one.");
        }

        var tree = trees[0];
        var text = tree.GetText();
        var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
        var changed = text.WithChanges(new TextChange(new TextSpan(start, oldText.Length), newText));
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(changed));
    }

    /// <summary>Adds a source file (path <c>Added{n}.cs</c>) parsed like the others.</summary>
    /// <param name="compilation">The compilation to edit.</param>
    /// <param name="source">The new file's text.</param>
    public static CSharpCompilation AddSource(CSharpCompilation compilation, string source)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        var options = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions ?? CSharpParseOptions.Default;
        return compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), options, path: $"Added{compilation.SyntaxTrees.Length}.cs"));
    }
}
