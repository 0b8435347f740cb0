using Bunit;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Notifications;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace HrcCommunity.Tests.Features.Notifications;

public sealed class EmailPreferencesPageTests
{
    [Fact]
    public async Task Page_SavesTheFrequencyAndTheAreas_AndOffersTheExpertsDigestToExpertsOnly()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var expert = await database.CreateUserAsync("Ezra Expert", Roles.Expert);
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.AddHrcServices(database).SignIn(expert);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = ctx.Render<EmailPreferencesPage>();

        var select = cut.FindComponent<MudSelect<DigestFrequency>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(DigestFrequency.Daily));
        var boxes = cut.FindComponents<MudCheckBox<bool>>();
        Assert.Equal(6, boxes.Count);
        await cut.InvokeAsync(() => boxes[1].Instance.ValueChanged.InvokeAsync(false)); // practices
        await cut.InvokeAsync(() => boxes[4].Instance.ValueChanged.InvokeAsync(false)); // directory
        await cut.InvokeAsync(() => boxes[5].Instance.ValueChanged.InvokeAsync(false)); // the experts' digest
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("Saved.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Equal(new DigestPreferences(DigestFrequency.Daily, DigestAreas.Knowledge | DigestAreas.Answers | DigestAreas.Events, false),
            await database.Get<DigestService>().GetPreferencesAsync(expert));
    }

    [Fact]
    public async Task Page_RefusesADigestWithNoArea_WithAMessage_AndForAPractitionerHasNoExpertsDigest()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var practitioner = await database.CreateUserAsync("Pia Practitioner", Roles.Practitioner);
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.AddHrcServices(database).SignIn(practitioner);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = ctx.Render<EmailPreferencesPage>();

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<DigestFrequency>>().Instance.ValueChanged.InvokeAsync(DigestFrequency.Weekly));
        var boxes = cut.FindComponents<MudCheckBox<bool>>();
        Assert.Equal(5, boxes.Count);
        foreach (var box in boxes) await cut.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(false));
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Choose at least one area", cut.Find("[role=alert]").TextContent));
        Assert.Equal(DigestFrequency.None, (await database.Get<DigestService>().GetPreferencesAsync(practitioner)).Frequency);
    }
}
