using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>
/// ST0001 on a broadcast that lacks one size-1 axis: <c>x + b</c> becomes <c>x + b.ExpandDims(-1)</c>, for each edit
/// the analyzer found to fit (<see cref="DiagnosticProperties.AxisInsertions"/>, at most two, best first).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertAxisCodeFix)), Shared]
public sealed class InsertAxisCodeFix : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "ShapedTensors.InsertAxis.";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ShapeMismatchId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.AxisInsertions, out var encoded) || encoded is null)
            {
                continue;
            }

            foreach (var edit in encoded.Split(';'))
            {
                if (Read(root, diagnostic, edit) is not { } target)
                {
                    continue;
                }

                var expanded = Expand(target.Operand, target.Axis);
                var title = $"Insert an axis of size 1: {Shorten(expanded)}";

                // The key names the edit, so fix-all applies the same one (operand and axis) everywhere.
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target.Operand, expanded.WithTriviaFrom(target.Operand)))), EquivalenceKeyPrefix + edit),
                    diagnostic);
            }
        }
    }

    // "1:-1": the operand expression at additional location 1, and the axis -1.
    private static (ExpressionSyntax Operand, int Axis)? Read(SyntaxNode root, Diagnostic diagnostic, string edit)
    {
        var parts = edit.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var axis)
            || index < 0
            || index >= diagnostic.AdditionalLocations.Count)
        {
            return null;
        }

        var location = diagnostic.AdditionalLocations[index];
        return location.IsInSource && root.FullSpan.Contains(location.SourceSpan) && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax operand
            ? (operand, axis)
            : null;
    }

    // operand.ExpandDims(axis); an operand that is not primary (a binary expression, a cast, ...) gets parentheses.
    private static InvocationExpressionSyntax Expand(ExpressionSyntax operand, int axis)
    {
        var receiver = ReceiverSyntax.Of(operand.WithoutTrivia());

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(System.Math.Abs(axis)));
        ExpressionSyntax argument = axis < 0 ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, literal) : literal;
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("ExpandDims")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));
    }

    private static string Shorten(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        return text.Length <= 40 && text.IndexOf('\n') < 0 ? text : "...ExpandDims(...)";
    }
}
