using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using ShapedTensors.Generator.Model;

namespace ShapedTensors.Generator.Parsing;

/// <summary>A tensor type of another assembly that this compilation can name.</summary>
/// <param name="DimNames">Empty when every size is known; else the dimensions' names (see <see cref="DimsModel"/>).</param>
internal sealed record ReferencedTensorType(string FullName, EquatableArray<int> Dims, ElementKind Element, bool IsClass, EquatableArray<string> DimNames);

/// <summary>
/// Finds the tensor types of referenced assemblies that this compilation can name (public ones, and internal
/// ones of an assembly that gives it access), so that canonical result types convert to and from them.
/// Only assemblies that reference the ShapedTensors runtime can hold tensor types; each is walked once for the
/// life of its symbol (the compiler reuses a reference's symbols from one compilation to the next).
/// </summary>
internal static class ReferencedTensorTypes
{
    private const string RuntimeAssemblyName = "ShapedTensors";

    private static readonly ConditionalWeakTable<IAssemblySymbol, Found[]> TypesByAssembly = new();

    public static EquatableArray<ReferencedTensorType> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<ReferencedTensorType>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Name == RuntimeAssemblyName || !assembly.Modules.Any(module => module.ReferencedAssemblies.Any(reference => reference.Name == RuntimeAssemblyName)))
            {
                continue;
            }

            // Only accessibility depends on the compilation (InternalsVisibleTo): the rest is worked out once per assembly.
            found.AddRange(TypesByAssembly.GetValue(assembly, TensorTypesOf)
                .Where(type => compilation.IsSymbolAccessibleWithin(type.Symbol, compilation.Assembly))
                .Select(type => type.Model));
        }

        return new EquatableArray<ReferencedTensorType>(found.OrderBy(type => type.FullName, System.StringComparer.Ordinal));
    }

    // Every type with a valid [Tensor] shape that its assembly's generator extended and namespace-level code can name,
    // nested types included.
    private static Found[] TensorTypesOf(IAssemblySymbol assembly)
    {
        var types = new List<Found>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var container = pending.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var member in ns.GetNamespaceMembers())
                {
                    pending.Push(member);
                }
            }

            foreach (var type in container.GetTypeMembers())
            {
                pending.Push(type);
                if (TensorSymbols.GetDeclaredShape(type) is { } shape
                    && TensorSymbols.IsNameableFromNamespace(type)
                    && DeclarationParser.IsExtensible(type, CancellationToken.None))
                {
                    var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    types.Add(new Found(type, new ReferencedTensorType(name, shape.Dims, shape.Element, type.TypeKind == TypeKind.Class, shape.Names)));
                }
            }
        }

        return types.ToArray();
    }

    private sealed record Found(INamedTypeSymbol Symbol, ReferencedTensorType Model);
}
