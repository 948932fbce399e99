using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Every row of PARTIAL_SHAPES.md §10 at compile time: ST0001 with the exact graph-time text (<c>?</c> in the frame)
/// for the error rows, one ST0010 per deferred check of the "warn" column (in its order), and nothing for the others.
/// </summary>
public sealed class PartialShapeRowTests
{
    private const string None = "";

    /// <summary>id, op, x, y, options, exact graph-time error (or none), deferred checks ("; "-joined, or none).</summary>
    public static readonly TheoryData<string, string, string, string, string, string, string> Rows = new()
    {
        { "D1", "Dot", "(b,4,5)", "(5,8)", None, None, None },
        { "D2", "Dot", "(?,3,4)", "(4,5)", None, None, None },
        { "D3", "Dot", "(b,3,4)", "(4,5)", None, None, None },
        { "D4", "Dot", "(?,3,4)", "(5,6)", None, "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [?,4], [5,6].", None },
        { "D5", "Dot", "(2,3,4)", "(b,5,6)", None, "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [6,4], [5,?].", None },
        { "D6", "Dot", "(b,3,4)", "(c,5,6)", None, "Dimensions must be equal, but are 4 and 5 for 'MatMul' (op: 'MatMul') with input shapes: [?,4], [5,?].", None },
        { "D7", "Dot", "(2,3,k)", "(4,5)", None, None, "x[2] ('k') must equal y[0] (4)" },
        { "D8", "Dot", "(2,3)", "(b,3,5)", None, None, None },
        { "D9", "Dot", "(4,)", "(7,k,5)", None, None, "y[1] ('k') must equal x[0] (4)" },
        { "D10", "Dot", "(b,t,4)", "(4,5)", None, None, None },
        { "D11", "Dot", "(n,5)", "(6,3)", None, "Dimensions must be equal, but are 5 and 6 for 'MatMul' (op: 'MatMul') with input shapes: [?,5], [6,3].", None },
        { "D12", "Dot", "(3,k)", "(5,2)", None, None, "x[1] ('k') must equal y[0] (5)" },
        { "D13", "Dot", "(3,k)", "(m,2)", None, None, "x[1] ('k') must equal y[0] ('m')" },
        { "D14", "Dot", "(3,k)", "(k,2)", None, None, None },
        { "D15", "Dot", "(n,4)", "(4,n)", None, None, None },
        { "D16", "Dot", "(n,n)", "(n,2)", None, None, None },
        { "D17", "Dot", "(b,3,k)", "(5,)", None, None, "x[2] ('k') must equal y[0] (5)" },
        { "B1", "BatchDot", "(b,4,5)", "(b,5,8)", None, None, None },
        { "B2", "BatchDot", "(?,4,5)", "(32,5,8)", None, None, "x[0] (?) must equal y[0] (32)" },
        { "B3", "BatchDot", "(b,4,5)", "(b,6,8)", None, "Dimensions must be equal, but are 5 and 6 for 'MatMul' (op: 'BatchMatMul') with input shapes: [?,4,5], [?,6,8].", None },
        { "B4", "BatchDot", "(b,8,2,3)", "(b,9,3,4)", None, "Dimension 1 in both shapes must be equal, but are 8 and 9. Shapes are [?,8] and [?,9]. for 'MatMul' (op: 'BatchMatMul') with input shapes: [?,8,2,3], [?,9,3,4].", None },
        { "B5", "BatchDot", "(b,20,1)", "(32,30,20)", "(1, 2)", None, "x[0] ('b') must equal y[0] (32)" },
        { "B6", "BatchDot", "(b,4,k)", "(b,m,6)", None, None, "x[2] ('k') must equal y[1] ('m')" },
        { "B7", "BatchDot", "(a,4,5)", "(c,5,6)", None, None, "x[0] ('a') must equal y[0] ('c')" },
        { "B8", "BatchDot", "(b,5)", "(b,4,6)", None, "Dimensions must be equal, but are 5 and 4 for 'MatMul' (op: 'BatchMatMul') with input shapes: [?,5,1], [?,4,6].", None },
        { "B9", "BatchDot", "(b,4,5)", "(b,5)", None, None, None },
        { "B10", "BatchDot", "(b,20)", "(b,20)", "1", None, None },
        { "B11", "BatchDot", "(?,20)", "(32,20)", "1", None, "x[0] (?) must be 1 or equal y[0] (32)" },
        { "B12", "BatchDot", "(b,20)", "(b,20)", None, None, "y[0] ('b') must be 1 or equal x[1] (20); x[0] ('b') must be 1 or equal y[1] (20)" },
        { "B13", "BatchDot", "(b,20)", "(32,16)", None, "Dimensions must be equal, but are 20 and 32 for 'Mul' (op: 'Mul') with input shapes: [20,?], [32,16].", None },
        { "B14", "BatchDot", "(3,)", "(3,m)", None, None, "axis 0 of the product (y[1] ('m')) must be 1" },
        { "B15", "BatchDot", "(b,)", "(b,20)", None, "Can not squeeze dim[0], expected a dimension of 1, got 20 for 'Squeeze' (op: 'Squeeze') with input shapes: [20].", None },
        { "B16", "BatchDot", "(b,3)", "(b,3,u,5)", None, "Can not squeeze dim[1], expected a dimension of 1, got 3 for 'Squeeze' (op: 'Squeeze') with input shapes: [?,3,1,5].", None },
        { "B17", "BatchDot", "(2,t)", "(2,t,u,5)", None, None, "y[2] ('u') must equal 1; axis 1 of the product (x[1]/y[1] ('t')) must be 1" },
        { "M1", "MatMul", "(b,4,5)", "(b,5,8)", None, None, None },
        { "M2", "MatMul", "(b,4,5)", "(5,8)", None, None, None },
        { "M3", "MatMul", "(b,4,5)", "(7,5,8)", None, None, "x[0] ('b') must be 1 or equal y[0] (7)" },
        { "M4", "MatMul", "(b,4,5)", "(1,5,8)", None, None, None },
        { "M5", "MatMul", "(b,4,5)", "(c,5,8)", None, None, "x[0] ('b') and y[0] ('c') must be equal or one of them 1" },
        { "M6", "MatMul", "(8,2,3)", "(b,4,5)", None, "Dimensions must be equal, but are 3 and 4 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [8,2,3], [?,4,5].", None },
        { "M7", "MatMul", "(8,2,k)", "(9,3,4)", None, "Dimensions must be equal, but are 8 and 9 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [8,2,?], [9,3,4].", None },
        { "M8", "MatMul", "(k,2)", "(5,4)", "transposeA: true", None, "x[0] ('k') must equal y[0] (5)" },
        { "M9", "MatMul", "(b,3,2)", "(b,4,3)", "transposeA: true, transposeB: true", None, None },
        { "M10", "MatMul", "(b,4,k)", "(b,m,6)", None, None, "x[2] ('k') must equal y[1] ('m')" },
        { "M11", "MatMul", "(b,k,2)", "(b,4,m)", "transposeA: true", None, "x[1] ('k') must equal y[1] (4)" },
        { "M12", "MatMul", "(b,2,3)", "(3,)", None, "Shape must be at least rank 2 but is rank 1 for 'MatMul' (op: 'BatchMatMulV2') with input shapes: [?,2,3], [3].", None },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Row_gives_its_compile_time_outcome(string id, string op, string x, string y, string options, string error, string warn)
    {
        Assert.NotEmpty(id);
        var arguments = options.Length == 0 ? string.Empty : ", " + options;
        var source = Source.Program(
            PartialSource.Tensor("X", x) + "\n" + PartialSource.Tensor("Y", y),
            $"_ = {{|#0:new X().{op}(new Y(){arguments})|}};");
        var expected = error.Length > 0
            ? new[] { ShapeMismatch(error) }
            : warn.Split("; ", System.StringSplitOptions.RemoveEmptyEntries).Select(check => CheckedAtRunTime(op, check)).ToArray();
        await PartialSource.VerifyAsync(source, expected);
    }

    /// <summary>ST0001 at markup location <paramref name="location"/> (its code-fix locations are ST0001's own tests).</summary>
    internal static DiagnosticResult ShapeMismatch(string text, int location = 0)
        => new DiagnosticResult("ST0001", DiagnosticSeverity.Error).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(text);

    /// <summary>ST0010 at markup location <paramref name="location"/>, with the framing of PARTIAL_SHAPES.md §8.3.</summary>
    internal static DiagnosticResult CheckedAtRunTime(string op, string requirement, int location = 0)
        => new DiagnosticResult("ST0010", DiagnosticSeverity.Warning).WithLocation(location).WithMessage($"'{op}' is checked at run time: {requirement}.");
}
