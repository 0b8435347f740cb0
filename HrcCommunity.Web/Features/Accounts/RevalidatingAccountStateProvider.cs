using System.Security.Claims;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace HrcCommunity.Web.Features.Accounts;

/// <summary>
/// Keeps a circuit's roles and approval current. A circuit otherwise keeps the principal it started with for as
/// long as the tab stays open: this re-reads the account every Hrc:Accounts:RefreshClaimsEvery, and at once when
/// the account changes, so AuthorizeView, the route's policy and <see cref="CurrentActor"/> all follow.
/// </summary>
public sealed class RevalidatingAccountStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILiveNotifier<AccountChanged> _accounts;
    private readonly ILogger<RevalidatingAccountStateProvider> _logger;
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private string? _watchedUserId;

    public RevalidatingAccountStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes,
        ILiveNotifier<AccountChanged> accounts, IConfiguration configuration) : base(loggerFactory)
    {
        _scopes = scopes;
        _accounts = accounts;
        _logger = loggerFactory.CreateLogger<RevalidatingAccountStateProvider>();
        RevalidationInterval = configuration.GetValue("Hrc:Accounts:RefreshClaimsEvery", TimeSpan.FromMinutes(1));
        AuthenticationStateChanged += WatchAccount;
    }

    protected override TimeSpan RevalidationInterval { get; }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        var current = await AccountPrincipals.CurrentAsync(_scopes, state.User);
        if (current is null) return false;
        // Setting a new state restarts the base class's loop with it, so this loop may end here.
        if (!AccountPrincipals.SameAccess(state.User, current)) SetAuthenticationState(Task.FromResult(new AuthenticationState(current)));
        return true;
    }

    private async Task RevalidateNowAsync()
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated != true) return;
            var current = await AccountPrincipals.CurrentAsync(_scopes, state.User);
            if (current is null) SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            else if (!AccountPrincipals.SameAccess(state.User, current)) SetAuthenticationState(Task.FromResult(new AuthenticationState(current)));
        }
        catch (Exception ex)
        {
            // The periodic check still runs; a failed immediate one only delays the change until then.
            _logger.LogWarning(ex, "Could not re-read an account after it changed");
        }
    }

    /// <summary>Follows the live changes of whoever this circuit is signed in as.</summary>
    private async void WatchAccount(Task<AuthenticationState> stateTask)
    {
        try
        {
            var userId = (await stateTask).User.FindFirstValue(ClaimTypes.NameIdentifier);
            lock (_gate)
            {
                if (userId == _watchedUserId) return;
                _subscription?.Dispose();
                _watchedUserId = userId;
                _subscription = userId is null ? null : _accounts.Subscribe(AccountChanged.AccountTopic(userId), _ => RevalidateNowAsync());
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not follow account changes for a circuit");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= WatchAccount;
            lock (_gate) _subscription?.Dispose();
        }
        base.Dispose(disposing);
    }
}
