-- The directory of international city networks (issue 4).

CREATE TABLE "Networks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Networks" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Acronym" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Mission" TEXT NOT NULL,
    "Mandate" TEXT NOT NULL,
    "KeyProjects" TEXT NOT NULL,
    "MemberCount" INTEGER NULL,
    "MemberKinds" TEXT NOT NULL,
    "CountryCount" INTEGER NULL,
    "MembershipModel" TEXT NOT NULL,
    "MembershipNote" TEXT NOT NULL,
    "FoundedYear" INTEGER NULL,
    "Headquarters" TEXT NOT NULL,
    "Regions" TEXT NOT NULL,
    "Themes" TEXT NOT NULL,
    "Website" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Contacts" TEXT NOT NULL,
    "LastConfirmedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "NetworkChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NetworkChanges" PRIMARY KEY AUTOINCREMENT,
    "NetworkId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Fields" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "ChangedById" TEXT NULL,
    "ChangedByName" TEXT NOT NULL,
    "CorrectionId" INTEGER NULL,
    CONSTRAINT "FK_NetworkChanges_Networks_NetworkId" FOREIGN KEY ("NetworkId") REFERENCES "Networks" ("Id") ON DELETE CASCADE
);


CREATE TABLE "NetworkCorrections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NetworkCorrections" PRIMARY KEY AUTOINCREMENT,
    "NetworkId" INTEGER NOT NULL,
    "BaseVersion" INTEGER NOT NULL,
    "ChangesJson" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "Email" TEXT NULL,
    "ProposedById" TEXT NULL,
    "ProposedByName" TEXT NOT NULL,
    "ProposerKey" TEXT NOT NULL,
    "ProposedAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedByName" TEXT NULL,
    "DecisionNote" TEXT NULL,
    CONSTRAINT "FK_NetworkCorrections_Networks_NetworkId" FOREIGN KEY ("NetworkId") REFERENCES "Networks" ("Id") ON DELETE CASCADE
);


CREATE TABLE "NetworkMemberCities" (
    "NetworkId" INTEGER NOT NULL,
    "MemberCityId" INTEGER NOT NULL,
    CONSTRAINT "PK_NetworkMemberCities" PRIMARY KEY ("NetworkId", "MemberCityId"),
    CONSTRAINT "FK_NetworkMemberCities_MemberCities_MemberCityId" FOREIGN KEY ("MemberCityId") REFERENCES "MemberCities" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NetworkMemberCities_Networks_NetworkId" FOREIGN KEY ("NetworkId") REFERENCES "Networks" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_NetworkChanges_NetworkId_Version" ON "NetworkChanges" ("NetworkId", "Version");


CREATE INDEX "IX_NetworkCorrections_NetworkId" ON "NetworkCorrections" ("NetworkId");


CREATE INDEX "IX_NetworkCorrections_ProposerKey_ProposedAt" ON "NetworkCorrections" ("ProposerKey", "ProposedAt");


CREATE INDEX "IX_NetworkCorrections_Status_ProposedAt" ON "NetworkCorrections" ("Status", "ProposedAt");


CREATE INDEX "IX_NetworkMemberCities_MemberCityId" ON "NetworkMemberCities" ("MemberCityId");


CREATE UNIQUE INDEX "IX_Networks_Slug" ON "Networks" ("Slug");
