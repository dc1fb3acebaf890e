//! `peercall graph`: the dialogue tree as Graphviz DOT or Mermaid.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use peercall_dialogue::scenario::conditions_text;
use peercall_dialogue::{Outcome, Script, Signal, Stance, Target};

/// Arguments of `peercall graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
}

/// Graph output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz (`dot -Tsvg`).
    Dot,
    /// Mermaid, for Markdown viewers.
    Mermaid,
}

/// Runs `peercall graph`.
pub fn run(args: &GraphArgs) -> Result<ExitCode, String> {
    let script = super::load_script(&args.file)?;
    print!(
        "{}",
        match args.format {
            GraphFormat::Dot => dot(&script),
            GraphFormat::Mermaid => mermaid(&script),
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// The colour of a signal's edges in DOT: peer signals green, advocate red, neutral grey.
fn color(signal: Signal) -> &'static str {
    match signal.stance() {
        Stance::Peer => "#2e9e5b",
        Stance::Advocate => "#d1453b",
        Stance::Neutral => "#888888",
    }
}

fn shape(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::QualifiedIn => ("doubleoctagon", "#c8f0d4"),
        Outcome::QualifiedOut => ("octagon", "#dff5e5"),
        Outcome::Wasted => ("invhouse", "#fde2c4"),
        Outcome::Lost => ("Msquare", "#f8d0cc"),
    }
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Shortens a line to `n` characters for a graph label.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}...", s.chars().take(n).collect::<String>().trim_end())
    }
}

fn target_id(script: &Script, t: Target) -> String {
    match t {
        Target::Node(n) => format!("n_{}", sanitize(script.node_id(n))),
        Target::Ending(e) => format!("e_{}", sanitize(script.ending_id(e))),
    }
}

fn sanitize(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// Every choice as an edge: (from node, choice number, the choice, where it leads, where its
/// reactions lead instead).
fn edges(
    script: &Script,
) -> impl Iterator<Item = (u32, usize, &peercall_dialogue::Choice, Target, Vec<Target>)> {
    script
        .scenario()
        .nodes
        .iter()
        .enumerate()
        .flat_map(move |(i, (_, node))| {
            node.choices.iter().enumerate().map(move |(n, c)| {
                let (to, reactions) = script.targets(i as u32, n);
                (
                    i as u32,
                    n + 1,
                    c,
                    to,
                    reactions.into_iter().flatten().collect(),
                )
            })
        })
}

/// Every ending's `by_truth`: (ending, (truth id, the ending it ends at instead)).
fn redirects(script: &Script) -> Vec<(u32, (String, u32))> {
    let truths = &script.scenario().truths;
    (0..script.ending_count() as u32)
        .flat_map(|e| {
            script
                .redirects(e)
                .iter()
                .map(move |&(t, to)| (e, (truths.at(t as usize).0.to_string(), to)))
        })
        .collect()
}

/// The scenario as a Graphviz digraph.
pub fn dot(script: &Script) -> String {
    let sc = script.scenario();
    let mut o = String::new();
    let _ = writeln!(o, "digraph \"{}\" {{", esc(&sc.id));
    let _ = writeln!(
        o,
        "  label=\"{}\"; labelloc=t; rankdir=TB; fontname=\"Helvetica\";",
        esc(&sc.title)
    );
    let _ = writeln!(
        o,
        "  node [fontname=\"Helvetica\", fontsize=10]; edge [fontname=\"Helvetica\", fontsize=9];"
    );
    for (i, (id, node)) in sc.nodes.iter().enumerate() {
        let line = node.prospect.first().map(String::as_str).unwrap_or("");
        let start = if id == sc.start { ", penwidth=3" } else { "" };
        let _ = writeln!(
            o,
            "  {} [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef7\"{start}, label=\"{}\\n{}\"];",
            target_id(script, Target::Node(i as u32)),
            esc(id),
            esc(&short(line, 60))
        );
    }
    for (i, (id, ending)) in sc.endings.iter().enumerate() {
        let (shape, fill) = shape(ending.outcome);
        let _ = writeln!(
            o,
            "  {} [shape={shape}, style=filled, fillcolor=\"{fill}\", label=\"{}\\n({})\"];",
            target_id(script, Target::Ending(i as u32)),
            esc(id),
            ending.outcome.label()
        );
    }
    for (node, n, c, to, reactions) in edges(script) {
        let from = target_id(script, Target::Node(node));
        let _ = writeln!(
            o,
            "  {from} -> {} [color=\"{}\", fontcolor=\"{}\", label=\"{n}. {} ({:+})\\n{}\"];",
            target_id(script, to),
            color(c.signal),
            color(c.signal),
            c.signal.label(),
            c.trust,
            esc(&short(&c.say, 40))
        );
        for (to, r) in reactions
            .iter()
            .zip(c.react_if.iter().filter(|r| r.next.is_some()))
        {
            let _ = writeln!(
                o,
                "  {from} -> {} [style=dashed, color=\"{}\", fontcolor=\"{}\", label=\"{n}. if {} ({:+})\"];",
                target_id(script, *to),
                color(c.signal),
                color(c.signal),
                esc(&conditions_text(&r.when)),
                r.trust.unwrap_or(c.trust)
            );
        }
    }
    for (e, to) in redirects(script) {
        let _ = writeln!(
            o,
            "  {} -> {} [style=dotted, label=\"in truth {}\"];",
            target_id(script, Target::Ending(e)),
            target_id(script, Target::Ending(to.1)),
            esc(&to.0)
        );
    }
    if let Some(h) = script.hang_up_ending() {
        let _ = writeln!(
            o,
            "  hangup_rule [shape=note, label=\"trust below {}\"];\n  hangup_rule -> {} [style=dotted];",
            sc.trust.hang_up_below,
            target_id(script, Target::Ending(h))
        );
    }
    o.push_str("}\n");
    o
}

/// The scenario as a Mermaid flowchart.
pub fn mermaid(script: &Script) -> String {
    let sc = script.scenario();
    let mut o = String::from("flowchart LR\n");
    let m = |s: &str| s.replace('"', "#quot;");
    for (i, (id, node)) in sc.nodes.iter().enumerate() {
        let line = node.prospect.first().map(String::as_str).unwrap_or("");
        let _ = writeln!(
            o,
            "  {}[\"{}<br/>{}\"]",
            target_id(script, Target::Node(i as u32)),
            m(id),
            m(&short(line, 50))
        );
    }
    for (i, (id, ending)) in sc.endings.iter().enumerate() {
        let t = target_id(script, Target::Ending(i as u32));
        let label = format!("{}<br/>({})", m(id), ending.outcome.label());
        let _ = match ending.outcome {
            Outcome::QualifiedIn | Outcome::QualifiedOut => writeln!(o, "  {t}([\"{label}\"])"),
            Outcome::Wasted => writeln!(o, "  {t}[/\"{label}\"\\]"),
            Outcome::Lost => writeln!(o, "  {t}{{{{\"{label}\"}}}}"),
        };
    }
    let mut styles = Vec::new();
    let mut edge = 0;
    for (node, n, c, to, reactions) in edges(script) {
        let from = target_id(script, Target::Node(node));
        let _ = writeln!(
            o,
            "  {from} -->|\"{n}. {} {:+}\"| {}",
            c.signal.label(),
            c.trust,
            target_id(script, to)
        );
        styles.push(format!("  linkStyle {edge} stroke:{}", color(c.signal)));
        edge += 1;
        // Where a reaction sends the call instead: dashed, with the condition.
        for (to, r) in reactions
            .iter()
            .zip(c.react_if.iter().filter(|r| r.next.is_some()))
        {
            let _ = writeln!(
                o,
                "  {from} -.->|\"{n}. if {} {:+}\"| {}",
                m(&conditions_text(&r.when)),
                r.trust.unwrap_or(c.trust),
                target_id(script, *to)
            );
            styles.push(format!("  linkStyle {edge} stroke:{}", color(c.signal)));
            edge += 1;
        }
    }
    for (e, to) in redirects(script) {
        let _ = writeln!(
            o,
            "  {} -.->|\"in truth {}\"| {}",
            target_id(script, Target::Ending(e)),
            m(&to.0),
            target_id(script, Target::Ending(to.1))
        );
    }
    for (i, (_, ending)) in sc.endings.iter().enumerate() {
        let fill = shape(ending.outcome).1;
        let _ = writeln!(
            o,
            "  style {} fill:{fill}",
            target_id(script, Target::Ending(i as u32))
        );
    }
    for s in styles {
        let _ = writeln!(o, "{s}");
    }
    o
}
