using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ShapedTensors.Tests.Shared;

/// <summary>
/// Hands the generator a fixed set of global analyzer-config options (what MSBuild passes as
/// <c>build_property.*</c>); per-file options are empty.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>Creates a provider whose global options are <paramref name="globalOptions"/>.</summary>
    /// <param name="globalOptions">Key/value pairs, keys compared as Roslyn compares them (ignoring case).</param>
    public TestAnalyzerConfigOptionsProvider(ImmutableDictionary<string, string> globalOptions)
        => GlobalOptions = new DictionaryOptions(globalOptions.WithComparers(AnalyzerConfigOptions.KeyComparer));

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
