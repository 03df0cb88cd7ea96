using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// One card prepared for nonce stamping: stamped once in its parsed JSON tree with a random marker as the
/// nonce, written out, and cut at the markers. Stamping with a real nonce then joins the pieces with the
/// nonce between them — the very bytes that stamping the tree would give, without parsing and writing the
/// card for every question sent (measured: about a tenth of a flow step's CPU).
/// </summary>
/// <remarks>
/// A template lives as long as its card content: for the flows' catalog cards, the life of the process.
/// The marker is 32 random hex digits (128 bits), which JSON writes without escaping, so it is found exactly
/// once per stamped action; anything else is a bug in the stamping and fails the template's creation.
/// </remarks>
/// <param name="pieces">The card's JSON cut at the quoted markers.</param>
internal sealed class StampTemplate(ReadOnlyMemory<byte>[] pieces)
{
    private static readonly ConditionalWeakTable<AttachmentContent, StampTemplate> Templates = [];

    private readonly ReadOnlyMemory<byte>[] _pieces = pieces;

    /// <summary>The template of a card's content, made the first time it is asked for.</summary>
    public static StampTemplate For(AttachmentContent card) => Templates.GetValue(card, Create);

    /// <summary>The card with <paramref name="nonce"/> in the data of every submit action.</summary>
    public AttachmentContent Stamp(string nonce)
    {
        var encoded = JsonEncodedText.Encode(nonce).EncodedUtf8Bytes;
        var length = _pieces.Sum(p => p.Length) + ((_pieces.Length - 1) * (encoded.Length + 2));
        var json = new byte[length];
        var at = 0;
        for (var i = 0; i < _pieces.Length; i++)
        {
            if (i > 0)
            {
                json[at++] = (byte)'"';
                encoded.CopyTo(json.AsSpan(at));
                at += encoded.Length;
                json[at++] = (byte)'"';
            }

            _pieces[i].Span.CopyTo(json.AsSpan(at));
            at += _pieces[i].Length;
        }

        return AttachmentContent.FromUtf8Json(json);
    }

    private static StampTemplate Create(AttachmentContent card)
    {
        var tree = JsonNode.Parse(card.ToUtf8Json().Span);
        var marker = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var stamped = PromptSubmit.StampNode(tree, marker);
        var json = Write(tree);
        var quotedMarker = Encoding.UTF8.GetBytes($"\"{marker}\"");

        var pieces = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        int found;
        while ((found = json.Span[start..].IndexOf(quotedMarker)) >= 0)
        {
            pieces.Add(json.Slice(start, found));
            start += found + quotedMarker.Length;
        }

        pieces.Add(json[start..]);
        return pieces.Count - 1 == stamped
            ? new StampTemplate([.. pieces])
            : throw new InvalidOperationException($"Stamped {stamped} submit actions but found the marker {pieces.Count - 1} times.");
    }

    private static ReadOnlyMemory<byte> Write(JsonNode? tree)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (tree is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                tree.WriteTo(writer);
            }
        }

        return buffer.WrittenMemory;
    }
}
