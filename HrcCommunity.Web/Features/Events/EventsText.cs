namespace HrcCommunity.Web.Features.Events;

public sealed class EventsText;
