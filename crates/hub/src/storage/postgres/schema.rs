//! The hub's PostgreSQL schema: one migration per entry, applied in order, each once.

/// The schema, one migration per entry; applied in order, each once, recorded in
/// `hub_migrations`.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: competitions, their files and teams, players, results and each player's best.
    "
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE competitions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        file TEXT NOT NULL,
        published_at TEXT NOT NULL,
        version TEXT NOT NULL
    );
    CREATE TABLE scenarios (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (competition, scenario)
    );
    CREATE TABLE teams (
        competition TEXT NOT NULL,
        team TEXT NOT NULL,
        code TEXT NOT NULL UNIQUE,
        PRIMARY KEY (competition, team)
    );
    CREATE TABLE players (
        token_hash TEXT PRIMARY KEY,
        competition TEXT NOT NULL,
        name TEXT NOT NULL,
        team TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        UNIQUE (competition, name)
    );
    CREATE TABLE results (
        seq BIGSERIAL UNIQUE,
        id TEXT PRIMARY KEY,
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        score BIGINT NOT NULL,
        duration_ms BIGINT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX results_of ON results (competition, seq);
    CREATE TABLE best (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        player TEXT NOT NULL,
        team TEXT NOT NULL,
        score BIGINT NOT NULL,
        duration_ms BIGINT NOT NULL,
        PRIMARY KEY (competition, scenario, player)
    );
    ",
    // 2: an attempt (a player's call with one seed) counts once: the first result stands.
    // Ties on the board go to whoever reached the score first (the order results were
    // recorded in), not to a duration the player's machine reports.
    "
    CREATE TABLE attempts (
        competition TEXT NOT NULL,
        scenario TEXT NOT NULL,
        player TEXT NOT NULL,
        seed TEXT NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (competition, scenario, player, seed)
    );
    INSERT INTO attempts (competition, scenario, player, seed, result)
        SELECT DISTINCT ON (competition, scenario, player, record::json->>'seed')
            competition, scenario, player, record::json->>'seed', id
        FROM results ORDER BY competition, scenario, player, record::json->>'seed', seq;
    ALTER TABLE best ADD COLUMN reached BIGINT NOT NULL DEFAULT 0;
    ",
    // 3: a player's own results (a certification's verdict) without reading everyone's.
    "
    CREATE INDEX results_player ON results (competition, player, seq);
    ",
];

/// The newest PostgreSQL schema this build knows.
pub const PG_SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;
