// Compiled into the runtime, the generator and the analyzers (netstandard2.0).
using System;

namespace ShapedTensors;

/// <summary>Argument checks that read the same on every target framework.</summary>
internal static class Require
{
    public static void NotNull(object? value, string name)
    {
#if NET
        ArgumentNullException.ThrowIfNull(value, name);
#else
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
#endif
    }
}
