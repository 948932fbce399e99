using Microsoft.CodeAnalysis;

namespace ShapedTensors.Analyzers;

/// <summary>Source text quoted in a message: kept only when it is short enough to read in one line.</summary>
internal static class SyntaxText
{
    private const int MaxLength = 60;

    /// <summary>The expression as written, or null when it is too long or spans lines.</summary>
    public static string? Short(SyntaxNode node)
    {
        var span = node.Span;
        if (span.Length is 0 or > MaxLength)
        {
            return null;
        }

        var text = node.ToString();
        return text.IndexOf('\n') < 0 ? text : null;
    }
}
