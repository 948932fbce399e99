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
}
