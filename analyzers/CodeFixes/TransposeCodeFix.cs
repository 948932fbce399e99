using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>
/// ST0001 on <c>MatMul</c>: offers each combination of <c>transposeA</c> / <c>transposeB</c> that makes the
/// shapes compatible (the analyzer checked each with the shape algebra and listed the working ones).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransposeCodeFix)), Shared]
public sealed class TransposeCodeFix : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "ShapedTensors.Transpose.";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ShapeMismatchId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.TransposeFixes, out var fixes) || fixes is null)
            {
                continue;
            }

            foreach (var code in fixes.Split(';'))
            {
                if (code.Length != 2)
                {
                    continue;
                }

                var (transposeA, transposeB) = (code[0] == 'T', code[1] == 'T');
                context.RegisterCodeFix(
                    CodeAction.Create(Title(transposeA, transposeB), token => ApplyAsync(context.Document, diagnostic, transposeA, transposeB, token), EquivalenceKeyPrefix + code),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static string Title(bool transposeA, bool transposeB) => (transposeA, transposeB) switch
    {
        (true, true) => "Use transposeA: true, transposeB: true",
        (true, false) => "Use transposeA: true",
        (false, true) => "Use transposeB: true",
        _ => "Remove the transpose flags",
    };

    // Drops the flags the user wrote (positional or named) and appends the new ones as named arguments, so
    // the result reads the same whatever the original form. Positional flags are the last parameters, so
    // removing them leaves every other positional argument in its place.
    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, bool transposeA, bool transposeB, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || MismatchedCall.Find(root, diagnostic) is not { } call)
        {
            return document;
        }

        var arguments = call.Invocation.ArgumentList.Arguments.Where(argument => !call.Flags.Contains(argument)).ToList();
        if (transposeA)
        {
            arguments.Add(Flag("transposeA"));
        }

        if (transposeB)
        {
            arguments.Add(Flag("transposeB"));
        }

        var list = call.Invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments, Separators(arguments.Count)));
        return document.WithSyntaxRoot(root.ReplaceNode(call.Invocation.ArgumentList, list));
    }

    private static ArgumentSyntax Flag(string name)
        => SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression))
            .WithNameColon(SyntaxFactory.NameColon(name).WithTrailingTrivia(SyntaxFactory.Space));

    private static IEnumerable<SyntaxToken> Separators(int count)
        => Enumerable.Range(0, System.Math.Max(0, count - 1)).Select(_ => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
}
