CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "Organisation" TEXT NOT NULL,
    "ApprovalStatus" INTEGER NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedById" TEXT NULL,
    "ReviewNote" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "DigestOptIn" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AssociateMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AssociateMembers" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Country" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Profile" TEXT NOT NULL,
    "Website" TEXT NULL
);


CREATE TABLE "ContentPages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentPages" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedById" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "DigestRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DigestRuns" PRIMARY KEY AUTOINCREMENT,
    "PeriodEnd" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    "Recipients" INTEGER NOT NULL
);


CREATE TABLE "MemberCities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MemberCities" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Country" TEXT NOT NULL,
    "DeclaredYear" INTEGER NULL,
    "Summary" TEXT NOT NULL,
    "Profile" TEXT NOT NULL,
    "Website" TEXT NULL,
    "FocalContact" TEXT NULL
);


CREATE TABLE "NetworkTags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NetworkTags" PRIMARY KEY AUTOINCREMENT,
    "NetworkSlug" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "IsPublic" INTEGER NOT NULL
);


CREATE TABLE "OutboxEmails" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxEmails" PRIMARY KEY AUTOINCREMENT,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NULL,
    "Category" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL
);


CREATE TABLE "SearchEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SearchEntries" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Layer" INTEGER NOT NULL,
    "Url" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Themes" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContentPageRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentPageRevisions" PRIMARY KEY AUTOINCREMENT,
    "ContentPageId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "ChangedByName" TEXT NOT NULL,
    CONSTRAINT "FK_ContentPageRevisions_ContentPages_ContentPageId" FOREIGN KEY ("ContentPageId") REFERENCES "ContentPages" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_ApprovalStatus_RegisteredAt" ON "AspNetUsers" ("ApprovalStatus", "RegisteredAt");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE UNIQUE INDEX "IX_AssociateMembers_Slug" ON "AssociateMembers" ("Slug");


CREATE INDEX "IX_ContentPageRevisions_ContentPageId" ON "ContentPageRevisions" ("ContentPageId");


CREATE UNIQUE INDEX "IX_ContentPages_Slug" ON "ContentPages" ("Slug");


CREATE UNIQUE INDEX "IX_DigestRuns_PeriodEnd" ON "DigestRuns" ("PeriodEnd");


CREATE UNIQUE INDEX "IX_MemberCities_Slug" ON "MemberCities" ("Slug");


CREATE UNIQUE INDEX "IX_NetworkTags_Kind_Key_NetworkSlug" ON "NetworkTags" ("Kind", "Key", "NetworkSlug");


CREATE INDEX "IX_NetworkTags_NetworkSlug" ON "NetworkTags" ("NetworkSlug");


CREATE INDEX "IX_OutboxEmails_SentAt_NextAttemptAt" ON "OutboxEmails" ("SentAt", "NextAttemptAt");


CREATE UNIQUE INDEX "IX_SearchEntries_Kind_Key_Layer" ON "SearchEntries" ("Kind", "Key", "Layer");


