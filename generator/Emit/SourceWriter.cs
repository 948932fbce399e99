using System;
using System.Text;

namespace ShapedTensors.Generator.Emit;

/// <summary>A small indented text writer for generated C#, in the manner of dotnet/runtime's SourceWriter.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _text.Append(IndentUnit);
            }
        }

        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and <c>{</c>, and indents until the returned scope is disposed.</summary>
    public Scope Block(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return new Scope(this);
    }

    public override string ToString() => _text.ToString();

    internal readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;

        public Scope(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
