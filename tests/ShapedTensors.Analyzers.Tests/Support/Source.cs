namespace ShapedTensors.Analyzers.Tests.Support;

/// <summary>Test programs: tensor declarations and a method body in namespace <c>App</c>.</summary>
internal static class Source
{
    /// <summary>
    /// A file with <paramref name="declarations"/> at namespace level and <paramref name="body"/> inside
    /// <c>Use.Run</c>, whose parameters are <paramref name="parameters"/>.
    /// </summary>
    public static string Program(string declarations, string body, string parameters = "")
        => $$"""
            using ShapedTensors;

            namespace App;

            {{declarations}}

            internal static class Use
            {
                public static void Run({{parameters}})
                {
                    {{body}}
                }
            }
            """;
}
