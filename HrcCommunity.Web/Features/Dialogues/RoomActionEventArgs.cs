using Microsoft.AspNetCore.Components;

namespace HrcCommunity.Web.Features.Dialogues;

/// <summary>
/// A click in one of the room's lists, as site.js reads it: the data-action and data-arg of the button it hit, and the
/// id of that button's message or question. Empty when the click hit no button.
/// </summary>
public sealed class RoomActionEventArgs : EventArgs
{
    public string? Action { get; set; }

    public string? Id { get; set; }

    public string? Arg { get; set; }
}

/// <summary>
/// <c>@onroomaction</c>: one handler on a list answers every button in it, so an idle room tab holds no delegate, closure
/// and handler entry per message button. The Razor compiler finds event types only on a class named EventHandlers, in a
/// namespace the component imports.
/// </summary>
[EventHandler("onroomaction", typeof(RoomActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
