using System.Collections.Generic;
using System.Linq;
using ShapedTensors.Tests.Shared;
using Xunit;

namespace ShapedTensors.Tests.Operations;

/// <summary>Every case of every table of OPS.md §1–§7, read from the document, against <see cref="OperationRules"/>.</summary>
public sealed class OpsTableTests
{
    private static readonly List<OpsCase> Cases = OpsCases.Cases(OpsCases.FindFile()!);

    /// <summary>Each case as (index, its name): xunit shows one test per case, named by its shapes and options.</summary>
    public static TheoryData<int, string> AllCases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Cases.Count; i++)
        {
            data.Add(i, Cases[i].ToString());
        }

        return data;
    }

    [Fact]
    public void Every_table_of_sections_1_to_7_is_read()
    {
        // Rows with alternatives ("no / yes", "Relu / Tanh") count once per alternative.
        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7.1", "7.2", "7.3" }, Cases.Select(c => c.Section).Distinct());
        Assert.Equal(75, Cases.Count);
        Assert.Equal(35, Cases.Count(c => c.Error is not null));
        Assert.Equal(3, Cases.Count(c => c.Extension));
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Case_holds(int index, string name)
    {
        var c = Cases[index];
        var operation = OperationCatalog.Find(c.Operation)!;
        var outcome = OperationRules.Apply(operation, c.Operands.Select(dims => StaticShape.Of(new Shape(dims))).ToArray(), Options(operation, c));
        if (c.Result is not null)
        {
            Assert.True(outcome.Succeeded, $"{name}: {outcome}");
            Assert.Equal(OpsCases.Spell(c.Result), outcome.Result!.ToString().Replace(" ", string.Empty, System.StringComparison.Ordinal));
            Assert.Empty(outcome.Deferred);
        }
        else
        {
            Assert.False(outcome.Succeeded, $"{name} expected to fail with {c.Error}, got {outcome}");
            Assert.Equal(c.Error, outcome.Error!.Message);
            Assert.Equal(c.Unframed, outcome.Error.Node is null);
            Assert.Equal(ShapeErrorKind.IncompatibleShapes, outcome.Error.Kind);
        }
    }

    // The case's options as OperationRules takes them, by the kind of the operation's first option.
    private static OperationOptions Options(OperationDescriptor operation, OpsCase c)
    {
        if (operation.Options.Count == 0)
        {
            return OperationOptions.None;
        }

        var option = operation.Options[0];
        return option.Kind switch
        {
            OptionKind.Int => OperationOptions.WithAxis(c.Int(option.Name)),
            OptionKind.IntList => OperationOptions.WithValues(c.Ints(option.Name)),
            _ => c.Options["axis"] is "None"
                ? OperationOptions.Reduction(null, false, c.Options["keepdims"] == "yes")
                : OperationOptions.Reduction(c.Ints("axis"), !c.Options["axis"].StartsWith('['), c.Options["keepdims"] == "yes"),
        };
    }
}
