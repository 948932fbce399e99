namespace ShapedTensors.Generator.Model;

/// <summary>The generator's version, written into <c>[GeneratedCode]</c>.</summary>
internal static class ThisAssembly
{
    /// <summary>
    /// Major.minor.patch of this assembly, whose version is the package's (<c>Version</c> in
    /// Directory.Build.props); a prerelease label is not part of an assembly version.
    /// </summary>
    public static readonly string Version = typeof(ThisAssembly).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
