using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Compile time against run time on a generated corpus of einsum calls, valid and not (random subscripts over a few
/// labels, `...`, stray characters, implicit outputs, shapes whose ranks and sizes often do not fit): a call is ST0001
/// exactly when <c>DynamicTensor&lt;float&gt;.Einsum</c> throws, with the exception's text.
/// </summary>
public sealed class EinsumCorpusTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_analyzer_reports_what_the_runtime_throws(int seed)
    {
        var random = new Random(seed);
        var cases = Enumerable.Range(0, 40).Select(_ => RandomCase(random)).ToList();
        var declarations = string.Join("\n", cases.SelectMany(c => c.Shapes).DistinctBy(Name).Select(s => OpsSnippet.Declaration(Name(s), s)));
        var calls = cases.Select(c => $"TensorMath.Einsum(\"{c.Equation}\", {string.Join(", ", c.Shapes.Select(s => $"new {Name(s)}()"))})");
        var source = OperationDiagnostics.Program(declarations, calls);
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        // Each call is on a line of its own: "var r{i} = ...".
        var errors = diagnostics.Where(d => d.Id == "ST0001").ToDictionary(
            d => int.Parse(d.Location.SourceTree!.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim()[5..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture),
            d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < cases.Count; i++)
        {
            var expected = RunTime(cases[i]);
            Assert.True(expected == errors.GetValueOrDefault(i), $"{cases[i].Equation} on {string.Join(", ", cases[i].Shapes.Select(Name))}: run time {expected ?? "passes"}, compile time {errors.GetValueOrDefault(i) ?? "passes"}");
        }

        Assert.InRange(errors.Count, 5, cases.Count - 5); // the corpus has both kinds
    }

    private static string? RunTime((string Equation, int[][] Shapes) c)
    {
        var operands = c.Shapes.Select(s => DynamicTensor<float>.Zeros(new Shape(s))).ToArray();
        try
        {
            _ = operands.Length == 1 ? DynamicTensor<float>.Einsum(c.Equation, operands[0]) : DynamicTensor<float>.Einsum(c.Equation, operands[0], operands[1]);
            return null;
        }
        catch (ShapeMismatchException e)
        {
            return e.Message;
        }
    }

    private static string Name(int[] shape) => "S" + string.Concat(shape.Select(d => "_" + d));

    // Subscripts of 0-3 labels from "ijk", sometimes "...", sometimes a stray character; ranks near the subscript's;
    // sizes 1-3, so that labels often conflict; the output explicit or implicit.
    private static (string Equation, int[][] Shapes) RandomCase(Random random)
    {
        var operands = random.Next(1, 3);
        var subscripts = new List<string>();
        var shapes = new List<int[]>();
        for (var i = 0; i < operands; i++)
        {
            var labels = string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => "ijk"[random.Next(3)]));
            var ellipsis = random.Next(4) == 0;
            var subscript = ellipsis ? labels.Insert(random.Next(labels.Length + 1), "...") : labels;
            var rank = Math.Max(1, labels.Length + (ellipsis ? random.Next(0, 3) : random.Next(5) == 0 ? 1 : 0));
            subscripts.Add(subscript);
            shapes.Add(Enumerable.Range(0, rank).Select(_ => random.Next(1, 4)).ToArray());
        }

        var equation = string.Join(random.Next(20) == 0 ? ";" : ",", subscripts);
        if (random.Next(2) == 0)
        {
            equation += "->" + string.Concat(subscripts.SelectMany(s => s).Where(char.IsLetter).Distinct().Take(random.Next(3)))
                + (random.Next(6) == 0 ? "z" : string.Empty) + (equation.Contains("...", StringComparison.Ordinal) && random.Next(3) > 0 ? "..." : string.Empty);
        }

        return (equation, shapes.ToArray());
    }
}
