-- An external-content FTS5 table: the text lives once, in SearchEntries; the index holds tokens.
-- remove_diacritics folds "Zürich" and "Zurich" together; prefix indexes make suggestions cheap.
CREATE VIRTUAL TABLE search_fts USING fts5(
    Title, Summary, Body, Themes UNINDEXED,
    content='SearchEntries', content_rowid='Id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3 4'
);

CREATE TRIGGER search_entries_ai AFTER INSERT ON SearchEntries BEGIN
    INSERT INTO search_fts(rowid, Title, Summary, Body, Themes) VALUES (new.Id, new.Title, new.Summary, new.Body, new.Themes);
END;

CREATE TRIGGER search_entries_ad AFTER DELETE ON SearchEntries BEGIN
    INSERT INTO search_fts(search_fts, rowid, Title, Summary, Body, Themes) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.Themes);
END;

CREATE TRIGGER search_entries_au AFTER UPDATE ON SearchEntries BEGIN
    INSERT INTO search_fts(search_fts, rowid, Title, Summary, Body, Themes) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.Themes);
    INSERT INTO search_fts(rowid, Title, Summary, Body, Themes) VALUES (new.Id, new.Title, new.Summary, new.Body, new.Themes);
END;
