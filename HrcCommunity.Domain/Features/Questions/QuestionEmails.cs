using HrcCommunity.Domain.Features.Notifications;

namespace HrcCommunity.Domain.Features.Questions;

/// <summary>The wording of the emails to people who ask the experts, from QuestionEmails.resx.</summary>
public static class QuestionEmails
{
    private static readonly EmailText Resources = new(typeof(QuestionEmails));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);

    /// <summary>"Hello Name," or, for an asker who gave no name, "Hello,".</summary>
    public static string Greeting(string name) => name.Length > 0 ? Text("HelloName", name) : Text("Hello");
}
