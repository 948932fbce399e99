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
/// text is exactly the runtime exception's message; the successful rows give no diagnostic at all.
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
        await Verify.DiagnosticsOnceAsync(source, new DiagnosticResult("ST0001", DiagnosticSeverity.Error)
            .WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage(runtime));
    }

    [Fact]
    public async Task Successful_rows_compile_with_no_diagnostic()
    {
        var declarations = new StringBuilder();
        var calls = new StringBuilder();
        var rows = SemanticsTable.Rows.Where(row => !row.IsError).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Null(rows[i].RuntimeError());
            declarations.AppendLine(CultureInfo.InvariantCulture, $"[Tensor({string.Join(", ", rows[i].X)})] partial struct X{i};");
            declarations.AppendLine(CultureInfo.InvariantCulture, $"[Tensor({string.Join(", ", rows[i].Y)})] partial struct Y{i};");
            calls.AppendLine(CultureInfo.InvariantCulture, $"        var r{i} = new X{i}().{rows[i].Operation}(new Y{i}(){rows[i].CSharpOptions});");
        }

        await Verify.DiagnosticsOnceAsync(Source.Program(declarations.ToString(), calls.ToString().Trim()));
    }
}
