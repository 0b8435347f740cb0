using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Domain.Features.Content;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Drafts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Links;
using HrcCommunity.Domain.Features.Members;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.News;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Live;
using HrcCommunity.Domain.Scheduling;
using HrcCommunity.Domain.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HrcCommunity.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>Every Domain registration, in plain sight.</summary>
    public static IServiceCollection AddHrcDomain(this IServiceCollection services, IConfiguration configuration, DataFolder dataFolder)
    {
        services.AddSingleton(dataFolder);
        var database = DatabaseSettings.From(configuration, dataFolder);
        services.AddSingleton(database);
        services.AddSingleton<ServerKeyStore>();
        services.AddSingleton<KeyedHashes>();
        services.TryAddSingleton(TimeProvider.System);
        // A host registers its own; a bare container (a benchmark, a tool) counts as not Development: no demo accounts.
        services.TryAddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddSingleton<SearchIndexVersion>();
        services.AddSingleton<ContentVersion>();
        services.AddSingleton<NotificationPublisher>();
        // Pooled: a new context builds its own set of internal services before its first query (measured: 55 KB and about
        // 0.5 ms to open one, against 7 KB and 0.1 ms for a pooled one, which is reset and handed out again).
        services.AddPooledDbContextFactory<HrcDbContext>((sp, options) =>
            database.Configure(options).AddInterceptors(sp.GetRequiredService<SearchIndexVersion>(),
                sp.GetRequiredService<ContentVersion>(), sp.GetRequiredService<NotificationPublisher>()));
        services.AddSingleton<DatabaseInitializer>();
        if (!database.IsPostgreSql)
        {
            services.AddSingleton<SqliteCheckpointer>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        }

        // Live updates: one notifier per event type. With Redis configured, numbering, delivery and presence are shared
        // by every instance; without it they stay in this process.
        var redis = configuration.GetSection(RedisOptions.Section);
        services.Configure<RedisOptions>(redis);
        if (redis.Get<RedisOptions>() is { Enabled: true } redisOptions)
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectRedis(redisOptions));
            services.AddSingleton(typeof(ILiveNotifier<>), typeof(RedisLiveNotifier<>));
            services.AddSingleton<RedisPresence>();
            services.AddSingleton<IPresence>(sp => sp.GetRequiredService<RedisPresence>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisPresence>());
            services.AddHostedService<RedisContentVersionRelay>();
            services.AddSingleton<IRoomFloodGate, RedisRoomFloodGate>();
        }
        else
        {
            services.AddSingleton(typeof(ILiveNotifier<>), typeof(InProcessLiveNotifier<>));
            services.AddSingleton<IPresence, InProcessPresence>();
            services.AddSingleton<IRoomFloodGate, InProcessRoomFloodGate>();
        }

        // Email: the outbox is always written; the transport decides where messages go.
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        // The old switch would otherwise be ignored without a word and TLS quietly become opportunistic.
        if (configuration[$"{EmailOptions.Section}:SmtpUseTls"] is not null)
            throw new InvalidOperationException($"{EmailOptions.Section}:SmtpUseTls was replaced by {EmailOptions.Section}:SmtpSecurity (None, Auto, StartTls, StartTlsWhenAvailable, SslOnConnect).");
        if (string.IsNullOrEmpty(configuration[$"{EmailOptions.Section}:SmtpHost"]))
            services.AddSingleton<IEmailTransport, PickupFolderEmailTransport>();
        else
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        // Background jobs: Hangfire, stored in its own SQLite file so scheduled work survives restarts.
        var scheduler = configuration.GetSection(SchedulerOptions.Section);
        // Kept, the old key would leave the weekly digest on its default day without a word.
        if (configuration[$"{SchedulerOptions.Section}:DigestCron"] is not null)
            throw new InvalidOperationException($"{SchedulerOptions.Section}:DigestCron was renamed {SchedulerOptions.Section}:WeeklyDigestCron (beside DailyDigestCron and ExpertDigestCron).");
        services.Configure<SchedulerOptions>(scheduler);
        AddJobs(services, scheduler.Get<SchedulerOptions>() ?? new SchedulerOptions(), dataFolder, database);
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<OutboxAdminService>();
        services.AddSingleton<DigestService>();
        services.AddTransient<DigestJob>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<EventReminderService>();
        services.AddTransient<EventReminderJob>();

        // Accounts
        services.AddSingleton<AccountApprovalService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<EmailConfirmationService>();
        services.AddScoped<AccountSecurityService>();
        services.AddScoped<ExternalSignInService>();
        services.AddSingleton<AccountProfileService>();
        services.AddSingleton<UserAdministrationService>();
        services.AddSingleton<PersonalAccessTokenService>();
        services.AddSingleton<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.AddSingleton<ISeed, RolesSeed>();
        services.AddSingleton<ISeed, DemoUsersSeed>();

        // Content and members of the public hub
        services.AddSingleton<ContentPageService>();
        services.AddSingleton<ISeed, ContentPagesSeed>();
        services.AddSingleton<MembersService>();
        services.AddSingleton<ISeed, MembersSeed>();

        // Form drafts saved as people type, so nothing is lost to a dropped connection
        services.AddSingleton<DraftService>();

        // Directory of international city networks
        services.AddSingleton<NetworkDirectoryService>();
        services.AddSingleton<NetworkEditingService>();
        services.AddSingleton<NetworkCorrectionService>();
        services.AddSingleton<NetworkCsvService>();
        services.AddSingleton<ISeed, NetworksSeed>();
        services.AddSingleton<ISeed, NetworkDemoContactsSeed>();

        // Excellence Knowledge Centre and shared practices
        services.Configure<KnowledgeOptions>(configuration.GetSection(KnowledgeOptions.Section));
        services.AddSingleton<KnowledgeService>();
        services.AddSingleton<KnowledgeAttachmentService>();
        services.AddSingleton<PracticeService>();
        services.AddSingleton<ISeed, KnowledgeSeed>();
        services.AddSingleton<ISeed, PracticesDemoSeed>();

        // Questions: asking, the experts' queue, published answers and their measures
        services.Configure<QuestionsOptions>(configuration.GetSection(QuestionsOptions.Section));
        services.AddSingleton<StatusLinks>();
        services.AddSingleton<QuestionIntakeService>();
        services.AddSingleton<QuestionTriageService>();
        services.AddSingleton<PublishedAnswersService>();
        services.AddSingleton<CannedReplyService>();
        services.AddSingleton<QuestionMeasuresService>();
        services.AddSingleton<ISeed, CannedRepliesSeed>();
        services.AddSingleton<ISeed, QuestionsDemoSeed>();

        // Search, useful links and news
        services.AddSingleton<IFullTextIndex>(database.IsPostgreSql ? new PostgreSqlFullTextIndex() : new SqliteFullTextIndex());
        services.AddSingleton<SearchService>();
        services.AddSingleton<LinksService>();
        services.AddSingleton<ISeed, LinksSeed>();
        services.AddSingleton<NewsService>();
        services.AddSingleton<ISeed, NewsDemoSeed>();

        // Dialogues and workshops: scheduling, finding a time, registration and calendars
        services.AddSingleton<EventService>();
        services.AddSingleton<EventRegistrationService>();
        services.AddSingleton<SlotPollService>();
        services.AddSingleton<CalendarFeedService>();
        services.AddSingleton<ISeed, EventsDemoSeed>();

        services.AddSingleton<DialogueAccess>();
        services.AddSingleton<DialogueRoomService>();
        services.AddSingleton<ISeed, DialoguesDemoSeed>();
        // Brainstorming boards for workshops: notes, clusters, dot voting and facilitation
        services.AddSingleton<BoardService>();
        services.AddSingleton<BoardFollowUpService>();
        services.AddSingleton<BoardAccess>();
        services.AddSingleton<ISeed, BoardsDemoSeed>();

        // Personal data: download, account deletion and retention
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<PrivacyPeriods>();
        services.AddSingleton<PersonalDataCollector>();
        services.AddSingleton<PersonalDataExportService>();
        services.AddTransient<PersonalDataExportJob>();
        services.AddScoped<AccountDeletionService>();
        services.AddSingleton<RetentionService>();
        services.AddTransient<PrivacyRetentionJob>();

        return services;
    }

    /// <summary>
    /// Starts even while Redis is down (it keeps trying in the background, and /healthz says so), so one missing
    /// dependency does not stop an instance from serving what it can.
    /// </summary>
    public static ConnectionMultiplexer ConnectRedis(RedisOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(configuration);
    }

    private static void AddJobs(IServiceCollection services, SchedulerOptions options, DataFolder dataFolder, DatabaseSettings database)
    {
        // Hangfire's own defaults hand each host the process-wide JobStorage.Current and JobActivator.Current, which
        // whichever host configured last overwrites (tests run several hosts in one process). Registered first, this
        // host's storage and activator win Hangfire's TryAdd, so its clients, server and dashboard all use them;
        // JobStorage.Current stays unset, so the static BackgroundJob API fails instead of reaching another host.
        // Hangfire's log provider is process-wide as well: see HangfireLogProvider.
        // On PostgreSQL the jobs share the app's database (in Hangfire's own schema), so every instance sees one queue.
        services.AddSingleton<JobStorage>(_ => database.IsPostgreSql
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { QueuePollInterval = options.PollInterval, PrepareSchemaIfNecessary = true })
            : new SQLiteStorage(dataFolder.JobsDatabasePath, new SQLiteStorageOptions { QueuePollInterval = options.PollInterval }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!options.Enabled) return;
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.PollInterval;
        });
        services.AddHostedService<RecurringJobsRegistration>();
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string databasePath) =>
        new DatabaseSettings(DatabaseProvider.Sqlite, DatabaseSettings.SqliteConnectionString(databasePath)).Configure(options);
}
