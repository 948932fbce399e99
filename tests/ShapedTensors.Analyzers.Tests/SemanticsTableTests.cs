using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// SEMANTICS.md §5, row by row: each error row declared as [Tensor] types and called gives a compile error whose
/// text is exactly the runtime exception's message; the successful rows give no diagnostic at all. Either also
/// gets ST0008 where tf.keras' batch_dot would give another result.
/// </summary>
public sealed class SemanticsTableTests
{
    public static TheoryData<int> ErrorRows => new(Enumerable.Range(0, SemanticsTable.Rows.Count).Where(i => SemanticsTable.Rows[i].IsError));

    [Fact]
    public void The_table_is_read_in_full()
    {
        Assert.Equal(44, SemanticsTable.Rows.Count);
        Assert.Equal(15, ErrorRows.Count);
    }

    [Theory]
    [MemberData(nameof(ErrorRows))]
    public async Task Error_row_is_a_compile_error_with_the_runtime_exception_message(int index)
    {
        var row = SemanticsTable.Rows[index];
        var runtime = row.RuntimeError();
        Assert.Equal(row.Expected, runtime);

        var source = Source.Program(
            $"[Tensor({string.Join(", ", row.X)})] partial struct X;\n[Tensor({string.Join(", ", row.Y)})] partial struct Y;",
            $"var r = {{|#0:new X().{row.Operation}(new Y(){row.CSharpOptions})|}};");
        var expected = new List<DiagnosticResult>
        {
            new DiagnosticResult("ST0001", DiagnosticSeverity.Error).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(runtime),
        };
        if (row.DivergesUnderTfKeras())
        {
            expected.Add(Divergence(0));
        }

        await Verify.SemanticsAsync(source, setting: null, expected.ToArray(), once: true);
    }

    [Fact]
    public async Task Successful_rows_compile_with_no_diagnostic()
    {
        var declarations = new StringBuilder();
        var calls = new StringBuilder();
        var expected = new List<DiagnosticResult>();
        var rows = SemanticsTable.Rows.Where(row => !row.IsError).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Null(rows[i].RuntimeError());
            declarations.AppendLine(CultureInfo.InvariantCulture, $"[Tensor({string.Join(", ", rows[i].X)})] partial struct X{i};");
            declarations.AppendLine(CultureInfo.InvariantCulture, $"[Tensor({string.Join(", ", rows[i].Y)})] partial struct Y{i};");
            var call = $"new X{i}().{rows[i].Operation}(new Y{i}(){rows[i].CSharpOptions})";
            if (rows[i].DivergesUnderTfKeras())
            {
                call = $"{{|#{expected.Count}:{call}|}}";
                expected.Add(Divergence(expected.Count));
            }

            calls.AppendLine(CultureInfo.InvariantCulture, $"        var r{i} = {call};");
        }

        Assert.NotEmpty(expected); // the seed's rank-5 BatchDot, at least
        await Verify.SemanticsAsync(Source.Program(declarations.ToString(), calls.ToString().Trim()), setting: null, expected.ToArray(), once: true);
    }

    private static DiagnosticResult Divergence(int location)
        => new DiagnosticResult("ST0008", DiagnosticSeverity.Warning).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
