//! The records' SQLite schema: one migration per entry, applied in order, counted in
//! `user_version`.

/// The schema version this build writes; older databases are migrated forward.
pub const SCHEMA_VERSION: i64 = 11;

pub(super) const MIGRATIONS: [&str; 11] = [
    // 1: players' results.
    "CREATE TABLE results (
        id TEXT PRIMARY KEY,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        scenario TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        seed INTEGER NOT NULL,
        choices TEXT NOT NULL,
        waits TEXT NOT NULL,
        ending TEXT NOT NULL,
        outcome TEXT NOT NULL,
        score INTEGER NOT NULL,
        trust INTEGER NOT NULL,
        days REAL NOT NULL,
        duration_ms INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        competition TEXT,
        imported INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX results_board ON results (competition, scenario, player, score DESC, duration_ms);",
    // 2: the xAPI outbox: statements waiting for the LRS.
    "CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        statement TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try INTEGER NOT NULL DEFAULT 0,
        sent INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX outbox_due ON outbox (sent, next_try, seq);",
    // 3: each player's best result per scenario, overall ('*') and per competition, kept up to
    // date on every insert so leaderboards read a few thousand rows, not every result.
    "CREATE TABLE best (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        score INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        PRIMARY KEY (competition, scenario, player)
     );
     INSERT INTO best (competition, scenario, player, team, score, duration_ms)
        SELECT '*', scenario, player, team, score, duration_ms FROM results WHERE true
        ON CONFLICT DO UPDATE SET score = excluded.score, duration_ms = excluded.duration_ms,
            team = excluded.team
        WHERE excluded.score > best.score
           OR (excluded.score = best.score AND excluded.duration_ms < best.duration_ms);
     INSERT INTO best (competition, scenario, player, team, score, duration_ms)
        SELECT competition, scenario, player, team, score, duration_ms FROM results
        WHERE competition IS NOT NULL
        ON CONFLICT DO UPDATE SET score = excluded.score, duration_ms = excluded.duration_ms,
            team = excluded.team
        WHERE excluded.score > best.score
           OR (excluded.score = best.score AND excluded.duration_ms < best.duration_ms);",
    // 4: settings kept on this machine: the profile and the self-diagnostic answers.
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 5: statements the LRS refused as invalid are set aside with its reason, so they do not
    // hold up the rest of the queue.
    "ALTER TABLE outbox ADD COLUMN parked TEXT;",
    // 6: competition attempts are counted when a call starts, not when it is recorded, so an
    // attempt abandoned half-way still counts. Calls recorded here before count as started.
    "CREATE TABLE attempts (
        player TEXT NOT NULL,
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        seed INTEGER NOT NULL,
        started_at TEXT NOT NULL
     );
     CREATE INDEX attempts_of ON attempts (competition, scenario, player);
     INSERT INTO attempts (player, competition, scenario, seed, started_at)
        SELECT player, competition, scenario, seed, started_at FROM results
        WHERE competition IS NOT NULL AND imported = 0;",
    // 7: the truth a call was in and where each line was shown (both follow from the seed and
    // the choices, and are checked against them on import), for trainers reading the records.
    "ALTER TABLE results ADD COLUMN truth TEXT NOT NULL DEFAULT '';
     ALTER TABLE results ADD COLUMN shown TEXT NOT NULL DEFAULT '[]';",
    // 8: results waiting for the team hub of the competition the player joined, queued in the
    // transaction that records them, so each is sent exactly once however the game ends.
    "CREATE TABLE hub_outbox (
        result TEXT PRIMARY KEY,
        server TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try INTEGER NOT NULL DEFAULT 0,
        sent INTEGER NOT NULL DEFAULT 0,
        refused TEXT
     );",
    // 9: the language a call was played in ('' for the scenario's own).
    "ALTER TABLE results ADD COLUMN lang TEXT NOT NULL DEFAULT '';",
    // 10: one outbox vocabulary (a refused item, in both queues); a result queued for a hub
    // keeps the token of the player it was made by (joining another competition later changes
    // the remembered token, not the queued result's); ties on a board go to whoever reached the
    // score first (the order of recording), not to a duration the player's machine reports.
    "ALTER TABLE outbox RENAME COLUMN parked TO refused;
     ALTER TABLE hub_outbox ADD COLUMN token TEXT;
     UPDATE hub_outbox SET token = (SELECT value FROM settings WHERE key = 'hub_token')
        WHERE sent = 0;
     ALTER TABLE best ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;
     CREATE INDEX results_of ON results (competition);
     CREATE INDEX results_attempt ON results (competition, scenario, player, seed);",
    // 11: drills of missed decisions, one per player and decision, with their place on the
    // spaced schedule; and each play of a drill (kept apart from results: a drill is part of a
    // call, and counts on no leaderboard).
    "CREATE TABLE drills (
        id TEXT PRIMARY KEY,
        player TEXT NOT NULL,
        scenario TEXT NOT NULL,
        node TEXT NOT NULL,
        miss TEXT NOT NULL,
        level INTEGER NOT NULL,
        due INTEGER NOT NULL,
        retired INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        passes INTEGER NOT NULL,
        source TEXT NOT NULL,
        missed_at TEXT NOT NULL
     );
     CREATE INDEX drills_of ON drills (player, retired, due);
     CREATE TABLE drill_plays (
        id TEXT PRIMARY KEY,
        drill TEXT NOT NULL,
        player TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        passed INTEGER NOT NULL,
        play TEXT NOT NULL
     );
     CREATE INDEX drill_plays_of ON drill_plays (player, finished_at);",
];
