// Compiled into the runtime, the generator and the analyzers (netstandard2.0): the one einsum equation parser.
using System;
using System.Collections.Generic;
using System.Text;

namespace ShapedTensors;

/// <summary>
/// An einsum equation as TF 2.1's Python wrapper resolves it before the <c>Einsum</c> op exists
/// (<c>_einsum_v2_parse_and_resolve_equation</c>, special_math_ops.py:732-820; OPS.md §9.2 rules 1–5): spaces
/// removed, the implicit output made explicit, or the wrapper's unframed error. Each subscript keeps where it starts
/// in the text as written, so that a diagnostic can point at the offending part.
/// </summary>
internal sealed class EinsumEquation
{
    /// <summary>The code TF's wrapper substitutes for <c>...</c> while it parses (rule 1).</summary>
    private const char EllipsisCode = '0';

    private EinsumEquation(string text, string resolved, string[] inputs, string output, int[] positions, ShapeError? error, EquationSpan span)
    {
        Text = text;
        Resolved = resolved;
        Inputs = inputs;
        Output = output;
        _positions = positions;
        Error = error;
        ErrorSpan = span;
    }

    private readonly int[] _positions; // for each character of Resolved, its index in Text (-1: appended implicit output)

    /// <summary>The equation as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>
    /// OPS.md's <c>{eq}</c>: spaces removed, the implicit output appended after <c>-&gt;</c>, <c>...</c> as written.
    /// </summary>
    public string Resolved { get; }

    /// <summary>The input subscripts (with <c>...</c>), one per operand.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The output subscript (with <c>...</c>), explicit or implicit.</summary>
    public string Output { get; }

    /// <summary>The wrapper's unframed error, or null.</summary>
    public ShapeError? Error { get; }

    /// <summary>Where in <see cref="Text"/> the error is (the whole text when no smaller part is to blame).</summary>
    public EquationSpan ErrorSpan { get; }

    /// <summary>
    /// Resolves <paramref name="equation"/> for <paramref name="operands"/> (their shapes only appear in errors).
    /// </summary>
    public static EinsumEquation Parse(string equation, IReadOnlyList<StaticShape> operands)
    {
        Require.NotNull(equation, nameof(equation));
        var whole = new EquationSpan(0, equation.Length);

        // Rule 1: spaces go; positions remember where each kept character was.
        var kept = new StringBuilder(equation.Length);
        var positions = new List<int>(equation.Length);
        for (var i = 0; i < equation.Length; i++)
        {
            if (equation[i] != ' ')
            {
                kept.Append(equation[i]);
                positions.Add(i);
            }
        }

        var spaceless = kept.ToString();
        var coded = spaceless;
        var hasEllipsis = spaceless.Contains("...");
        if (hasEllipsis)
        {
            var zero = spaceless.IndexOf(EllipsisCode);
            if (zero >= 0)
            {
                return Failed(equation, $"Invalid character \"0\" in equation: {spaceless}", operands, new EquationSpan(positions[zero], 1));
            }

            coded = spaceless.Replace("...", EllipsisCode.ToString());
        }

        // Rule 2: ^([a-zA-Z,]*)(->[a-zA-Z]*)?$, with 0 allowed when ... occurred.
        var arrow = coded.IndexOf("->", StringComparison.Ordinal);
        var left = arrow < 0 ? coded : coded.Substring(0, arrow);
        var right = arrow < 0 ? null : coded.Substring(arrow + 2);
        var bad = FirstInvalid(left, allowComma: true, hasEllipsis);
        if (bad < 0 && right is not null)
        {
            bad = FirstInvalid(right, allowComma: false, hasEllipsis);
            bad = bad < 0 ? -1 : arrow + 2 + bad;
        }

        if (bad >= 0)
        {
            return Failed(equation, $"Subscripts have incorrect format: {coded}", operands, new EquationSpan(PositionOfCoded(spaceless, positions, bad), 1));
        }

        // Rule 3.
        var inputs = left.Split(',');
        if (inputs.Length != operands.Count)
        {
            return Failed(equation, $"Got {operands.Count} inputs for equation \"{spaceless}\", expecting {inputs.Length}", operands, whole);
        }

        // Rule 4: labels occurring exactly once over all inputs, by code point ('0', i.e. ..., first). Library
        // decision (SEMANTICS.md §7): ... in both inputs still leads the implicit output, as numpy does.
        var output = right ?? ImplicitOutput(left);

        // Rule 5: a repeated output label first (TF compares the lengths of the output and of its set), then the
        // first output label no input has.
        for (var i = 0; i < output.Length; i++)
        {
            var again = output.IndexOf(output[i], i + 1);
            if (again >= 0)
            {
                return Failed(equation, $"Output subscripts contain a label appearing more than once: {spaceless}", operands, new EquationSpan(PositionOfCoded(spaceless, positions, arrow + 2 + again), 1));
            }
        }

        for (var i = 0; i < output.Length; i++)
        {
            if (left.IndexOf(output[i]) < 0)
            {
                return Failed(equation, $"Output subscripts contain the label {output[i]} not present in the input subscripts.", operands, new EquationSpan(PositionOfCoded(spaceless, positions, arrow + 2 + i), 1));
            }
        }

        var resolvedInputs = Array.ConvertAll(inputs, Restore);
        var resolvedOutput = Restore(output);
        var resolved = string.Join(",", resolvedInputs) + "->" + resolvedOutput;
        return new EinsumEquation(equation, resolved, resolvedInputs, resolvedOutput, ResolvedPositions(resolved, positions), null, default);
    }

    /// <summary>
    /// Where in <see cref="Text"/> the characters <paramref name="start"/> .. <paramref name="start"/> + <paramref name="length"/>
    /// of <see cref="Resolved"/> were written; the whole text for a part of an implicit output.
    /// </summary>
    public EquationSpan SpanOf(int start, int length)
    {
        if (length <= 0 || _positions[start] < 0 || _positions[start + length - 1] < 0)
        {
            return new EquationSpan(0, Text.Length);
        }

        return new EquationSpan(_positions[start], _positions[start + length - 1] - _positions[start] + 1);
    }

    /// <summary>The index in <see cref="Resolved"/> where input <paramref name="input"/>'s subscript starts.</summary>
    public int InputStart(int input)
    {
        var start = 0;
        for (var i = 0; i < input; i++)
        {
            start += Inputs[i].Length + 1;
        }

        return start;
    }

    /// <summary>The index in <see cref="Resolved"/> where the output subscript starts.</summary>
    public int OutputStart => Resolved.Length - Output.Length;

    private static string Restore(string coded) => coded.Replace(EllipsisCode.ToString(), "...");

    private static int FirstInvalid(string part, bool allowComma, bool hasEllipsis)
    {
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            var valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (allowComma && c == ',') || (hasEllipsis && c == EllipsisCode);
            if (!valid)
            {
                return i;
            }
        }

        return -1;
    }

    private static string ImplicitOutput(string inputs)
    {
        var counts = new SortedDictionary<char, int>();
        foreach (var c in inputs)
        {
            if (c != ',')
            {
                counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
            }
        }

        var output = new StringBuilder();
        if (counts.ContainsKey(EllipsisCode))
        {
            output.Append(EllipsisCode);
        }

        foreach (var pair in counts)
        {
            if (pair.Value == 1 && pair.Key != EllipsisCode)
            {
                output.Append(pair.Key);
            }
        }

        return output.ToString();
    }

    // The index in the text of character `index` of the coded equation (each ... counted as one character).
    private static int PositionOfCoded(string spaceless, List<int> positions, int index)
    {
        var j = 0;
        for (var i = 0; i < index && j < spaceless.Length; i++)
        {
            j += string.CompareOrdinal(spaceless, j, "...", 0, 3) == 0 ? 3 : 1;
        }

        return j < positions.Count ? positions[j] : (positions.Count > 0 ? positions[positions.Count - 1] : 0);
    }

    // For each character of the resolved equation, its index in the text: the spaceless characters are its start,
    // in order; an implicit output (and its arrow), which the user did not write, is -1.
    private static int[] ResolvedPositions(string resolved, List<int> positions)
    {
        var result = new int[resolved.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = i < positions.Count ? positions[i] : -1;
        }

        return result;
    }

    private static EinsumEquation Failed(string text, string message, IReadOnlyList<StaticShape> operands, EquationSpan span)
    {
        var shapes = new StaticShape[operands.Count];
        for (var i = 0; i < shapes.Length; i++)
        {
            shapes[i] = operands[i];
        }

        return new EinsumEquation(text, text, Array.Empty<string>(), string.Empty, Array.Empty<int>(), ShapeError.Unframed(message, shapes), span);
    }
}

/// <summary>A part of a string: where it starts and how long it is.</summary>
internal readonly struct EquationSpan
{
    public EquationSpan(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }
}
