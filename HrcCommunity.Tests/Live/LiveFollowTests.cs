using Bunit;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Live;

/// <summary>The follow component a page uses: the stream's rule, the order of changes, the page's own echo.</summary>
public sealed class LiveFollowTests
{
    private static readonly Actor Expert = new("expert-1", "Emil Expert", new HashSet<string> { Roles.Expert }, IsApproved: true);

    private static (BunitContext Ctx, TestUser User, InProcessLiveNotifier<QuestionChanged> Notifier) Setup()
    {
        var ctx = new BunitContext();
        var user = ctx.AddHrcServices();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton(typeof(ILiveNotifier<>), typeof(InProcessLiveNotifier<>));
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var notifier = (InProcessLiveNotifier<QuestionChanged>)ctx.Services.GetRequiredService<ILiveNotifier<QuestionChanged>>();
        return (ctx, user, notifier);
    }

    private static QuestionChanged Claimed(int id) => new(id, QuestionState.Claimed, QuestionAction.Claim, "someone", "Someone");

    [Fact]
    public async Task Follow_AppliesChangesInOrder_SkipsItsOwnEcho_AndReloadsOnAGap()
    {
        var (ctx, user, notifier) = Setup();
        await using var _ = ctx;
        user.SignIn(Expert);
        var applied = new List<long>();
        var reloads = 0;
        var slowRenderStarted = new TaskCompletionSource();
        var slowRenderEnds = new TaskCompletionSource();
        ctx.Render<LiveFollow<QuestionChanged>>(p => p
            .Add(f => f.Topic, QuestionChanged.QueueTopic)
            .Add(f => f.OnChange, async e =>
            {
                if (e.Seq == 4)
                {
                    slowRenderStarted.SetResult();
                    await slowRenderEnds.Task;
                }
                applied.Add(e.Seq);
            })
            .Add(f => f.OnReload, () => reloads++));

        await notifier.PublishAsync(QuestionChanged.QueueTopic, "carla", Claimed(1));
        await notifier.PublishAsync(QuestionChanged.QueueTopic, Expert.UserId, Claimed(2));
        await notifier.PublishAsync(QuestionChanged.QueueTopic, null, Claimed(3));
        await WaitUntilAsync(() => applied.Count == 2);
        Assert.Equal([1L, 3], applied);
        Assert.Equal(0, reloads);

        // While the page is busy with seq 4, more changes arrive than its queue holds: the oldest waiting one (5) is
        // dropped, so the page sees 6 after 4 and cannot trust its memory.
        await notifier.PublishAsync(QuestionChanged.QueueTopic, "carla", Claimed(4));
        await slowRenderStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var last = 5 + InProcessLiveNotifier<QuestionChanged>.QueueCapacity;
        for (var seq = 5; seq <= last; seq++) await notifier.PublishAsync(QuestionChanged.QueueTopic, "carla", Claimed(seq));
        slowRenderEnds.SetResult();

        await WaitUntilAsync(() => applied.Count > 0 && applied[^1] == last);
        Assert.Equal(1, reloads);
        Assert.Equal([1L, 3, 4, 7], applied.Take(4));
        Assert.Equal(Enumerable.Range(7, last - 6).Select(n => (long)n), applied.Skip(3));
    }

    [Fact]
    public async Task Follow_WhenTheStreamsRuleRefusesThePerson_DoesNotSubscribe()
    {
        var (ctx, user, notifier) = Setup();
        await using var _ = ctx;
        user.SignIn("Paula Practitioner", approved: true, Roles.Practitioner);

        ctx.Render<LiveFollow<QuestionChanged>>(p => p
            .Add(f => f.Topic, QuestionChanged.QueueTopic)
            .Add(f => f.OnReload, () => { }));

        Assert.Equal(0, notifier.SubscriberCount(QuestionChanged.QueueTopic));
    }

    [Fact]
    public async Task Follow_WhenThePersonLosesTheRight_StopsAtTheNextChange()
    {
        var (ctx, user, notifier) = Setup();
        await using var _ = ctx;
        user.SignIn(Expert);
        var applied = new List<long>();
        ctx.Render<LiveFollow<QuestionChanged>>(p => p
            .Add(f => f.Topic, QuestionChanged.QueueTopic)
            .Add(f => f.OnChange, e => applied.Add(e.Seq))
            .Add(f => f.OnReload, () => { }));
        Assert.Equal(1, notifier.SubscriberCount(QuestionChanged.QueueTopic));

        user.SignIn(Expert with { Roles = new HashSet<string>() });
        await notifier.PublishAsync(QuestionChanged.QueueTopic, "carla", Claimed(1));

        await WaitUntilAsync(() => notifier.SubscriberCount(QuestionChanged.QueueTopic) == 0);
        Assert.Empty(applied);
    }

    [Fact]
    public async Task Follow_InAStaticRender_DoesNotSubscribe()
    {
        var (ctx, user, notifier) = Setup();
        await using var _ = ctx;
        user.SignIn(Expert);
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        ctx.Render<LiveFollow<QuestionChanged>>(p => p
            .Add(f => f.Topic, QuestionChanged.QueueTopic)
            .Add(f => f.OnReload, () => { }));

        Assert.Equal(0, notifier.SubscriberCount(QuestionChanged.QueueTopic));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition was not met in time.");
            await Task.Delay(10);
        }
    }
}
