using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ShapedTensors.Analyzers.Tests.Support;
using Xunit;

namespace ShapedTensors.Analyzers.Tests;

/// <summary>ST0201: the MSBuild settings the generator reads, when their values do not parse.</summary>
public sealed class SettingsRuleTests
{
    private const string Program = "using ShapedTensors;\n\nnamespace App;\n\n[Tensor(2, 3)] partial struct S;\n";

    [Theory]
    [InlineData("ShapedTensorsUnrollBudget", "abc", "a positive integer", "256")]
    [InlineData("ShapedTensorsUnrollBudget", "-5", "a positive integer", "256")]
    [InlineData("ShapedTensorsUnrollBudget", "0", "a positive integer", "256")]
    [InlineData("ShapedTensorsUnrollBudget", "1.5", "a positive integer", "256")]
    [InlineData("ShapedTensorsCheckedKernels", "yes", "true or false", "false")]
    [InlineData("ShapedTensorsPublicResultTypes", "1", "true or false", "false")]
    [InlineData("ShapedTensorsBatchDot", "Keras225", "Keras224 or TfKeras", "Keras224")]
    [InlineData("ShapedTensorsInlineStorage", "257", "an integer from 0 to 256", "0")] // above the cap
    [InlineData("ShapedTensorsInlineStorage", "-1", "an integer from 0 to 256", "0")]
    [InlineData("ShapedTensorsInlineStorage", "true", "an integer from 0 to 256", "0")]
    [InlineData("ShapedTensorsInlineStorage", "16.5", "an integer from 0 to 256", "0")]
    public async Task ST0201_a_value_that_does_not_parse_is_a_warning(string property, string value, string expected, string fallback)
    {
        var test = WithSettings($"build_property.{property} = {value}");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("ST0201", DiagnosticSeverity.Warning)
            .WithMessage($"The MSBuild property '{property}' is '{value}', which is not {expected}: the generator uses {fallback}"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("build_property.ShapedTensorsUnrollBudget = 512\nbuild_property.ShapedTensorsCheckedKernels = True\nbuild_property.ShapedTensorsPublicResultTypes = false")]
    [InlineData("build_property.ShapedTensorsUnrollBudget = \nbuild_property.ShapedTensorsCheckedKernels = ")] // unset: the package's props make the keys visible, empty
    [InlineData("build_property.ShapedTensorsUnrollBudget = +16")]
    [InlineData("build_property.ShapedTensorsBatchDot = tfkeras")] // case-insensitive, as MSBuild is
    [InlineData("build_property.ShapedTensorsBatchDot = ")]
    [InlineData("build_property.ShapedTensorsInlineStorage = 0")]
    [InlineData("build_property.ShapedTensorsInlineStorage = 16")]
    [InlineData("build_property.ShapedTensorsInlineStorage = 256")]
    public async Task ST0201_valid_or_unset_values_raise_nothing(string settings)
    {
        await WithSettings(settings).RunAsync();
    }

    private static ShapedTensorsTest WithSettings(string settings)
    {
        var test = new ShapedTensorsTest { TestCode = Program };
        test.TestState.AnalyzerConfigFiles.Clear();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + settings + "\n"));
        return test;
    }
}
