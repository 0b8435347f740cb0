-- A theme filter used to test every full-text match's Themes text, so a rare theme meant scanning most
-- matches of a common word. Now each theme code is one indexed token of its own column ("sdg-16" is
-- stored as "sdg16", "city-climate-fit" as "cityclimatefit": the hyphen would split a code into words
-- that other codes share), and the filter is part of the MATCH, answered by the index itself.
DROP TRIGGER search_entries_ai;
DROP TRIGGER search_entries_ad;
DROP TRIGGER search_entries_au;
DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_fts USING fts5(
    Title, Summary, Body, Themes,
    content='SearchEntries', content_rowid='Id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3 4'
);

INSERT INTO search_fts(rowid, Title, Summary, Body, Themes)
    SELECT Id, Title, Summary, Body, replace(Themes, '-', '') FROM SearchEntries;

CREATE TRIGGER search_entries_ai AFTER INSERT ON SearchEntries BEGIN
    INSERT INTO search_fts(rowid, Title, Summary, Body, Themes) VALUES (new.Id, new.Title, new.Summary, new.Body, replace(new.Themes, '-', ''));
END;

CREATE TRIGGER search_entries_ad AFTER DELETE ON SearchEntries BEGIN
    INSERT INTO search_fts(search_fts, rowid, Title, Summary, Body, Themes) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, replace(old.Themes, '-', ''));
END;

CREATE TRIGGER search_entries_au AFTER UPDATE ON SearchEntries BEGIN
    INSERT INTO search_fts(search_fts, rowid, Title, Summary, Body, Themes) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, replace(old.Themes, '-', ''));
    INSERT INTO search_fts(rowid, Title, Summary, Body, Themes) VALUES (new.Id, new.Title, new.Summary, new.Body, replace(new.Themes, '-', ''));
END;
