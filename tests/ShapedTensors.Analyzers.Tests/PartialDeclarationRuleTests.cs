using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>
/// Declarations of partially known shapes (<c>[Tensor("batch", 784)]</c>): ST0111 and ST0112, and ST0102–ST0108 as for
/// fully known ones. Without the generator: these rules are about what the user wrote, not what is emitted for it.
/// </summary>
public sealed class PartialDeclarationRuleTests
{
    private static DiagnosticResult Error(string id, int location = 0) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location);

    private static Task VerifyAsync(string declarations, params DiagnosticResult[] expected)
    {
        var test = new ShapedTensorsTest(runGenerator: false) { TestCode = "using ShapedTensors;\n\nnamespace App;\n\n" + declarations + "\n" };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task Valid_partial_declarations_raise_nothing()
    {
        await VerifyAsync("""
            [Tensor("batch", 784)] public partial struct Input;
            [Tensor<double>("?", "t", 4)] internal partial class Sequence;
            [Tensor<float>("n", "n")] partial struct Square;
            [Tensor("_b", "x1", "?", "?", 0)] partial struct Odd;
            [Tensor("dim", "Dimension", "shapes", "Items", "lengthy")] partial struct NearMisses;
            [Tensor("batch", 100000, 0, 100000)] partial struct EmptyAndHuge;
            """);
    }

    [Fact]
    public async Task ST0111_a_dimension_that_is_not_a_size_or_a_name_is_reported_at_that_dimension()
    {
        await VerifyAsync(
            """
            [Tensor({|#0:"batch size"|}, 784)] partial struct A;
            [Tensor("b", {|#1:""|}, {|#2:"1x"|})] partial struct B;
            [Tensor<double>({|#3:2.5|}, "b")] partial class C;
            [Tensor("b", {|#4:null|})] partial struct D;
            [Tensor({|#5:'c'|}, {|#6:true|}, {|#7:"b?"|})] partial struct E;
            """,
            Error("ST0111", 0).WithMessage("Dimension 0 of 'A' is \"batch size\", which is neither a size nor a dimension name: use an int, a C# identifier such as \"batch\", or \"?\" for an unknown dimension"),
            Error("ST0111", 1).WithArguments(1, "B", "\"\""),
            Error("ST0111", 2).WithArguments(2, "B", "\"1x\""),
            Error("ST0111", 3).WithArguments(0, "C", "2.5"),
            Error("ST0111", 4).WithArguments(1, "D", "null"),
            Error("ST0111", 5).WithArguments(0, "E", "'c'"),
            Error("ST0111", 6).WithArguments(1, "E", "true"),
            Error("ST0111", 7).WithArguments(2, "E", "\"b?\""));
    }

    [Fact]
    public async Task ST0112_a_name_whose_property_is_a_tensor_member_is_reported_at_its_first_occurrence()
    {
        await VerifyAsync(
            """
            [Tensor({|#0:"length"|}, 3, "length")] partial struct A;
            [Tensor({|#1:"shape"|}, {|#2:"StaticShape"|}, {|#3:"rank"|}, {|#4:"item"|})] partial struct B;
            [Tensor(3, {|#5:"dim0"|}, {|#6:"Dim12"|})] partial class C;
            """,
            Error("ST0112", 0).WithMessage("Dimension 0 of 'A' is named 'length', whose size property 'Length' is already a member of every tensor type: rename the dimension"),
            Error("ST0112", 1).WithArguments(0, "B", "shape", "Shape", "is already a member of every tensor type"),
            Error("ST0112", 2).WithArguments(1, "B", "StaticShape", "StaticShape", "is already a member of every tensor type"),
            Error("ST0112", 3).WithArguments(2, "B", "rank", "Rank", "is already a member of every tensor type"),
            Error("ST0112", 4).WithArguments(3, "B", "item", "Item", "is already a member of every tensor type"),
            Error("ST0112", 5).WithArguments(1, "C", "dim0", "Dim0", "is already a member of every tensor type"),
            Error("ST0112", 6).WithArguments(2, "C", "Dim12", "Dim12", "is already a member of every tensor type"));
    }

    [Fact]
    public async Task ST0112_two_names_with_one_property_are_both_reported()
    {
        await VerifyAsync(
            "[Tensor({|#0:\"batch\"|}, 4, {|#1:\"Batch\"|}, \"batch\")] partial struct A;",
            Error("ST0112", 0).WithMessage("Dimension 0 of 'A' is named 'batch', whose size property 'Batch' is also that of dimension 2, named 'Batch': rename the dimension"),
            Error("ST0112", 1).WithArguments(2, "A", "Batch", "Batch", "is also that of dimension 0, named 'batch'"));
    }

    [Fact]
    public async Task ST0102_and_ST0103_apply_to_partial_declarations()
    {
        await VerifyAsync(
            """
            [Tensor("b", {|#0:-2|})] partial struct Negative;
            [{|#1:Tensor("b", 100000, 100000)|}] partial struct Huge;
            [Tensor({|#2:-1|}, "b")] partial struct MinusOne;
            """,
            Error("ST0102", 0).WithMessage("Dimension 1 of 'Negative' is -2, but a dimension cannot be negative"),
            Error("ST0103", 1).WithMessage("The shape (b, 100000, 100000) of 'Huge' has 10000000000 elements, more than the 2147483591 an array can hold"),
            Error("ST0102", 2).WithArguments(0, "MinusOne", -1));
    }

    [Fact]
    public async Task ST0105_to_ST0108_apply_to_partial_declarations()
    {
        await VerifyAsync(
            """
            [Tensor("b", 3)] struct {|#0:NotPartial|};
            [Tensor("b", 3)] partial record {|#1:Record|};
            [Tensor("b")] [{|#2:Tensor<double>("b")|}] partial struct Twice;
            """,
            Error("ST0105", 0).WithArguments("NotPartial"),
            Error("ST0107", 1).WithArguments("Record", "a record"),
            Error("ST0108", 2).WithArguments("Twice"));
    }
}
