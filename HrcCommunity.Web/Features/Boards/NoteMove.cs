using HrcCommunity.Domain.Features.Boards;

namespace HrcCommunity.Web.Features.Boards;

public enum MoveDirection
{
    Left,
    Right,
    Up,
    Down,
}

/// <summary>What a note's editor asks to save: the text, the colour, and the version the edit started from.</summary>
public sealed record NoteSave(string Text, NoteColour Colour, int BaseVersion);
