using ShapedTensors.Kernels;
using ShapedTensors.Tests.Reference;
using ShapedTensors.Tests.Support;
using Xunit;

namespace ShapedTensors.Tests;

/// <summary>
/// The packed product's Vector256 micro-kernel, which hardware with Vector512 would otherwise never run: the
/// large cases again with Vector512 switched off.
/// </summary>
[Collection(nameof(BlockedGemmTests))]
public class BlockedGemmTests
{
    [Theory]
    [InlineData("Dot", "(70,600)", "(600,40)", "")]
    [InlineData("MatMul", "(300,300)", "(100,300)", "transposeB")]
    [InlineData("MatMul", "(2,97,150)", "(97,161)", "transposeA")]
    [InlineData("MatMul", "(96,128)", "(130,96)", "transposeA, transposeB")]
    public void Vector256_micro_kernel_agrees_with_the_reference(string op, string x, string y, string options)
    {
        BlockedGemm.DisableVector512 = true;
        try
        {
            ValueCheck.AssertValuesMatch(ContractionCase.Parse(op, x, y, options), seed: 7, out _);
        }
        finally
        {
            BlockedGemm.DisableVector512 = false;
        }
    }

    // More than one block of columns (ColumnBlock), of depth (DepthBlock) and of rows (RowBlock), with edge tiles
    // in each, on both micro-kernel widths.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Column_depth_and_row_blocks_agree_with_the_reference(bool vector256Only)
    {
        BlockedGemm.DisableVector512 = vector256Only;
        try
        {
            ValueCheck.AssertValuesMatch(ContractionCase.Parse("Dot", "(101,300)", "(300,2100)", ""), seed: 11, out _);
        }
        finally
        {
            BlockedGemm.DisableVector512 = false;
        }
    }
}
