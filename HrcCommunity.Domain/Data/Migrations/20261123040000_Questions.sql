CREATE TABLE "CannedReplies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CannedReplies" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "Questions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Questions" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "Themes" TEXT NOT NULL,
    "AskerName" TEXT NOT NULL,
    "AskerEmail" TEXT NOT NULL,
    "AskerPlace" TEXT NOT NULL,
    "AskerUserId" TEXT NULL,
    "AnonymousToExperts" INTEGER NOT NULL,
    "MayPublish" INTEGER NOT NULL,
    "StatusSalt" TEXT NOT NULL,
    "StatusTokenHash" TEXT NOT NULL,
    "EmailHash" TEXT NOT NULL,
    "IpHash" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "HolderId" TEXT NULL,
    "HolderName" TEXT NULL,
    "AnsweredById" TEXT NULL,
    "AnsweredByName" TEXT NULL,
    "AskedAt" TEXT NOT NULL,
    "FirstClaimedAt" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Answer" TEXT NOT NULL,
    "AnswerSummary" TEXT NOT NULL,
    "AnswerLinks" TEXT NOT NULL,
    "Slug" TEXT NULL,
    "PublicBody" TEXT NOT NULL,
    "Networks" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "QuestionLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QuestionLog" PRIMARY KEY AUTOINCREMENT,
    "QuestionId" INTEGER NOT NULL,
    "Action" INTEGER NOT NULL,
    "FromState" INTEGER NOT NULL,
    "ToState" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_QuestionLog_Questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "Questions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "QuestionNotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_QuestionNotes" PRIMARY KEY AUTOINCREMENT,
    "QuestionId" INTEGER NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_QuestionNotes_Questions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "Questions" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CannedReplies_Title" ON "CannedReplies" ("Title");

CREATE INDEX "IX_QuestionLog_At" ON "QuestionLog" ("At");

CREATE INDEX "IX_QuestionLog_QuestionId" ON "QuestionLog" ("QuestionId");

CREATE INDEX "IX_QuestionNotes_QuestionId" ON "QuestionNotes" ("QuestionId");

CREATE INDEX "IX_Questions_EmailHash_AskedAt" ON "Questions" ("EmailHash", "AskedAt");

CREATE INDEX "IX_Questions_IpHash_AskedAt" ON "Questions" ("IpHash", "AskedAt");

CREATE UNIQUE INDEX "IX_Questions_Slug" ON "Questions" ("Slug");

CREATE INDEX "IX_Questions_State_AskedAt" ON "Questions" ("State", "AskedAt");

CREATE UNIQUE INDEX "IX_Questions_StatusTokenHash" ON "Questions" ("StatusTokenHash");
