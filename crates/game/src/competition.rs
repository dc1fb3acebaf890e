//! A competition being played, its attempts, and the competition files the game offers.

use std::path::PathBuf;

use bevy::prelude::*;
use peercall_core::library::Library;

use crate::{Language, PlayOptions, Profile, RecordsDb};

/// A competition being played: calls drawn for each player, limited attempts, results recorded
/// under its id.
#[derive(Resource, Debug, Clone)]
pub struct ActiveCompetition {
    /// The competition file.
    pub competition: peercall_core::competition::Competition,
    /// Each scenario's library index and seed.
    pub entries: Vec<peercall_core::competition::Resolved>,
}

impl ActiveCompetition {
    /// The base seed of scenario `id` (each player's calls are drawn from it), if it is part of
    /// the competition.
    pub fn seed_for(&self, id: &str) -> Option<u64> {
        self.entries
            .iter()
            .find(|e| e.scenario == id)
            .map(|e| e.seed)
    }

    /// Whether it is a certification: the call hides its signals and trust until the verdict.
    pub fn is_certification(&self) -> bool {
        self.competition.certification.is_some()
    }
}

/// Whether a certification is being played (a run condition: the meter and the lines' signals
/// stay hidden).
pub fn certifying(competition: Option<Res<ActiveCompetition>>) -> bool {
    competition.is_some_and(|c| c.is_certification())
}

/// Attempts a player has used and has allowed at competition scenario `id`, when a
/// competition is on and the scenario is part of it.
pub fn attempts(world: &World, id: &str) -> Option<Result<(u32, u32), String>> {
    let comp = world.get_resource::<ActiveCompetition>()?;
    comp.seed_for(id)?;
    let profile = world.resource::<Profile>();
    let used = match world.get_resource::<RecordsDb>() {
        Some(db) => db.with("game-what-attempts", |s| {
            s.attempts(&profile.player, &comp.competition.id, id)
        }),
        None => Ok(0),
    };
    let w = world.resource::<Language>().words();
    Some(
        used.map(|u| (u, comp.competition.attempts))
            .map_err(|e| e.said(w)),
    )
}

/// Competition files the game offers: `*.competition.ron` in the `--dialogues` folder, every
/// `.ron` in a `competitions` folder next to the records, and the competitions joined on team
/// hubs (`hub/<id>/` next to the records, with their scenario files).
#[derive(Resource, Debug, Clone, Default)]
pub struct CompetitionFiles(pub Vec<PathBuf>);

/// The whole library while a competition (opened from the game) narrows it.
#[derive(Resource, Debug, Clone)]
pub struct FullLibrary(pub Library);

/// The competition files on offer (see [`CompetitionFiles`]), joined hubs' competitions last.
pub fn competition_files(options: &PlayOptions) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut scan = |dir: &std::path::Path, all: bool| {
        if let Ok(rd) = std::fs::read_dir(dir) {
            let mut v: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let n = p.to_string_lossy();
                    n.ends_with(".competition.ron") || (all && n.ends_with(".ron"))
                })
                .collect();
            v.sort();
            files.extend(v);
        }
    };
    if let Some(d) = options.dialogues.as_deref().filter(|d| d.is_dir()) {
        scan(d, false);
    }
    let db = options
        .db
        .clone()
        .unwrap_or_else(peercall_core::records::default_path);
    if let Some(parent) = db.parent() {
        scan(&parent.join("competitions"), true);
    }
    // Competitions downloaded from team hubs, each in its own folder with its scenarios.
    if let Ok(rd) = std::fs::read_dir(peercall_core::hub_client::hub_folder(&db)) {
        let mut dirs: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for d in dirs {
            scan(&d, false);
        }
    }
    files
}
