using System.Globalization;
using System.Text;

namespace Digits;

/// <summary>A confusion matrix as text: one row per true digit, one column per predicted digit.</summary>
internal static class ConfusionMatrix
{
    public static string Format(int[,] confusion)
    {
        var text = new StringBuilder("confusion matrix (rows: true digit, columns: predicted digit)\n     ");
        for (var predicted = 0; predicted < confusion.GetLength(1); predicted++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{predicted,5}");
        }

        text.Append('\n');
        for (var digit = 0; digit < confusion.GetLength(0); digit++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{digit,5}");
            for (var predicted = 0; predicted < confusion.GetLength(1); predicted++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{confusion[digit, predicted],5}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
