using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Incremental-caching checks (after NetEscapades.EnumGenerators' TestHelpers and Mapperly's incremental tests):
/// running the driver again must reuse every named step's output, and the models those steps carry must hold no
/// compiler object.
/// </summary>
public static class CachingAssert
{
    /// <summary>
    /// Runs the run's driver again on a clone of its input compilation (what the IDE does on an unrelated change)
    /// and fails unless: the named tracked steps ran the same number of times as in the first run, every output of
    /// each is <see cref="IncrementalStepRunReason.Cached"/> or <see cref="IncrementalStepRunReason.Unchanged"/>,
    /// every source output step's outputs are too, the generated files are identical, and no named step's output
    /// holds a compiler object (<see cref="ModelGraph"/>).
    /// </summary>
    /// <param name="run">The first run.</param>
    /// <param name="trackingNames">The steps to check; by default <see cref="TrackingNameCatalog.Names"/>.</param>
    public static void AssertCachedOnSecondRun(GeneratorRun run, IEnumerable<string>? trackingNames = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var names = (trackingNames ?? TrackingNameCatalog.Names).ToImmutableHashSet(StringComparer.Ordinal);
        var second = run.Driver.RunGenerators(run.InputCompilation.Clone()).GetRunResult();
        GeneratorHarness.AssertDidNotThrow(second, "The generator (second run)");

        var problems = new List<string>();
        var first = Named(run.RunResult, names);
        var again = Named(second, names);
        foreach (var name in first.Keys.Union(again.Keys).Order(StringComparer.Ordinal))
        {
            var count1 = first.TryGetValue(name, out var steps1) ? steps1.Length : 0;
            var count2 = again.TryGetValue(name, out var steps2) ? steps2.Length : 0;
            if (count1 != count2)
            {
                problems.Add($"step '{name}' ran {count1} time(s) in the first run but {count2} in the second");
            }
        }

        problems.AddRange(NotCached(again, "step"));
        problems.AddRange(NotCached(second.Results[0].TrackedOutputSteps, "output step"));

        var sources2 = second.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        if (!sources2.Keys.Order(StringComparer.Ordinal).SequenceEqual(run.GeneratedSources.Keys)
            || run.GeneratedSources.Any(pair => sources2[pair.Key] != pair.Value))
        {
            problems.Add("the second run generated different files or text");
        }

        problems.AddRange(CompilerObjects(first));
        problems.AddRange(CompilerObjects(again));
        Report(problems, "A second run on an unchanged compilation did not reuse everything", run.RunResult, names);
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the run's input compilation, runs the driver again, and fails unless
    /// every output of the source output steps is <see cref="IncrementalStepRunReason.Cached"/> or
    /// <see cref="IncrementalStepRunReason.Unchanged"/> (an edit that changes nothing the generator uses, such
    /// as an unrelated method body, must regenerate nothing). Also checks the named steps' outputs for compiler
    /// objects.
    /// </summary>
    /// <param name="run">The first run.</param>
    /// <param name="edit">Makes the edited compilation, e.g. with <see cref="CompilationEdits.ReplaceText"/>.</param>
    /// <param name="trackingNames">The steps whose models are checked; by default <see cref="TrackingNameCatalog.Names"/>.</param>
    /// <returns>Every output of every tracked step of the edited run, as (step name, reason), for reporting.</returns>
    public static IReadOnlyList<(string Step, IncrementalStepRunReason Reason)> AssertEditKeepsOutputsCached(
        GeneratorRun run, Func<CSharpCompilation, CSharpCompilation> edit, IEnumerable<string>? trackingNames = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(edit);
        var names = (trackingNames ?? TrackingNameCatalog.Names).ToImmutableHashSet(StringComparer.Ordinal);
        var edited = run.Driver.RunGenerators(edit(run.InputCompilation)).GetRunResult();
        GeneratorHarness.AssertDidNotThrow(edited, "The generator (after the edit)");

        var result = edited.Results[0];
        var problems = new List<string>();
        problems.AddRange(NotCached(result.TrackedOutputSteps, "output step"));
        problems.AddRange(CompilerObjects(Named(edited, names)));
        Report(problems, "After the edit, the generator did not reuse its outputs", edited, names);

        return result.TrackedSteps.Concat(result.TrackedOutputSteps)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .SelectMany(pair => pair.Value.SelectMany(step => step.Outputs.Select(output => (pair.Key, output.Reason))))
            .ToList();
    }

    /// <summary>Fails if any output of the named steps of <paramref name="run"/> holds a compiler object.</summary>
    /// <param name="run">The run.</param>
    /// <param name="trackingNames">The steps to check; by default <see cref="TrackingNameCatalog.Names"/>.</param>
    public static void AssertNoCompilerObjectsInModels(GeneratorRun run, IEnumerable<string>? trackingNames = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var names = (trackingNames ?? TrackingNameCatalog.Names).ToImmutableHashSet(StringComparer.Ordinal);
        Report(CompilerObjects(Named(run.RunResult, names)).ToList(), "Pipeline models hold compiler objects", run.RunResult, names);
    }

    /// <summary>Every tracked step of <paramref name="result"/> with the reasons of its outputs, one line each (for messages).</summary>
    /// <param name="result">A driver's run result.</param>
    public static string DescribeSteps(GeneratorDriverRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var generator = result.Results[0];
        foreach (var (name, steps) in generator.TrackedSteps.Concat(generator.TrackedOutputSteps).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var reasons = steps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key}×{g.Count()}");
            text.Append("  ").Append(name).Append(": ").Append(string.Join(", ", reasons)).Append('\n');
        }

        return text.ToString();
    }

    private static ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> Named(GeneratorDriverRunResult result, ImmutableHashSet<string> names)
        => result.Results[0].TrackedSteps.Where(pair => names.Contains(pair.Key)).ToImmutableDictionary(StringComparer.Ordinal);

    private static IEnumerable<string> NotCached(IEnumerable<KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>>> steps, string kind)
    {
        foreach (var (name, runs) in steps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < runs.Length; i++)
            {
                for (var j = 0; j < runs[i].Outputs.Length; j++)
                {
                    var (value, reason) = runs[i].Outputs[j];
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        yield return $"{kind} '{name}' [{i}].Outputs[{j}] is {reason}: {Describe(value)}";
                    }
                }
            }
        }
    }

    private static IEnumerable<string> CompilerObjects(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps)
    {
        foreach (var (name, runs) in steps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < runs.Length; i++)
            {
                for (var j = 0; j < runs[i].Outputs.Length; j++)
                {
                    foreach (var found in ModelGraph.FindCompilerObjects(runs[i].Outputs[j].Value, $"{name}[{i}].Outputs[{j}]"))
                    {
                        yield return "model holds " + found;
                    }
                }
            }
        }
    }

    private static void Report(List<string> problems, string heading, GeneratorDriverRunResult result, ImmutableHashSet<string> names)
    {
        if (problems.Count > 0)
        {
            var distinct = problems.Distinct(StringComparer.Ordinal).ToList();
            Assert.Fail($"{heading}:\n  " + string.Join("\n  ", distinct.Take(40))
                + (distinct.Count > 40 ? $"\n  … and {distinct.Count - 40} more" : string.Empty)
                + $"\nChecked steps: {string.Join(", ", names.Order(StringComparer.Ordinal))}\nSteps of the run:\n" + DescribeSteps(result));
        }
    }

    private static string Describe(object? value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
