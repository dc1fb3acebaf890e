//! The analysis as text for people, in their language.

use super::*;

impl Analysis {
    /// The analysis as text for the terminal, in English.
    pub fn to_text(&self) -> String {
        self.to_text_in("en")
    }

    /// The analysis as text for the terminal, in `lang` (its words from the engine's message
    /// files; ids, numbers and paths as they are).
    pub fn to_text_in(&self, lang: &str) -> String {
        use std::fmt::Write;
        let t = |m: Msg| m.localized(lang);
        let yes = |b: bool| if b { "yes" } else { "no" };
        let outcome = |o: Outcome| t(msg!("analyze-outcome", outcome = format!("{o:?}")));
        // The outcome column is as wide as this language's longest outcome.
        let ow = Outcome::ALL
            .map(|o| outcome(o).chars().count())
            .into_iter()
            .max()
            .unwrap_or(0)
            .max(16);
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{}",
            t(msg!(
                "analyze-head",
                scenario = self.scenario,
                exhaustive = yes(self.exhaustive),
                cycles = yes(self.cycles)
            )
            .number("states", self.states as i64))
        );
        if self
            .best
            .as_ref()
            .is_some_and(|b| b.choices == b.picks && b.truth.is_some())
        {
            let _ = writeln!(o, "{}", t(msg!("analyze-picks-note")));
        }
        if self.exhaustive {
            let _ = writeln!(o, "\n{}", t(msg!("analyze-endings")));
            for e in &self.endings {
                let row = match (&e.best, e.score, e.trust) {
                    (Some(best), Some((smin, smax)), Some((tmin, tmax))) => t(msg!(
                        "analyze-ending-row",
                        count = format!("{:>6}", e.paths),
                        score = format!("{smin}-{smax}"),
                        trust = format!("{tmin}-{tmax}"),
                        best = join(&best.choices)
                    )
                    .number("paths", e.paths as i64)),
                    _ => t(msg!("analyze-unreachable")),
                };
                let _ = writeln!(o, "  {:<20} {:<ow$} {row}", e.id, outcome(e.outcome));
            }
            for (m, path, gap) in [
                (msg!("analyze-highest"), &self.best, "\n"),
                (msg!("analyze-lowest"), &self.worst, ""),
            ] {
                if let Some(p) = path {
                    let mut m = m;
                    m.args = vec![
                        ("choices", join(&p.choices)),
                        ("ending", p.ending.clone()),
                        ("outcome", outcome(p.outcome)),
                        ("score", p.score.to_string()),
                    ];
                    let _ = writeln!(o, "{gap}{}", t(m));
                }
            }
            let _ = writeln!(
                o,
                "{}",
                t(msg!("analyze-dead-end-count", count = self.dead_ends))
            );
        }
        if let Some(r) = &self.random {
            let _ = writeln!(
                o,
                "\n{}",
                t(msg!(
                    "analyze-random",
                    seed = r.seed,
                    mean = decimal(r.score_mean, lang),
                    min = r.score_min,
                    max = r.score_max
                )
                .number("runs", r.runs as i64))
            );
            for (id, n) in &r.endings {
                let pct = 100.0 * *n as f64 / r.runs.max(1) as f64;
                let _ = writeln!(
                    o,
                    "  {id:<20} {n:>8}  {:>5}%  {}",
                    decimal(pct, lang),
                    "#".repeat((pct / 2.5).round() as usize)
                );
            }
            if r.unfinished > 0 {
                let _ = writeln!(
                    o,
                    "  {:<20} {:>8}",
                    t(msg!("analyze-never-ended")),
                    r.unfinished
                );
            }
        }
        for tr in &self.truths {
            let _ = writeln!(
                o,
                "\n{}",
                t(msg!("analyze-truth", id = tr.id, title = tr.title))
            );
            for e in &tr.endings {
                let row = t(msg!(
                    "analyze-truth-row",
                    count = format!("{:>6}", e.paths),
                    score = e.score.map_or("-".into(), |(a, b)| format!("{a}-{b}"))
                )
                .number("paths", e.paths as i64));
                let _ = writeln!(o, "  {:<20} {:<ow$} {row}", e.id, outcome(e.outcome));
            }
            if let Some(b) = &tr.best {
                let _ = writeln!(
                    o,
                    "  {}",
                    t(msg!(
                        "analyze-truth-best",
                        choices = join(&b.choices),
                        ending = b.ending,
                        score = b.score
                    ))
                );
            }
        }
        if let Some(first) = self.habits.first() {
            let per_truth = first.truths.len() > 1;
            let _ = writeln!(
                o,
                "\n{}",
                t(msg!("analyze-habits", per_truth = yes(per_truth))
                    .number("calls", first.calls as i64))
            );
            let label = |h: &crate::strategies::HabitReport| {
                t(msg!("analyze-habit", habit = format!("{:?}", h.habit)))
            };
            // The habit column is as wide as this language's longest habit.
            let hw = self
                .habits
                .iter()
                .map(|h| label(h).chars().count())
                .max()
                .unwrap_or(0)
                .max(42);
            for h in &self.habits {
                let label = label(h);
                let mut line = format!(
                    "  {label:<hw$} {}",
                    t(msg!(
                        "analyze-habit-row",
                        won = format!("{:>5}", decimal(h.won_pct(), lang)),
                        score = format!("{:>5}", decimal(h.score_mean, lang))
                    ))
                );
                if per_truth {
                    let parts: Vec<String> = h
                        .truths
                        .iter()
                        .map(|(id, n, w)| {
                            format!("{id} {:.0}%", 100.0 * *w as f64 / (*n).max(1) as f64)
                        })
                        .collect();
                    line.push_str(&format!("  ({})", parts.join(", ")));
                }
                let _ = writeln!(o, "{line}");
            }
        }
        if self.warnings.is_empty() {
            let _ = writeln!(o, "\n{}", t(msg!("analyze-no-warnings")));
        } else {
            let _ = writeln!(o);
            for w in &self.warnings {
                let _ = writeln!(
                    o,
                    "{}",
                    t(msg!("analyze-warning", warning = w.said_in(lang)))
                );
            }
        }
        o
    }
}

/// `x` with one decimal, as `lang` writes it (`2.5`, or `2,5` where a comma is the decimal mark).
fn decimal(x: f64, lang: &str) -> String {
    let s = format!("{x:.1}");
    if crate::messages::DECIMAL_COMMA.contains(&lang) {
        s.replace('.', ",")
    } else {
        s
    }
}
