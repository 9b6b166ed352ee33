using System.Security.Cryptography;
using System.Text;
using Humas.Clarifications.Contracts;
using Humas.MediaRelations.PressReleases;
using Humas.ReferenceData;

namespace Humas.MediaRelations.OfficialStatements;

/// <summary>
/// When a clarification answers a claim the mass media quoted, the unit owes the press an official
/// statement: a draft release, linked to the clarification, that the unit's humas officers revise,
/// submit and have reviewed like any other (the officer who submits it does not approve it). Its
/// publication carries the link in PressReleasePublished.ClarificationId.
/// </summary>
public static class OfficialStatements
{
    public const string Author = "clarifications";

    /// <summary>The same clarification always names the same release, so a repeated message finds its draft already there.</summary>
    public static Guid ReleaseIdFor(Guid clarificationId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"humas/official-statement/{clarificationId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The draft a published clarification opens, or null when none is owed (no mass-media reach, a unit unknown here, or retracted).</summary>
    public static PressReleaseDrafted? Decide(ClarificationPublished m, UnitDirectory units, DateTimeOffset now)
    {
        if (m.Retracted || !m.Reach.QuotedByMassMedia || units.Find(m.UnitId) is not { } unit) return null;
        var outlets = m.Reach.QuotedByOutlets.Count == 0 ? "media massa" : string.Join(", ", m.Reach.QuotedByOutlets);
        var body = $"""
            {unit.Name} menyampaikan klarifikasi atas informasi yang beredar dan dikutip oleh {outlets}.

            **Informasi yang beredar:** {m.Claim}

            **Penjelasan:** {m.Title} ({m.Label}).

            Klarifikasi lengkap: <{m.Url}>
            """;
        var content = new ReleaseContent(
            Truncate($"Pernyataan resmi: {m.Title}", 200), Truncate($"Klarifikasi {m.Number} atas informasi yang dikutip {outlets}.", 500), body, "id",
            ["klarifikasi"], unit.Name, new ContactPerson($"Humas {unit.Name}", "Humas", null, null));
        return new PressReleaseDrafted(ReleaseIdFor(m.ClarificationId), m.UnitId, content, Author, now, m.ClarificationId);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
