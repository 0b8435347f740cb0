using HrcCommunity.Domain.Features.Notifications;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>The wording of the room notifications (bell line and email subject), from DialogueEmails.resx.</summary>
public static class DialogueEmails
{
    private static readonly EmailText Resources = new(typeof(DialogueEmails));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);
}
