-- Ranking no longer calls bm25(), which walked every row holding each word on every search. It reads the
-- newest matches' titles and summaries, which this covering index holds next to the layer and kind that
-- every match is checked for, so the long body is never read.
DROP INDEX "IX_SearchEntries_Filter";
CREATE INDEX "IX_SearchEntries_Match" ON "SearchEntries" ("Id", "Layer", "Kind", "Key", "Title", "Summary");

-- The kind becomes an indexed column of its own, like the themes: a kind filter is then part of the MATCH,
-- answered by the index, instead of a lookup of every match's kind. People's words are matched in every
-- column, because a column filter makes FTS5 read the positions of every match (it halved the speed of a
-- kind filter): the kind is stored as "kindpractice", which nobody types, while a theme code such as
-- "sdg16" finds what is tagged with it, as someone who types it means.
DROP TRIGGER search_entries_ai;
DROP TRIGGER search_entries_ad;
DROP TRIGGER search_entries_au;
DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5(
    Title, Summary, Body, Themes, Kind,
    content='SearchEntries', content_rowid='Id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3 4'
);

INSERT INTO search_fts(rowid, Title, Summary, Body, Themes, Kind)
    SELECT Id, Title, Summary, Body, replace(Themes, '-', ''), 'kind' || Kind FROM SearchEntries;

CREATE TRIGGER search_entries_ai AFTER INSERT ON SearchEntries BEGIN
    INSERT INTO search_fts(rowid, Title, Summary, Body, Themes, Kind) VALUES (new.Id, new.Title, new.Summary, new.Body, replace(new.Themes, '-', ''), 'kind' || new.Kind);
END;

CREATE TRIGGER search_entries_ad AFTER DELETE ON SearchEntries BEGIN
    INSERT INTO search_fts(search_fts, rowid, Title, Summary, Body, Themes, Kind) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, replace(old.Themes, '-', ''), 'kind' || old.Kind);
END;

CREATE TRIGGER search_entries_au AFTER UPDATE ON SearchEntries BEGIN
    INSERT INTO search_fts(search_fts, rowid, Title, Summary, Body, Themes, Kind) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, replace(old.Themes, '-', ''), 'kind' || old.Kind);
    INSERT INTO search_fts(rowid, Title, Summary, Body, Themes, Kind) VALUES (new.Id, new.Title, new.Summary, new.Body, replace(new.Themes, '-', ''), 'kind' || new.Kind);
END;
