using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>Short forms of the analyzer and code fix tests.</summary>
internal static class Verify
{
    /// <summary>Compiles <paramref name="source"/> (markup allowed) and requires exactly <paramref name="expected"/>.</summary>
    public static Task DiagnosticsAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ShapedTensorsTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// As <see cref="DiagnosticsAsync"/>, once: without the framework's reruns that mark the file as generated and
    /// suppress each diagnostic (the rule tests make those checks; data-driven tests over many shapes need not).
    /// </summary>
    public static Task DiagnosticsOnceAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new ShapedTensorsTest { TestCode = source };
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// As <see cref="DiagnosticsAsync"/> with ST0008 reported and, when <paramref name="setting"/> is given, the project's
    /// <c>ShapedTensorsBatchDot</c> set to it; <paramref name="once"/> as in <see cref="DiagnosticsOnceAsync"/>.
    /// </summary>
    public static Task SemanticsAsync(string source, string? setting, DiagnosticResult[] expected, bool once = false)
    {
        var test = new ShapedTensorsTest { TestCode = source, BatchDotSetting = setting, ReportSemanticsDivergence = true };
        if (once)
        {
            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies <paramref name="fix"/> (the code action with <paramref name="equivalenceKey"/>, when given) and compares with <paramref name="fixedSource"/>.</summary>
    /// <remarks>
    /// Fix-all is exercised only where <paramref name="checkFixAll"/> says: each scope costs several more compilations.
    /// <paramref name="reportDivergence"/> reports ST0008 (off by default, see <see cref="ShapedTensorsTest.ReportSemanticsDivergence"/>).
    /// The fixed program must have exactly <paramref name="remaining"/>: diagnostics of <paramref name="expected"/> that
    /// <paramref name="fix"/> does not fix (another rule's) are not expected to remain, for a fix that repairs them too.
    /// </remarks>
    public static Task FixAsync(CodeFixProvider fix, string source, DiagnosticResult[] expected, string fixedSource, string? equivalenceKey = null, DiagnosticResult[]? remaining = null, bool checkFixAll = false, bool reportDivergence = false)
    {
        var test = new ShapedTensorsTest(fix) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey, ReportSemanticsDivergence = reportDivergence };
        test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        if (!checkFixAll)
        {
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        }

        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining ?? System.Array.Empty<DiagnosticResult>());
        return test.RunAsync();
    }

    /// <summary>A diagnostic of <paramref name="id"/> at markup location <paramref name="location"/> (<c>{|#0:...|}</c>).</summary>
    public static DiagnosticResult Diagnostic(string id, int location = 0) => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(location);
}
