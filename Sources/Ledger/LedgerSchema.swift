/// The ledger's schema, version by version (docs/ledger.md describes every table).
///
/// `PRAGMA user_version` holds the version of the schema a file has; `PRAGMA
/// application_id` marks the file as an Exemplar ledger. Opening a ledger applies the
/// migrations after its version in one transaction; a version above `current` (written by
/// a newer Exemplar) is refused.
enum LedgerSchema {
  /// `PRAGMA application_id` of an Exemplar ledger: "EXLG" in ASCII.
  static let applicationID: Int32 = 0x4558_4C47
  /// The schema version this build writes and reads.
  static var current: Int { migrations.count }

  /// Migration `i` takes a ledger from version `i` to `i + 1`.
  static let migrations: [String] = [version1, version2]

  /// The tables, indexes, views and triggers of version 1.
  static let version1 = """
    CREATE TABLE run (
      run INTEGER PRIMARY KEY,
      year INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      exemplar_version TEXT NOT NULL,
      criteria_name TEXT NOT NULL,
      out TEXT NOT NULL,
      enterprises INTEGER NOT NULL,
      ranked INTEGER NOT NULL,
      first_eid INTEGER,
      last_eid INTEGER
    );
    CREATE TABLE input (
      run INTEGER NOT NULL REFERENCES run(run),
      position INTEGER NOT NULL,
      role TEXT NOT NULL,
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      content TEXT,
      PRIMARY KEY (run, position)
    ) WITHOUT ROWID;
    CREATE TABLE programme (
      run INTEGER NOT NULL REFERENCES run(run),
      programme TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      level TEXT NOT NULL,
      quota INTEGER NOT NULL,
      reserves INTEGER NOT NULL,
      history_years INTEGER NOT NULL,
      valid_years INTEGER NOT NULL,
      PRIMARY KEY (run, programme)
    ) WITHOUT ROWID;
    CREATE TABLE enterprise (
      eid INTEGER PRIMARY KEY,
      run INTEGER NOT NULL REFERENCES run(run),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      line INTEGER NOT NULL,
      score REAL,
      rank INTEGER,
      stars INTEGER,
      unranked_reason TEXT,
      group_scores TEXT,
      statuses TEXT NOT NULL
    );
    CREATE INDEX enterprise_id ON enterprise(id, run);
    CREATE TABLE reason (
      reason INTEGER PRIMARY KEY,
      zh TEXT NOT NULL,
      en TEXT NOT NULL,
      UNIQUE (zh, en)
    );
    CREATE TABLE listed (
      run INTEGER NOT NULL REFERENCES run(run),
      programme TEXT NOT NULL,
      stage TEXT NOT NULL CHECK (stage IN ('computed', 'final')),
      list TEXT NOT NULL CHECK (list IN ('selected', 'reserve')),
      position INTEGER NOT NULL,
      eid INTEGER NOT NULL REFERENCES enterprise(eid),
      PRIMARY KEY (run, programme, stage, list, position)
    ) WITHOUT ROWID;
    CREATE TABLE reward (
      run INTEGER NOT NULL REFERENCES run(run),
      eid INTEGER NOT NULL REFERENCES enterprise(eid),
      source TEXT NOT NULL,
      entitled REAL NOT NULL,
      granted REAL NOT NULL,
      superseded INTEGER NOT NULL
    );
    CREATE TABLE final (
      year INTEGER NOT NULL,
      programme TEXT NOT NULL,
      run INTEGER NOT NULL REFERENCES run(run),
      marked_at TEXT NOT NULL,
      PRIMARY KEY (year, programme)
    );
    CREATE TRIGGER final_matches_run BEFORE INSERT ON final
    WHEN NOT EXISTS (SELECT 1 FROM run WHERE run = NEW.run AND year = NEW.year)
      OR NOT EXISTS (SELECT 1 FROM programme WHERE run = NEW.run AND programme = NEW.programme)
    BEGIN SELECT RAISE(ABORT, 'exemplar ledger: a final names a run of its year and one of that run''s programmes'); END;
    CREATE TRIGGER final_no_update BEFORE UPDATE ON final
    BEGIN SELECT RAISE(ABORT, 'exemplar ledger: a final cannot be changed'); END;
    CREATE TRIGGER final_no_delete BEFORE DELETE ON final
    BEGIN SELECT RAISE(ABORT, 'exemplar ledger: a final cannot be deleted'); END;
    \(finalRunGuards)
    CREATE VIEW history AS
      SELECT e.id AS id, f.year AS year, f.programme AS programme, f.run AS run
      FROM final f JOIN listed l ON l.run = f.run AND l.programme = f.programme AND l.stage = 'final' AND l.list = 'selected'
      JOIN enterprise e ON e.eid = l.eid;
    CREATE VIEW decision AS
      SELECT e.run AS run, e.eid AS eid, e.id AS id, e.name AS name, e.rank AS rank, e.stars AS stars, p.programme AS programme,
             CASE json_extract(j.value, '$[0]') WHEN 's' THEN 'selected' WHEN 'r' THEN 'reserve' ELSE 'excluded' END AS computed,
             CASE json_extract(j.value, '$[1]') WHEN 's' THEN 'selected' WHEN 'r' THEN 'reserve' ELSE 'excluded' END AS final,
             json_extract(j.value, '$[2]') AS position, r.zh AS reason_zh, r.en AS reason_en
      FROM enterprise e JOIN json_each(e.statuses) j JOIN programme p ON p.run = e.run AND p.position = j.key + 1
      LEFT JOIN reason r ON r.reason = json_extract(j.value, '$[3]');
    CREATE VIEW group_score AS
      SELECT e.run AS run, e.eid AS eid, e.id AS id, g.key AS grp, g.value AS score
      FROM enterprise e JOIN json_each(e.group_scores) g;
    """

  /// Version 2: each enterprise's metrics as read (`enterprise.metrics`, a JSON array in
  /// the order of the run's `metric` rows; NULL for runs recorded before), the `metric`
  /// table and `metric_value` view; the id index keyed by run first, so that a run's
  /// entries go to the end of the index instead of among every earlier run's.
  static let version2 = """
    DROP INDEX enterprise_id;
    CREATE INDEX enterprise_run_id ON enterprise(run, id);
    ALTER TABLE enterprise ADD COLUMN metrics TEXT;
    CREATE TABLE metric (
      run INTEGER NOT NULL REFERENCES run(run),
      position INTEGER NOT NULL,
      key TEXT NOT NULL,
      header TEXT NOT NULL,
      type TEXT NOT NULL,
      PRIMARY KEY (run, position)
    ) WITHOUT ROWID;
    \(guards(["metric"]))
    CREATE VIEW metric_value AS
      SELECT e.run AS run, e.eid AS eid, e.id AS id, m.key AS metric, m.header AS header, j.value AS value
      FROM enterprise e JOIN json_each(e.metrics) j JOIN metric m ON m.run = e.run AND m.position = j.key + 1;
    """

  /// Rows of a run that is some year's final cannot be changed or deleted.
  static var finalRunGuards: String { guards(["run", "input", "programme", "enterprise", "listed", "reward"]) }

  /// The guards of a final run's rows in `tables`.
  static func guards(_ tables: [String]) -> String {
    tables.map { t in
      """
      CREATE TRIGGER \(t)_final_no_update BEFORE UPDATE ON \(t)
      WHEN EXISTS (SELECT 1 FROM final WHERE run = OLD.run)
      BEGIN SELECT RAISE(ABORT, 'exemplar ledger: the rows of a final run cannot be changed'); END;
      CREATE TRIGGER \(t)_final_no_delete BEFORE DELETE ON \(t)
      WHEN EXISTS (SELECT 1 FROM final WHERE run = OLD.run)
      BEGIN SELECT RAISE(ABORT, 'exemplar ledger: the rows of a final run cannot be deleted'); END;
      """
    }.joined(separator: "\n")
  }
}
