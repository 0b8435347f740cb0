CREATE TABLE "Drafts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Drafts" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Drafts_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Drafts_UserId_Key" ON "Drafts" ("UserId", "Key");
