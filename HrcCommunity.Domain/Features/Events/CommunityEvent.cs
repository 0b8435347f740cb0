namespace HrcCommunity.Domain.Features.Events;

public enum EventKind
{
    InterCityDialogue = 0,
    BrainstormingWorkshop = 1,
    ExchangeOfViews = 2,
}

/// <summary>The two information layers: an announcement anyone reads, or an event for approved practitioners only.</summary>
public enum EventVisibility
{
    Public = 0,
    Practitioners = 1,
}

public enum RegistrationMode
{
    Open = 0,
    ByApproval = 1,
}

public enum Recurrence
{
    None = 0,
    Weekly = 1,
    Monthly = 2,
}

/// <summary>
/// One dated occurrence. A recurring series is written out as one row per occurrence sharing a
/// <see cref="SeriesId"/>, so each occurrence has its own seats, registrations and calendar UID, and moving or
/// cancelling one leaves the others as they are.
/// </summary>
public sealed class CommunityEvent
{
    public const int TitleMax = 150;
    public const int AgendaMax = 20_000;
    public const int LinkMax = 500;
    public const int CapacityMax = 10_000;

    public int Id { get; set; }
    /// <summary>Stays the same for the life of the event, so calendars update it instead of adding a copy.</summary>
    public string Uid { get; set; } = "";
    /// <summary>Raised by every change a calendar should pick up (RFC 5545 SEQUENCE).</summary>
    public int Sequence { get; set; }
    public string? SeriesId { get; set; }
    public Recurrence Recurrence { get; set; }
    /// <summary>Moved or cancelled on its own, away from the series' rule.</summary>
    public bool IsSeriesException { get; set; }
    public EventKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Agenda { get; set; } = "";
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
    /// <summary>The organiser's IANA time zone; the times were entered in it.</summary>
    public string TimeZone { get; set; } = "UTC";
    public int? HostCityId { get; set; }
    public int Capacity { get; set; }
    public EventVisibility Visibility { get; set; }
    public RegistrationMode Registration { get; set; }
    public string? MeetingLink { get; set; }
    public bool IsCancelled { get; set; }
    public string OrganiserId { get; set; } = "";
    public string OrganiserName { get; set; } = "";
    /// <summary>An approved practitioner who runs the room with the organiser's tools, without being registered.</summary>
    public string? ModeratorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<EventInvitedCity> InvitedCities { get; set; } = [];

    public string RoomTopic => $"room:{Id}";
}

public sealed class EventInvitedCity
{
    public int EventId { get; set; }
    public int MemberCityId { get; set; }
}

public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    AwaitingApproval = 2,
    Cancelled = 3,
}

/// <summary>
/// One person's place at one event. A confirmed registration holds a numbered seat; the unique index on
/// (event, seat) is what decides who gets the last one when two people ask at the same moment.
/// </summary>
public sealed class EventRegistration
{
    public const int LanguageMax = 60;
    public const int NoteMax = 500;

    public int Id { get; set; }
    public int EventId { get; set; }
    public string UserId { get; set; } = "";
    public RegistrationStatus Status { get; set; }
    public int? Seat { get; set; }
    public DateTime RegisteredAt { get; set; }
    /// <summary>Where the person joined the waiting list (or asked again): promotion goes in this order.</summary>
    public DateTime QueuedAt { get; set; }
    public bool NeedsInterpretation { get; set; }
    public string? InterpretationLanguage { get; set; }
    public bool NeedsSignLanguage { get; set; }
    public bool NeedsCaptions { get; set; }
    public string? AccessNote { get; set; }

    public bool HasAccessNeeds => NeedsInterpretation || NeedsSignLanguage || NeedsCaptions || !string.IsNullOrWhiteSpace(AccessNote);
}

/// <summary>A personal calendar feed address. Only the SHA-256 of its secret is kept; revoking keeps the row, so
/// a revoked address can be told apart from one that never existed.</summary>
public sealed class CalendarFeedToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>The time zone a person chose to see event times in; without one, the browser's is used.</summary>
public sealed class EventTimeZonePreference
{
    public string UserId { get; set; } = "";
    public string TimeZone { get; set; } = "";
}

public enum SlotAnswer
{
    No = 0,
    IfNeedBe = 1,
    Yes = 2,
}

/// <summary>Finding a time across cities: a Coordinator proposes slots and invited participants answer.</summary>
public sealed class SlotPoll
{
    public const int TitleMax = 150;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public EventKind Kind { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public int? HostCityId { get; set; }
    public string OrganiserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int? ChosenSlotId { get; set; }
    public int? EventId { get; set; }
    public List<SlotPollSlot> Slots { get; set; } = [];
    public List<SlotPollCity> InvitedCities { get; set; } = [];
}

public sealed class SlotPollCity
{
    public int PollId { get; set; }
    public int MemberCityId { get; set; }
}

public sealed class SlotPollSlot
{
    public int Id { get; set; }
    public int PollId { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
}

public sealed class SlotPollAnswer
{
    public int Id { get; set; }
    public int SlotId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The answerer's city as their profile gave it when they answered: the best slot counts cities.</summary>
    public string City { get; set; } = "";
    public SlotAnswer Answer { get; set; }
    public DateTime AnsweredAt { get; set; }
}
