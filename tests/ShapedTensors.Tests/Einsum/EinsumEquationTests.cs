using System.Linq;
using Xunit;

namespace ShapedTensors.Tests.Einsum;

/// <summary>
/// The texts of OPS.md §9.2 beyond its table (each rule's text, from TF 2.1's wrapper and <c>EinsumShape</c>), the
/// library's implicit <c>...</c> decision, and where in the equation each error points (what ST0001 underlines).
/// </summary>
public sealed class EinsumEquationTests
{
    [Theory]
    [InlineData("...0i->i", new[] { 2, 3 }, "Invalid character \"0\" in equation: ...0i->i")]
    [InlineData("....ij->ij", new[] { 2, 3 }, "Subscripts have incorrect format: 0.ij->ij")]
    [InlineData("i j;jk", new[] { 2, 3 }, "Subscripts have incorrect format: ij;jk")]
    [InlineData("ij,jk->ik", new[] { 2, 3 }, "Got 1 inputs for equation \"ij,jk->ik\", expecting 2")]
    [InlineData("ij->zii", new[] { 2, 3 }, "Output subscripts contain a label appearing more than once: ij->zii")]
    [InlineData("ij->jz", new[] { 2, 3 }, "Output subscripts contain the label z not present in the input subscripts.")]
    [InlineData("......->", new[] { 2, 3 }, "Expected at most one ellipsis (...), but found 6 periods (.) in the input subscript: ...... for 'einsum/Einsum' (op: 'Einsum') with input shapes: [2,3].")]
    [InlineData("...ijk", new[] { 2, 3 }, "Shape must be at least rank 3 but is rank 2\n\t for 0th input and equation: ...ijk->...ijk for 'einsum/Einsum' (op: 'Einsum') with input shapes: [2,3].")]
    [InlineData("ii", new[] { 2, 3 }, "Dimensions must be equal, but are 2 and 3 for 'einsum/Einsum' (op: 'Einsum') with input shapes: [2,3].")]
    public void One_operand_texts(string equation, int[] shape, string text)
        => Assert.Equal(text, OperationRules.Einsum(equation, new[] { StaticShape.Of(new Shape(shape)) }).Outcome.Error!.Message);

    [Fact]
    public void An_implicit_output_puts_the_ellipsis_first_even_when_both_inputs_have_it()
    {
        var rule = OperationRules.Einsum("...ij,...jk", new[] { StaticShape.Parse(2, 1, 3, 4), StaticShape.Parse(5, 4, 6) });
        Assert.Equal("(2, 5, 3, 6)", rule.Outcome.Result!.ToString());
    }

    [Fact]
    public void Unknown_sizes_merge_and_leave_their_checks_to_run_time()
    {
        var rule = OperationRules.Einsum("bij,bjk->bik", new[] { StaticShape.Parse("batch", 4, 5), StaticShape.Parse("batch", "?", 8) });
        Assert.Equal("(batch, 4, 8)", rule.Outcome.Result!.ToString());
        Assert.Equal("y[1] (?) must equal x[2] (5)", Assert.Single(rule.Outcome.Deferred).Describe());
    }

    [Theory]
    [InlineData("ij,jk->ik", new[] { 2, 3 }, new[] { 4, 5 }, 3, 1)]
    [InlineData("ij, jk->ik", new[] { 2, 3 }, new[] { 4, 5 }, 4, 1)]
    [InlineData("ij;jk->ik", new[] { 2, 3 }, new[] { 3, 5 }, 2, 1)]
    [InlineData("ij,jk->iz", new[] { 2, 3 }, new[] { 3, 5 }, 8, 1)]
    [InlineData("ij,jk->ik", new[] { 2, 3, 4 }, new[] { 3, 5 }, 0, 2)]
    [InlineData("...ij,...jk->...ik", new[] { 2, 3, 4 }, new[] { 5, 4, 6 }, 6, 3)]
    [InlineData("...ij,...jk->ik", new[] { 2, 3, 4 }, new[] { 2, 4, 5 }, 13, 2)]
    [InlineData("ij,jk,kl->il", new[] { 2, 3 }, new[] { 3, 5 }, 0, 12)]
    public void An_error_points_at_the_part_of_the_equation_it_is_about(string equation, int[] a, int[] b, int start, int length)
    {
        var span = OperationRules.Einsum(equation, new[] { a, b }.Select(s => StaticShape.Of(new Shape(s))).ToArray()).ErrorSpan!.Value;
        Assert.Equal((start, length), (span.Start, span.Length));
    }
}
