CREATE TABLE "UsefulLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UsefulLinks" PRIMARY KEY AUTOINCREMENT,
    "Category" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Url" TEXT NULL,
    "Description" TEXT NOT NULL,
    "Themes" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE INDEX "IX_UsefulLinks_Category_Position" ON "UsefulLinks" ("Category", "Position");

CREATE TABLE "NewsPosts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NewsPosts" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Themes" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_NewsPosts_PublishedAt" ON "NewsPosts" ("PublishedAt");

CREATE UNIQUE INDEX "IX_NewsPosts_Slug" ON "NewsPosts" ("Slug");

-- The Atom feed reads the newest public entries of the search index.
CREATE INDEX "IX_SearchEntries_Layer_UpdatedAt" ON "SearchEntries" ("Layer", "UpdatedAt");

-- Search filters every full-text match on layer, kind and theme; this covering index answers that
-- without reading each entry's long text.
CREATE INDEX "IX_SearchEntries_Filter" ON "SearchEntries" ("Id", "Layer", "Kind", "Key", "Themes");
