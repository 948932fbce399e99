using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>Every row of every table of OPS.md §1–§7, read from the document, against <see cref="OperationRules"/>.</summary>
public sealed class OpsTableTests
{
    /// <summary>Each row as (section, row number, the row's cells joined by " | "): xunit shows one test per row.</summary>
    public static IEnumerable<object[]> Rows()
    {
        var path = OpsMarkdown.FindFile()!;
        foreach (var section in OpsMarkdown.Sections)
        {
            var rows = OpsMarkdown.TableRows(path, section);
            for (var i = 0; i < rows.Count; i++)
            {
                yield return new object[] { section, i, string.Join(" | ", rows[i]) };
            }
        }
    }

    [Fact]
    public void Every_section_has_its_table()
    {
        var path = OpsMarkdown.FindFile();
        Assert.NotNull(path);
        foreach (var section in OpsMarkdown.Sections)
        {
            Assert.True(OpsMarkdown.TableRows(path!, section).Count >= 3, $"OPS.md {section} has no table of at least 3 rows");
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_holds(string section, int row, string cells)
    {
        Assert.True(row >= 0);
        foreach (var c in OpsTableCase.FromRow(section, cells.Split(" | ")))
        {
            var outcome = OperationRules.Apply(c.Operation, c.Operands, c.Options);
            if (c.ExpectedShape is not null)
            {
                Assert.True(outcome.Succeeded, $"{c.Operation} {string.Join(", ", c.Operands.Select(o => o.ToString()))}: {outcome}");
                Assert.Equal(c.ExpectedShape, outcome.Result!.ToString().Replace(" ", string.Empty, System.StringComparison.Ordinal));
                Assert.Empty(outcome.Deferred);
            }
            else
            {
                Assert.False(outcome.Succeeded, $"{c.Operation} expected to fail with {c.ExpectedError}, got {outcome}");
                Assert.Equal(c.ExpectedError, outcome.Error!.Message);
                Assert.Equal(c.Unframed, outcome.Error.Node is null);
                Assert.Equal(ShapeErrorKind.IncompatibleShapes, outcome.Error.Kind);
            }
        }
    }
}
