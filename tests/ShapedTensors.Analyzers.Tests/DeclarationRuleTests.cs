using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>The declaration rules ST0101-ST0110, each triggering and not.</summary>
public sealed class DeclarationRuleTests
{
    private static DiagnosticResult Error(string id, int location = 0) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location);

    private static string File(string declarations) => "using ShapedTensors;\n\nnamespace App;\n\n" + declarations + "\n";

    [Fact]
    public async Task Valid_declarations_raise_nothing()
    {
        await Verify.DiagnosticsAsync(File("""
            [Tensor(3, 4)] public partial struct S;
            [Tensor(3)] internal readonly partial struct R;
            [Tensor(2, 2)] public sealed partial class C;
            [Tensor<float>(5)] partial struct F;
            [Tensor<double>(2, 3, 4)] partial class D;
            [Tensor(0x7FFFFFC7)] partial struct Largest;
            [Tensor(0, 5)] partial struct Empty;
            [Tensor<double>(3, 0)] partial class EmptyColumns;
            [Tensor(100000, 0, 100000)] partial struct EmptyAndHuge;
            public partial class Outer
            {
                internal partial record struct Middle
                {
                    [Tensor(4, 5)] internal partial struct Inner;
                }
            }
            """));
    }

    [Fact]
    public async Task ST0101_no_dimensions()
    {
        await Verify.DiagnosticsAsync(
            File("{|#0:Tensor|} partial struct S;\n[{|#1:Tensor()|}] partial struct T;".Replace("{|#0:Tensor|}", "[{|#0:Tensor|}]", System.StringComparison.Ordinal)),
            Error("ST0101", 0).WithMessage("[Tensor] on 'S' declares no dimensions: give at least one, e.g. [Tensor(3, 4)]"),
            Error("ST0101", 1).WithArguments("T"));
    }

    [Fact]
    public async Task ST0102_a_negative_dimension_is_reported_at_that_dimension()
    {
        await Verify.DiagnosticsAsync(
            File("[Tensor(3, {|#0:-3|})] partial struct S;\n[Tensor({|#1:-2|})] partial class T;\n[{|#2:Tensor(new[] { 0, -1 })|}] partial struct U;"),
            Error("ST0102", 0).WithMessage("Dimension 1 of 'S' is -3, but a dimension cannot be negative"),
            Error("ST0102", 1).WithArguments(0, "T", -2),
            Error("ST0102", 2).WithArguments(1, "U", -1));
    }

    [Fact]
    public async Task ST0103_more_elements_than_an_array_holds()
    {
        await Verify.DiagnosticsAsync(
            File("[{|#0:Tensor(100000, 100000)|}] partial struct S;\n[{|#1:Tensor(0x7FFFFFC8)|}] partial struct T;"),
            Error("ST0103", 0).WithMessage("The shape (100000, 100000) of 'S' has 10000000000 elements, more than the 2147483591 an array can hold"),
            Error("ST0103", 1).WithArguments("(2147483592,)", "T", "2147483592", "2147483591"));
    }

    [Fact]
    public async Task ST0104_element_types_other_than_float_and_double()
    {
        // System.Half satisfies the attribute's constraint (a floating-point type) but has no kernels.
        await Verify.DiagnosticsAsync(
            File("[Tensor<{|#0:System.Half|}>(3)] partial struct S;\n[ShapedTensors.Tensor<{|#1:System.Runtime.InteropServices.NFloat|}>(2)] partial struct T;"),
            Error("ST0104", 0).WithMessage("The element type 'System.Half' of 'S' is not supported: use float or double"),
            Error("ST0104", 1).WithArguments("System.Runtime.InteropServices.NFloat", "T"));
    }

    [Fact]
    public async Task ST0105_type_not_partial()
    {
        await Verify.DiagnosticsAsync(
            File("[Tensor(3, 4)] public struct {|#0:S|};\n[Tensor(3)] sealed class {|#1:C|} { }"),
            Error("ST0105", 0).WithMessage("'S' must be partial for the ShapedTensors generator to extend it"),
            Error("ST0105", 1).WithArguments("C"));
    }

    [Fact]
    public async Task ST0106_containing_types_not_partial()
    {
        await Verify.DiagnosticsAsync(
            File("""
                public class Outer
                {
                    public partial class Middle
                    {
                        internal struct Inner
                        {
                            [Tensor(3)] internal partial struct {|#0:S|};
                        }
                    }
                }
                """),
            Error("ST0106", 0).WithMessage("'S' is nested in 'Outer' and 'Inner', which must be partial for the ShapedTensors generator to extend it"));
    }

    [Theory]
    [InlineData("[Tensor(3)] partial record {|#0:S|};", "a record")]
    [InlineData("[Tensor(3)] partial record struct {|#0:S|};", "a record struct")]
    [InlineData("[Tensor(3)] partial struct {|#0:S|}<T>;", "a generic type")]
    [InlineData("[Tensor(3)] static partial class {|#0:S|};", "a static class")]
    [InlineData("[Tensor(3)] abstract partial class {|#0:S|};", "an abstract class")]
    [InlineData("[Tensor(3)] ref partial struct {|#0:S|};", "a ref struct")]
    [InlineData("[Tensor(3)] file partial struct {|#0:S|};", "a file-local type")]
    [InlineData("partial class G<T> { [Tensor(3)] public partial struct {|#0:S|}; }", "nested in a generic type")]
    public async Task ST0107_types_the_generator_cannot_extend(string declaration, string reason)
    {
        await Verify.DiagnosticsAsync(File(declaration), Error("ST0107").WithMessage($"[Tensor] cannot be used on 'S': it is {reason}"));
    }

    [Fact]
    public async Task ST0107_interfaces_and_enums_beside_the_compiler_error()
    {
        await Verify.DiagnosticsAsync(
            File("[{|#2:Tensor|}(3)] partial interface {|#0:I|} { }\n[{|#3:Tensor|}(3)] enum {|#1:E|} { A }"),
            Error("ST0107", 0).WithArguments("I", "an interface"),
            Error("ST0107", 1).WithArguments("E", "an enum"),
            DiagnosticResult.CompilerError("CS0592").WithLocation(2).WithArguments("Tensor", "class, struct"),
            DiagnosticResult.CompilerError("CS0592").WithLocation(3).WithArguments("Tensor", "class, struct"));
    }

    [Fact]
    public async Task ST0108_both_attributes_on_one_type()
    {
        var test = new ShapedTensorsTest { TestCode = File("[Tensor(3)]\n[{|#0:Tensor<double>(3)|}]\npartial struct S;") };
        test.ExpectedDiagnostics.Add(Error("ST0108").WithMessage("'S' has both [Tensor] and [Tensor<T>]: keep one of them"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ST0109_a_member_the_generated_code_relies_on_is_reported_where_it_is_written()
    {
        await Verify.DiagnosticsAsync(
            File("""
                [Tensor(2, 3)] public partial struct S
                {
                    public int {|#0:Length|} => 6;
                    public static S {|#1:Wrap|}(float[] elements) => default;
                    public {|#2:S|}() { }
                    public int {|#3:Dim1|}() => 3;
                }
                """),
            Error("ST0109", 0).WithMessage("'S' declares 'S.Length', which the ShapedTensors generator emits for every tensor type and its generated code relies on: remove or rename it"),
            Error("ST0109", 1).WithArguments("S", "S.Wrap(float[])"),
            Error("ST0109", 2).WithArguments("S", "S()"),
            Error("ST0109", 3).WithArguments("S", "S.Dim1()"));
    }

    [Fact]
    public async Task ST0109_members_the_user_may_write_instead_of_the_generated_ones_raise_nothing()
    {
        await Verify.DiagnosticsAsync(File("""
            [Tensor(2, 3)] public partial struct S
            {
                public override string ToString() => "S";
                public override bool Equals(object? obj) => obj is S other && Equals(other);
                public override int GetHashCode() => 0;
                public bool Equals(S other) => true;
                public static S Zeros() => new();
                public int Offset(int i) => i;
                public int Dim2 => 0;
                public S(int seed) : this() { }
            }
            """));
    }

    [Fact]
    public async Task ST0110_a_type_in_the_generators_namespace()
    {
        await Verify.DiagnosticsAsync(
            "namespace ShapedTensors.Generated.TestProject\n{\n    public class {|#0:Helper|} { }\n}\nnamespace ShapedTensors.Generated.TestProject.Inner\n{\n    internal struct {|#1:Other|} { }\n}\nnamespace ShapedTensors.Generated.OtherProject\n{\n    public class Fine { }\n}\n",
            Error("ST0110", 0).WithMessage("'Helper' is declared in namespace 'ShapedTensors.Generated.TestProject', where the ShapedTensors generator emits this assembly's result types and kernels: move it to another namespace"),
            Error("ST0110", 1).WithArguments("Other", "ShapedTensors.Generated.TestProject"));
    }
}
