using System.Globalization;
using System.Text;

namespace RiskIntel.Tests.Core.Reports.Samples;

/// <summary>
/// Long business-plan prose for stress tests: numbered clauses ("Clause 17."), so a test can check that every one of
/// them made it into the PDF, in order.
/// </summary>
internal static class SampleProse
{
    private static readonly string[] Sentences =
    [
        "Milk intake at the collection centres is recorded on paper and reconciled with the plant's weighbridge at the end of each week.",
        "During the dry season members deliver less milk, and several sell to competing processors who pay cash on the day of delivery.",
        "The board approved a stabilisation reserve funded by a deduction of KES 0.50 per litre, held in a separate account at the bank.",
        "Feed prices rose by a third in 2025, and the cooperative's agrovet shop extended credit to members against future milk deliveries.",
    ];

    public static string Clauses(int words)
    {
        var text = new StringBuilder();
        var count = 0;
        for (var clause = 1; count < words; clause++)
        {
            var sentence = $"Clause {clause.ToString(CultureInfo.InvariantCulture)}. {Sentences[clause % Sentences.Length]} ";
            text.Append(sentence);
            count += sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return text.ToString().TrimEnd();
    }
}
