using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Xunit;

namespace ShapedTensors.Generator.Tests.Support;

/// <summary>
/// Compile-and-run: emits a run's output compilation (with a PDB) to memory, loads it in a collectible context
/// that shares the ShapedTensors runtime with the tests, and calls a static method. Exceptions the method throws
/// come out as themselves, not wrapped.
/// </summary>
public static class RunProgram
{
    /// <summary>Calls the static method <paramref name="methodName"/> of <paramref name="typeName"/> in the run's output.</summary>
    /// <param name="run">The run (its output compilation must compile).</param>
    /// <param name="typeName">The full type name (<c>MyApp.Program</c>; nested types as <c>Outer+Inner</c>).</param>
    /// <param name="methodName">A static method, public or not, taking as many parameters as <paramref name="args"/> has.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>What the method returned (null for void).</returns>
    public static object? Invoke(GeneratorRun run, string typeName, string methodName, params object?[] args)
        => Invoke(run, [], typeName, methodName, args);

    /// <summary>
    /// As <see cref="Invoke(GeneratorRun, string, string, object?[])"/>, with libraries the run references
    /// (<see cref="HarnessOptions.WithReference"/>) loaded next to it, for cross-assembly tests.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="libraries">The in-memory libraries its compilation references.</param>
    /// <param name="typeName">The full type name.</param>
    /// <param name="methodName">A static method.</param>
    /// <param name="args">The arguments.</param>
    public static object? Invoke(GeneratorRun run, IEnumerable<CompiledLibrary> libraries, string typeName, string methodName, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(libraries);
        ArgumentNullException.ThrowIfNull(args);
        var (image, pdb) = CompileAssert.EmitWithPdb(run.OutputCompilation);
        var context = new InMemoryLoadContext("RunProgram." + run.OutputCompilation.AssemblyName);
        try
        {
            foreach (var library in libraries)
            {
                context.Register(library.AssemblyName, library.Image, default);
            }

            var assembly = context.LoadImage(image, pdb);
            var method = FindMethod(assembly, typeName, methodName, args);
            try
            {
                return method.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static MethodInfo FindMethod(Assembly assembly, string typeName, string methodName, object?[] args)
    {
        var type = assembly.GetType(typeName);
        if (type is null)
        {
            Assert.Fail($"No type '{typeName}' in {assembly.GetName().Name}. Types: {string.Join(", ", assembly.GetTypes().Select(t => t.FullName).Order(StringComparer.Ordinal))}");
        }

        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.Name == methodName && !m.ContainsGenericParameters && m.GetParameters().Length == args.Length)
            .Where(m => m.GetParameters().Zip(args).All(p => Accepts(p.First.ParameterType, p.Second)))
            .ToList();
        if (candidates.Count != 1)
        {
            Assert.Fail($"{candidates.Count} static methods '{methodName}' of {typeName} take these {args.Length} argument(s); exactly one must.");
        }

        return candidates[0];
    }

    private static bool Accepts(Type parameter, object? arg)
        => arg is null ? !parameter.IsValueType || Nullable.GetUnderlyingType(parameter) is not null : parameter.IsInstanceOfType(arg);
}
