namespace ShapedTensors.Generator.Model;

/// <summary>The generator's version, written into <c>[GeneratedCode]</c>.</summary>
internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
