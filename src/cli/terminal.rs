//! The terminal player: one call played by typing the numbers of the lines, with the meter
//! after each answer and the debrief at the end (`peercall run` and `peercall drills`).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use peercall_dialogue::{Call, Debrief, Line, Script};

/// Plays `call` in the terminal: the prospect's line, the numbered choices and the meter, until
/// the call ends (then its debrief) or the player quits (`q` or end of input: `None`). With
/// `intro`, the scenario's title, briefing and goal first.
pub fn interactive(
    script: &Script,
    mut call: Call,
    blind: bool,
    intro: bool,
    words: &peercall_core::words::Words,
) -> Result<(ExitCode, Option<Call>), String> {
    let seed = call.seed();
    let sc = script.scenario();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stdout().lock();
    let w = |out: &mut dyn Write, s: &str| -> Result<(), String> {
        out.write_all(s.as_bytes()).map_err(|e| e.to_string())
    };
    if intro {
        w(
            &mut out,
            &format!(
                "\n{} ({})\n\n{}\n\n{}\n",
                sc.title,
                words.difficulty(sc.difficulty),
                wrap(&sc.briefing, 88, ""),
                words.f(
                    "run-intro",
                    &[
                        ("goal", sc.goal.clone().into()),
                        ("seed", seed.to_string().into())
                    ]
                )
            ),
        )?;
    }
    let mut line = String::new();
    while !call.is_over() {
        w(
            &mut out,
            &format!(
                "\n{} ({}, {}):\n{}\n\n",
                sc.prospect.name,
                sc.prospect.role,
                sc.prospect.company,
                wrap(call.prospect_line(script), 86, "  ")
            ),
        )?;
        let offered = call.offered(script);
        for o in &offered {
            w(
                &mut out,
                &format!("{}\n", wrap(&format!("{}. {}", o.number, o.say), 86, "  ")),
            )?;
        }
        if blind {
            w(&mut out, "\n> ")?;
        } else {
            w(&mut out, &format!("\n{}\n> ", meter(&call, words)))?;
        }
        out.flush().map_err(|e| e.to_string())?;
        line.clear();
        if input.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            w(&mut out, &format!("\n{}\n", words.t("run-left")))?;
            return Ok((ExitCode::SUCCESS, None));
        }
        let text = line.trim();
        if text.eq_ignore_ascii_case("q") {
            w(&mut out, &format!("{}\n", words.t("run-left")))?;
            return Ok((ExitCode::SUCCESS, None));
        }
        let number = match text.parse::<usize>() {
            Ok(n) => n,
            Err(_) => {
                w(
                    &mut out,
                    &format!(
                        "{}\n",
                        words.f("run-type-number", &[("count", offered.len().into())])
                    ),
                )?;
                continue;
            }
        };
        match call.choose(script, number) {
            Ok(_) if blind => {}
            Ok(turn) => {
                let t = *turn;
                w(
                    &mut out,
                    &format!(
                        "\n  -> {}\n",
                        words.f(
                            "run-answer",
                            &[
                                ("signal", words.signal(t.signal).into()),
                                (
                                    "delta",
                                    format!("{:+}", t.trust_after - t.trust_before).into()
                                ),
                                ("before", t.trust_before.into()),
                                ("after", t.trust_after.into()),
                            ],
                        )
                    ),
                )?;
            }
            Err(e) => w(&mut out, &format!("{}\n", e.msg().localized(words.lang())))?,
        }
    }
    if let Some(last) = call.transcript(script).last()
        && let Line::Prospect { text } = last
    {
        w(
            &mut out,
            &format!("\n{}:\n{}\n", sc.prospect.name, wrap(text, 86, "  ")),
        )?;
    }
    if !blind && let Some(d) = Debrief::of(&call, script) {
        w(&mut out, &format!("\n{}\n", words.debrief_text(&d)))?;
    }
    Ok((ExitCode::SUCCESS, Some(call)))
}

/// The trust meter and the resources gauge as one line of text.
fn meter(call: &Call, words: &peercall_core::words::Words) -> String {
    let trust = call.trust().clamp(0, 100);
    let filled = (trust / 5) as usize;
    words.f(
        "run-meter",
        &[
            (
                "bar",
                format!("{}{}", "#".repeat(filled), "-".repeat(20 - filled)).into(),
            ),
            ("trust", format!("{trust:>3}").into()),
            ("days", words.days(call.days()).into()),
            ("count", call.days().into()),
        ],
    )
}

/// Greedy word wrap at `width` columns with `indent` before every line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.len() + 1 + word.len() > width {
            lines.push(format!("{indent}{current}"));
            current.clear();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(format!("{indent}{current}"));
    }
    lines.join("\n")
}
