using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ShapedTensors.Analyzers.Calls;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Analyzers.Settings;

/// <summary>
/// Checks the MSBuild properties the generator reads (<see cref="GeneratorSettings"/>): a value that does not parse,
/// such as <c>ShapedTensorsUnrollBudget</c> = <c>abc</c>, <c>-5</c> or <c>0</c>, would otherwise be replaced by the
/// default without a word. Reported once per compilation, without a location (the value is in a project file).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SettingsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidSetting);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(static compilation =>
        {
            // Only where the generator runs: a project that uses the ShapedTensors runtime.
            if (KnownSymbols.Resolve(compilation.Compilation) is null)
            {
                return;
            }

            var options = compilation.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var links = HelpLinks.For(compilation.Compilation);
            foreach (var setting in GeneratorSettings.All)
            {
                if (GeneratorSettings.Raw(options, setting) is { } value && !GeneratorSettings.IsValid(setting, value))
                {
                    compilation.ReportDiagnostic(links.Create(
                        DiagnosticDescriptors.InvalidSetting, Location.None, setting, value, GeneratorSettings.Expected(setting), GeneratorSettings.Default(setting)));
                }
            }
        });
    }
}
