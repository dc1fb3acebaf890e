//! The signal taxonomy: what each player's line sends, and whether it builds a peer relationship.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Whether a signal builds a business-peer relationship or feeds the customer-as-master habit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    /// Honest self-interest: the signals the method teaches.
    Peer,
    /// Customer-as-master: the signals the method trains out.
    Advocate,
    /// Neither.
    Neutral,
}

/// The signal a player's line sends: one taxonomy for every scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Signal {
    /// Proposes a short, agreed big-picture conversation before deciding anything.
    PeerContract,
    /// Says openly what the player's company needs to know or protect.
    HonestSelfInterest,
    /// Asks about the business reason behind the request.
    BusinessQuestion,
    /// Asks only about the request itself (sizes, dates, specs).
    RequestQuestion,
    /// Thanks the prospect for their time, defers to them.
    Gratitude,
    /// Asks permission to ask questions.
    AskPermission,
    /// Takes the request as given without asking why.
    FaceValue,
    /// Commits the company's time before the opportunity is qualified.
    CommitResources,
    /// Frames the next step as worth something to both sides.
    MutualValue,
    /// Small talk or logistics that move nothing.
    Neutral,
}

impl Signal {
    /// Every signal, in the order the guide lists them.
    pub const ALL: [Signal; 10] = [
        Signal::PeerContract,
        Signal::HonestSelfInterest,
        Signal::BusinessQuestion,
        Signal::MutualValue,
        Signal::RequestQuestion,
        Signal::Gratitude,
        Signal::AskPermission,
        Signal::FaceValue,
        Signal::CommitResources,
        Signal::Neutral,
    ];

    /// Short name for the debrief ("peer contract").
    pub fn label(self) -> &'static str {
        match self {
            Signal::PeerContract => "peer contract",
            Signal::HonestSelfInterest => "honest self-interest",
            Signal::BusinessQuestion => "business-issue question",
            Signal::RequestQuestion => "request-only question",
            Signal::Gratitude => "gratitude / deference",
            Signal::AskPermission => "asking permission",
            Signal::FaceValue => "accepting at face value",
            Signal::CommitResources => "committing resources",
            Signal::MutualValue => "mutual value",
            Signal::Neutral => "neutral",
        }
    }

    /// What the signal tells the prospect, in plain words, for the debrief.
    pub fn explanation(self) -> &'static str {
        match self {
            Signal::PeerContract => {
                "You proposed a short, agreed conversation about the big picture before anyone \
                 commits to anything. The prospect hears a business peer, not someone waiting for orders."
            }
            Signal::HonestSelfInterest => {
                "You said plainly what your company needs before it invests time. Prospects trust \
                 people who are open about their own interest."
            }
            Signal::BusinessQuestion => {
                "You asked about the business reason behind the request. That is where you learn \
                 whether the opportunity is real."
            }
            Signal::RequestQuestion => {
                "You asked only about the request itself. The prospect reads it as you getting \
                 ready to do what was asked, not as qualifying."
            }
            Signal::Gratitude => {
                "You thanked or deferred to the prospect as if the meeting were a favour to you. \
                 It quietly tells them the customer is master."
            }
            Signal::AskPermission => {
                "You asked permission to ask questions. It signals a servant waiting for \
                 instructions, and leaves the prospect in charge of the call."
            }
            Signal::FaceValue => {
                "You took the request at face value. The prospect now assumes you will do what \
                 they asked, whatever it costs you."
            }
            Signal::CommitResources => {
                "You committed your company's time before you knew whether the opportunity was \
                 real."
            }
            Signal::MutualValue => {
                "You framed the next step as valuable to both sides: nobody is doing anyone a \
                 favour."
            }
            Signal::Neutral => "A neutral line: it neither builds nor costs trust by itself.",
        }
    }

    /// Which side of the method the signal is on.
    pub fn stance(self) -> Stance {
        match self {
            Signal::PeerContract
            | Signal::HonestSelfInterest
            | Signal::BusinessQuestion
            | Signal::MutualValue => Stance::Peer,
            Signal::RequestQuestion
            | Signal::Gratitude
            | Signal::AskPermission
            | Signal::FaceValue
            | Signal::CommitResources => Stance::Advocate,
            Signal::Neutral => Stance::Neutral,
        }
    }
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
