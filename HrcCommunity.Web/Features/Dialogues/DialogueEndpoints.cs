using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Web.Features.Accounts;

namespace HrcCommunity.Web.Features.Dialogues;

public static class DialogueEndpoints
{
    public static IEndpointRouteBuilder MapDialogueEndpoints(this IEndpointRouteBuilder app)
    {
        // The room's own rule decides (DialogueRoomService): someone not in the room gets 403, an unknown event 404.
        app.MapGet("/events/{id:int}/room/transcript.md", async (int id, HttpContext http, DialogueRoomService room, CancellationToken ct) =>
        {
            var transcript = await room.TranscriptAsync(http.User.ToActor(), id, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(transcript), "text/markdown; charset=utf-8", $"room-{id}-transcript.md");
        }).RequireAuthorization();
        return app;
    }
}
