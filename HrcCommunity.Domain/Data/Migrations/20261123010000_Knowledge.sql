CREATE TABLE "KnowledgeItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_KnowledgeItems" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Section" INTEGER NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "PractitionerBody" TEXT NOT NULL,
    "PractitionersOnly" INTEGER NOT NULL,
    "Themes" TEXT NOT NULL,
    "NetworkSlugs" TEXT NOT NULL,
    "LinksJson" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "SourceKind" TEXT NULL,
    "SourceKey" TEXT NULL,
    "SourceUrl" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Practices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Practices" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "Problem" TEXT NOT NULL,
    "Approach" TEXT NOT NULL,
    "Results" TEXT NOT NULL,
    "Lessons" TEXT NOT NULL,
    "Contact" TEXT NOT NULL,
    "LinksJson" TEXT NOT NULL,
    "Themes" TEXT NOT NULL,
    "NetworkSlugs" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "ReviewNote" TEXT NULL,
    "SubmitterId" TEXT NOT NULL,
    "SubmitterName" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "PromotedToSlug" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "KnowledgeAttachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_KnowledgeAttachments" PRIMARY KEY AUTOINCREMENT,
    "KnowledgeItemId" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "StoredName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL,
    CONSTRAINT "FK_KnowledgeAttachments_KnowledgeItems_KnowledgeItemId" FOREIGN KEY ("KnowledgeItemId") REFERENCES "KnowledgeItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "KnowledgeRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_KnowledgeRevisions" PRIMARY KEY AUTOINCREMENT,
    "KnowledgeItemId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "Change" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "ChangedByName" TEXT NOT NULL,
    CONSTRAINT "FK_KnowledgeRevisions_KnowledgeItems_KnowledgeItemId" FOREIGN KEY ("KnowledgeItemId") REFERENCES "KnowledgeItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PracticeComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PracticeComments" PRIMARY KEY AUTOINCREMENT,
    "PracticeId" INTEGER NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PracticeComments_Practices_PracticeId" FOREIGN KEY ("PracticeId") REFERENCES "Practices" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PracticeUsefulMarks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PracticeUsefulMarks" PRIMARY KEY AUTOINCREMENT,
    "PracticeId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PracticeUsefulMarks_Practices_PracticeId" FOREIGN KEY ("PracticeId") REFERENCES "Practices" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_KnowledgeAttachments_KnowledgeItemId" ON "KnowledgeAttachments" ("KnowledgeItemId");

CREATE UNIQUE INDEX "IX_KnowledgeItems_Slug" ON "KnowledgeItems" ("Slug");

CREATE INDEX "IX_KnowledgeItems_Status_Section" ON "KnowledgeItems" ("Status", "Section");

CREATE INDEX "IX_KnowledgeRevisions_KnowledgeItemId" ON "KnowledgeRevisions" ("KnowledgeItemId");

CREATE INDEX "IX_PracticeComments_PracticeId" ON "PracticeComments" ("PracticeId");

CREATE UNIQUE INDEX "IX_Practices_Slug" ON "Practices" ("Slug");

CREATE INDEX "IX_Practices_Status" ON "Practices" ("Status");

CREATE INDEX "IX_Practices_SubmitterId" ON "Practices" ("SubmitterId");

CREATE UNIQUE INDEX "IX_PracticeUsefulMarks_PracticeId_UserId" ON "PracticeUsefulMarks" ("PracticeId", "UserId");
