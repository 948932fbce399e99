using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShapedTensors.Analyzers.Tests.Support;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// OPS.md §1–§7, row by row: each row declared as [Tensor] types and called in every C# spelling (method, operator,
/// scalar literal, options positional, named, as arrays and collection expressions) gives exactly ST0001 with the
/// row's text on each call when it is an error row, and no diagnostic at all otherwise.
/// </summary>
public sealed class OpsTableTests
{
    private static readonly List<OpsCase> Cases = OpsCases.Cases(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "OPS.md"));

    public static TheoryData<int> AllCases => new(Enumerable.Range(0, Cases.Count));

    [Fact]
    public void Every_table_of_sections_1_to_7_is_read()
    {
        // Rows with alternatives ("no / yes", "Relu / Tanh") count once per alternative.
        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7.1", "7.2", "7.3" }, Cases.Select(c => c.Section).Distinct());
        Assert.Equal(75, Cases.Count);
        Assert.Equal(35, Cases.Count(c => c.Error is not null));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public async Task Row_gives_its_exact_error_or_nothing(int index)
    {
        var @case = Cases[index];
        var calls = OpsSnippet.Calls(@case).ToList();
        Assert.NotEmpty(calls);

        var diagnostics = await OperationDiagnostics.OfAsync(OperationDiagnostics.Program(OpsSnippet.Declarations(@case), calls));

        var expected = @case.Error is null ? new List<(string, string, string)>() : calls.Select(call => ("ST0001", call, @case.Error)).ToList();
        Assert.Equal(expected, diagnostics);
    }
}
