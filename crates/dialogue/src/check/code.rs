//! The checker's diagnostic codes: one variant per kind of finding, each with the stable short
//! name tools, the golden files and the authoring guide use (`unknown-target`).

/// A kind of finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// `advocate-wins`.
    AdvocateWins,
    /// `bad-days`.
    BadDays,
    /// `bad-line-id`.
    BadLineId,
    /// `bad-patience`.
    BadPatience,
    /// `duplicate-id`.
    DuplicateId,
    /// `duplicate-line-id`.
    DuplicateLineId,
    /// `empty-text`.
    EmptyText,
    /// `hang-up-outcome`.
    HangUpOutcome,
    /// `maybe-stuck`.
    MaybeStuck,
    /// `never-holds`.
    NeverHolds,
    /// `no-commitment`.
    NoCommitment,
    /// `no-ending`.
    NoEnding,
    /// `no-endings`.
    NoEndings,
    /// `no-nodes`.
    NoNodes,
    /// `no-peer-contract`.
    NoPeerContract,
    /// `no-peer-win`.
    NoPeerWin,
    /// `no-way-forward`.
    NoWayForward,
    /// `too-many-flags`.
    TooManyFlags,
    /// `too-many-truths`.
    TooManyTruths,
    /// `trust-change`.
    TrustChange,
    /// `trust-condition`.
    TrustCondition,
    /// `trust-range`.
    TrustRange,
    /// `unheard-truth`.
    UnheardTruth,
    /// `unknown-target`.
    UnknownTarget,
    /// `unknown-truth`.
    UnknownTruth,
    /// `unreachable`.
    Unreachable,
    /// `unset-flag`.
    UnsetFlag,
}

impl Code {
    /// The stable short name (`unknown-target`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::AdvocateWins => "advocate-wins",
            Code::BadDays => "bad-days",
            Code::BadLineId => "bad-line-id",
            Code::BadPatience => "bad-patience",
            Code::DuplicateId => "duplicate-id",
            Code::DuplicateLineId => "duplicate-line-id",
            Code::EmptyText => "empty-text",
            Code::HangUpOutcome => "hang-up-outcome",
            Code::MaybeStuck => "maybe-stuck",
            Code::NeverHolds => "never-holds",
            Code::NoCommitment => "no-commitment",
            Code::NoEnding => "no-ending",
            Code::NoEndings => "no-endings",
            Code::NoNodes => "no-nodes",
            Code::NoPeerContract => "no-peer-contract",
            Code::NoPeerWin => "no-peer-win",
            Code::NoWayForward => "no-way-forward",
            Code::TooManyFlags => "too-many-flags",
            Code::TooManyTruths => "too-many-truths",
            Code::TrustChange => "trust-change",
            Code::TrustCondition => "trust-condition",
            Code::TrustRange => "trust-range",
            Code::UnheardTruth => "unheard-truth",
            Code::UnknownTarget => "unknown-target",
            Code::UnknownTruth => "unknown-truth",
            Code::Unreachable => "unreachable",
            Code::UnsetFlag => "unset-flag",
        }
    }

    /// Whether an error of this kind leaves ids that do not resolve, so the graph checks
    /// (which follow every edge) cannot run.
    pub fn breaks_the_graph(self) -> bool {
        matches!(
            self,
            Code::UnknownTarget | Code::DuplicateId | Code::NoNodes | Code::NoEndings
        )
    }
}
