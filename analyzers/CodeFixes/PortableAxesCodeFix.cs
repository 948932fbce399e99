using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ShapedTensors.Analyzers;

namespace ShapedTensors.CodeFixes;

/// <summary>
/// ST0008: gives a BatchDot call the explicit axes under which Keras 2.2.4's and tf.keras' batch_dot compute the
/// same result (the analyzer found them with the shape algebra): <c>x.BatchDot(y)</c> becomes <c>x.BatchDot(y, (1, 1))</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PortableAxesCodeFix)), Shared]
public sealed class PortableAxesCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "ShapedTensors.PortableAxes";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.BatchDotSemanticsDifferId);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.PortableAxes, out var encoded)
                || encoded?.Split(',') is not { Length: 2 } parts
                || !int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var axisX)
                || !int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var axisY)
                || Argument(root, diagnostic, 0) is not { Parent: ArgumentListSyntax list } right)
            {
                continue;
            }

            var axes = Axes(axisX, axisY);
            var title = $"Use axes {axes} (the same result under both batch_dot semantics)";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(Apply(context.Document, root, list, right, Argument(root, diagnostic, 1), axes)), EquivalenceKey),
                diagnostic);
        }
    }

    // Replaces the axes the call has, or adds them after y: positional when every argument is, named otherwise.
    private static Document Apply(Document document, SyntaxNode root, ArgumentListSyntax list, ArgumentSyntax right, ArgumentSyntax? axes, string text)
    {
        var value = SyntaxFactory.ParseExpression(text);
        if (axes is not null)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(axes.Expression, value.WithTriviaFrom(axes.Expression)));
        }

        var argument = SyntaxFactory.Argument(value);
        if (list.Arguments.Any(a => a.NameColon is not null))
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon("axes").WithTrailingTrivia(SyntaxFactory.Space));
        }

        var arguments = list.Arguments.Insert(list.Arguments.IndexOf(right) + 1, argument);
        return document.WithSyntaxRoot(root.ReplaceNode(list, list.WithArguments(arguments).WithAdditionalAnnotations(Formatter.Annotation)));
    }

    // (1, 1) is written 1: the int form means the same axis of both operands.
    private static string Axes(int axisX, int axisY)
        => axisX == axisY
            ? axisX.ToString(CultureInfo.InvariantCulture)
            : $"({axisX.ToString(CultureInfo.InvariantCulture)}, {axisY.ToString(CultureInfo.InvariantCulture)})";

    // The argument at an additional location of the diagnostic (0: the right operand, 1: the axes), if it is in this document.
    private static ArgumentSyntax? Argument(SyntaxNode root, Diagnostic diagnostic, int index)
        => diagnostic.AdditionalLocations.Count > index
            && diagnostic.AdditionalLocations[index] is { IsInSource: true } location
            && root.FullSpan.Contains(location.SourceSpan)
            ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: false) as ArgumentSyntax
            : null;
}
