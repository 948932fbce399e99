using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>
/// The new operations' diagnostics (ST0001, ST0010) of a program, each as the source text it is on and its message.
/// The program is compiled directly, so the compiler's own errors (CS0019 for an operator the generator did not emit
/// for incompatible shapes, ST0101 for a rank-0 test type) do not get in the way.
/// </summary>
internal static class OperationDiagnostics
{
    /// <summary>ST0001 and ST0010 as (id, text at the location, message), in source order; fails on an analyzer crash (AD0001).</summary>
    public static async Task<List<(string Id, string On, string Message)>> OfAsync(string source)
    {
        var diagnostics = await DirectCompilation.AnalyzerDiagnosticsAsync(DirectCompilation.WithGeneratorOutput(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .Where(d => d.Id is "ST0001" or "ST0010")
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (d.Id, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>A program whose body assigns each of <paramref name="calls"/> to a local of its own.</summary>
    public static string Program(string declarations, IEnumerable<string> calls, string parameters = "")
        => Source.Program(declarations, string.Join("\n        ", calls.Select((call, i) => $"var r{i} = {call};")), parameters);
}
