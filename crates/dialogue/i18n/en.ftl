# The engine's own words: what `peercall check` (and the game's error screen) says about a
# scenario file. English is the source; a translation has the same message ids (a test checks).
# Arguments ($name) are filled in by the engine: ids, numbers and lists are shown as written.

## Shared labels, drawn under the offending text

label-here = here
label-empty = empty
label-second-definition = second definition
label-second-use = second use
label-unknown-id = unknown id
label-unknown-ending = unknown ending
label-unknown-truth = unknown truth
label-never-set = never set
label-never-said = never said
label-never-reached = never reached
label-unreachable = unreachable
label-no-choices = no choices
label-stuck = stuck in a loop
label-also-a-node = also a node
label-cannot-be-won = cannot be won
label-won-without-method = won without the method
label-hang-up-rule = the hang-up rule is on here

## Reading the file

load-not-found = there is no such file
load-permission-denied = you may not read this file
load-is-a-folder = this is a folder, not a scenario file
load-unreadable = cannot read the file: { $error }
load-unreadable-help = check the path and that you may read it
load-not-utf8 = this file is not UTF-8 text
load-not-utf8-label = the text stops being UTF-8 here
load-not-utf8-help = scenarios are plain text files saved as UTF-8; is this the right file? Re-save it as UTF-8 in your editor.
load-empty = this file is empty
load-empty-help = a scenario starts with `Scenario(`; run `peercall new ID` for a template
load-binary = this looks like a binary file, not a RON scenario
load-binary-label = a NUL byte
load-binary-help = scenarios are plain text files ending in .ron
load-too-deep = brackets are nested more than { $max } deep
load-too-deep-label = this bracket is too deep
load-too-deep-help = a scenario never needs this much nesting; look for a missing closing bracket
load-json = expected `Scenario(`, found what looks like JSON
load-json-help = scenarios are written in RON: `Scenario( id: "...", title: "...", ... )`. See docs/authoring.md
load-wrong-struct = expected `{ $expected }(`, found `{ $found }(`
load-wrong-struct-help = this file must describe a `{ $expected }`
load-unknown-field = unknown field `{ $field }`{ $outer ->
        [Scenario] {" "}in the scenario
        [Node] {" "}in a node
        [Choice] {" "}in a choice
        [Ending] {" "}in an ending
        [Persona] {" "}in the prospect
        [Player] {" "}in the player
        [TrustSettings] {" "}in the trust settings
        [StateLine] {" "}in a state line (`lines_if`)
        [Reaction] {" "}in a reaction (`react_if`)
        [none] {""}
       *[other] {" "}in { $outer }
    }
load-missing-field = missing field `{ $field }`{ $outer ->
        [Scenario] {" "}in the scenario
        [Node] {" "}in a node
        [Choice] {" "}in a choice
        [Ending] {" "}in an ending
        [Persona] {" "}in the prospect
        [Player] {" "}in the player
        [TrustSettings] {" "}in the trust settings
        [StateLine] {" "}in a state line (`lines_if`)
        [Reaction] {" "}in a reaction (`react_if`)
        [none] {""}
       *[other] {" "}in { $outer }
    }
load-missing-field-help = add `{ $field }: ...` here
load-fields = fields here: { $fields }
load-fields-guess = did you mean `{ $guess }`? Fields here: { $fields }
load-unknown-variant = `{ $found }` is not a known { $what ->
        [Signal] signal
        [Effect] effect
        [Condition] condition
        [Outcome] outcome
        [Difficulty] difficulty
        [none] value
       *[other] { $what }
    }
load-variants = known: { $known }
load-variants-guess = did you mean `{ $guess }`? Known: { $known }
load-duplicate-field = field `{ $field }` is written twice
load-duplicate-field-help = keep one of them
load-eof = the file ends in the middle of the scenario
load-eof-help = a closing bracket or quote is probably missing
load-unclosed = this `{ $open }` is never closed
load-unclosed-label = opened here
load-unclosed-help = a `{ $close }` is missing after what it opens; reading stopped at line { $line }, where something else came first
load-quote-in-text = a quote inside the text ends it early
load-quote-in-text-label = the text ended just before this
load-quote-in-text-help = write a quote inside a line as \", like "She said \"yes\"", or use ' instead of "
load-decimal-comma = decimal numbers are written with a point
load-decimal-comma-help = write `{ $number }`, not `{ $written }`: a comma separates fields
load-expected-comma = expected a comma
load-expected-comma-help = separate fields and list items with commas
load-expected-string = expected text in double quotes
load-expected-string-help = write text like "this"; a quote inside text is written \"
load-expected-integer = expected a whole number
load-expected-integer-help = trust values are whole numbers like 5 or -8
load-trailing = there is text after the end of the scenario
load-trailing-help = everything belongs inside `Scenario( ... )`; look for an extra closing bracket
load-invalid-value = expected { $expected }, found { $found }

## Checks: the scenario's facts

check-empty-field = `{ $field }` is empty
check-no-prospect-name = the prospect has no name
check-bad-days-needed = `days_needed` must be zero or more person-days
check-bad-patience = `patience` must be a positive number of seconds
check-bad-patience-help = leave it out to turn patience off
check-trust-range-empty = the trust range { $min }..{ $max } is empty
check-trust-start-outside = trust starts at { $start }, outside the range { $min }..{ $max }
check-hang-up-outside = `hang_up_below` { $value } is outside the range { $min }..{ $max }
check-trust-start-below-hang-up = trust starts at { $start }, already below `hang_up_below` { $value }
check-no-hang-up-ending = no ending `{ $id }` for the prospect hanging up
check-no-hang-up-ending-help = add an ending `"{ $id }": (outcome: Lost, lesson: "...")`, name another with `hang_up: "..."`, or turn the rule off with `hang_up_below: 0`
check-hang-up-not-lost = the hang-up ending `{ $id }` is not a `Lost` outcome

## Checks: ids

check-duplicate-node = node `{ $id }` is defined twice
check-duplicate-ending = ending `{ $id }` is defined twice
check-duplicate-id-help = ids must be unique; rename one of them
check-node-and-ending = `{ $id }` is both a node and an ending
check-node-and-ending-help = a `next` could not tell them apart; rename one
check-bad-choice-id = the choice id `{ $id }` cannot name a line
check-bad-choice-id-help = use up to 80 letters, digits, dashes and dots
check-duplicate-choice-id = the choice id `{ $id }` is used twice (first in node `{ $first }`)
check-duplicate-choice-id-help = a translation could not tell the lines apart; rename one
check-no-nodes = the scenario has no nodes
check-no-endings = the scenario has no endings
check-never-offered = this choice can never be offered: { $why } cannot hold together
check-reaction-never-applies = a reaction of this choice never applies: { $why } cannot hold together
check-line-never-said = a state line at `{ $node }` is never said: { $why } cannot hold together
check-never-holds-label = never
check-never-offered-help = a choice is offered when every condition in its `requires` holds; drop one of these, or split the choice in two
check-never-holds-help = every condition in a `when` list must hold at once (`{ $what }` entry { $n }); drop one of these, or write two entries
check-by-truth-not-ending = `{ $id }` in `by_truth` is not an ending: a truth can only send the call on to another ending
check-by-truth-chain = `{ $id }` in `by_truth` sends the call on again
check-by-truth-chain-help = send each truth straight to its final ending
check-did-you-mean = did you mean `{ $id }`?
check-start-is-ending = start `{ $id }` is an ending; the call must start at a node
check-start-not-a-node = start `{ $id }` is not a node

## Checks: nodes, choices and endings

check-node-silent = node `{ $node }` gives the prospect nothing to say
check-node-silent-help = write at least one line in `prospect: ["..."]`
check-state-line-empty = state line { $number } of node `{ $node }` has no variants
check-empty-prospect-line = node `{ $node }` has an empty prospect line
check-no-choices = node `{ $node }` has no choices: the call cannot go on from here
check-no-choices-help = add choices, or point the lines that lead here at an ending
check-maybe-stuck = every choice at node `{ $node }` has conditions: if none holds, the player is stuck
check-maybe-stuck-help = give at least one choice no `requires`
check-choice-silent = choice { $number } of node `{ $node }` says nothing
check-trust-change = a trust change of { $change } is larger than the whole meter ({ $min }..{ $max })
check-unknown-next = `{ $id }` is neither a node nor an ending
check-commit-days = `Commit` needs a positive number of person-days, not { $days }
check-commit-what = `Commit` does not say what the time is for
check-trust-condition = trust condition { $value } is outside the range { $min }..{ $max }
check-no-lesson = ending `{ $id }` has no lesson
check-no-lesson-help = say in a sentence what the player should take away
check-unset-flag = condition on flag `{ $flag }`, which nothing sets
check-unset-flag-guess = did you mean `{ $flag }`? Flags are set with `Set("...")` effects
check-unset-flag-help = set it with an effect `Set("...")` on some choice

## Checks: truths

check-too-many-truths = { $count } truths; a scenario may declare at most { $max }
check-truth-days = truth `{ $truth }` needs { $days } person-days; give a number of days, 0 or more
check-truth-fits-unknown = truth `{ $truth }` fits `{ $ending }`, which is not an ending
check-endings-are = the endings are: { $list }
check-unheard-truth = no prospect line of its own tells truth `{ $truth }`: a player cannot hear which situation the call is in
check-unheard-truth-help = give a business question's answer a line for it, different from what the other situations hear: `lines_if: [(when: [Truth("{ $truth }")], prospect: ["..."])]` (a line every situation shares tells nothing)
check-unknown-truth = condition on truth `{ $truth }`, which is not declared
check-declare-truths = declare the situations behind the request in `truths: {"{"} ... {"}"}`
check-truths-are = the truths are: { $list }
check-too-many-flags = { $count } distinct flags; a scenario may use at most { $max }
check-no-peer-win = in truth `{ $truth }`, no path of peer signals ends at an ending that fits it
check-no-peer-win-help = let the peer path reach one of its `fits` endings, or fit it to the ending peer play reaches
check-advocate-wins = in truth `{ $truth }`, a path of only customer-advocate signals ends at an ending that fits it
check-advocate-wins-help = customer-advocate play should end wasted or lost in every truth: `peercall analyze` shows the path

## Checks: the graph

check-unreachable-node = node `{ $node }` cannot be reached from the start
check-unreachable-node-help = point a choice's `next` at it, or remove it
check-no-ending = no ending can be reached from node `{ $node }`
check-only-hang-up = only the prospect hanging up can end the call from here
check-loops-forever = the call would loop for ever: add a choice that leads to an ending
check-unreachable-ending = no path reaches ending `{ $id }`
check-no-peer-contract = no path sets up a peer contract
check-no-peer-contract-help = give the player a chance to propose one: a choice with `effects: [PeerContract]`
check-no-commitment = no path commits resources
check-no-commitment-help = the player should be tempted to commit: a choice with `effects: [Commit(days: 10, what: "...")]`

## Summaries

findings-one-more = ... and 1 more finding (`peercall check { $file }` lists them all)
findings-more = ... and { $count } more findings (`peercall check { $file }` lists them all)

## The analysis (`peercall analyze`)

analyze-head = { $scenario }: { $states } distinct states{ $exhaustive ->
        [yes] , every path explored
       *[no] {" "}(too large: sampled only)
    }{ $cycles ->
        [yes] ; some states repeat, so path counts are lower bounds
       *[no] {""}
    }
analyze-picks-note = Paths are the lines' places in the file (`peercall run --picks ... --truth ...`).
analyze-endings = Endings:
analyze-ending-row = { $count } { $paths ->
        [one] path{" "}
       *[other] paths
    }  score { $score }  trust { $trust }  best: { $best }
analyze-unreachable = unreachable
analyze-highest = Highest-scoring path: { $choices } -> { $ending } ({ $outcome }, score { $score })
analyze-lowest = Lowest-scoring path:  { $choices } -> { $ending } ({ $outcome }, score { $score })
analyze-dead-end-count = Dead ends: { $count }
analyze-random = { $runs } random players (seed { $seed }): score mean { $mean }, range { $min }-{ $max }
analyze-never-ended = (never ended)
analyze-truth = Truth `{ $id }` ({ $title }):
analyze-truth-row = { $count } { $paths ->
        [one] path{" "}
       *[other] paths
    }  score { $score }
analyze-truth-best = best: { $choices } -> { $ending } (score { $score })
analyze-habits = Scripted habits, { $calls } calls each (won: qualified at an ending that fits the truth; mean score{ $per_truth ->
        [yes] ; won in each truth
       *[no] {""}
    }):
analyze-habit-row = won { $won }%  score { $score }
analyze-no-warnings = No warnings.
analyze-warning = warning: { $warning }
analyze-outcome = { $outcome ->
        [QualifiedIn] qualified in
        [QualifiedOut] qualified out
        [Wasted] resources wasted
       *[Lost] prospect lost
    }
analyze-habit = { $habit ->
        [Advocate] customer advocate
        [PeerSounding] peer-sounding lines, not listening
        [Meter] what raised the meter most before
        [First] always the first line
        [Last] always the last line
        [Longest] always the longest line
        [Random] a random line
        [SameKeys] the keys that won the first call
        [SameLines] the lines that won the first call
       *[Listener] listens, then decides on what was heard
    }
analyze-in-truth = in truth `{ $truth }`: { $warning }
analyze-dead-ends = { $count ->
        [one] 1 state offers
       *[other] { $count } states offer
    } no choice: the call gets stuck (see `requires`)
analyze-too-large = the scenario has more than { $limit } distinct states: too large to enumerate every path, so only random players were sampled
analyze-unreached-no-line = ending `{ $id }` is never reached by any path: no line's `next` or reaction leads to it
analyze-unreached-node = ending `{ $id }` is never reached by any path: only choice { $choice } at `{ $node }` leads to it, and the call never reaches `{ $node }`
analyze-unreached-not-offered = ending `{ $id }` is never reached by any path: choice { $choice } at `{ $node }` leads to it, but is never offered when the call is there (it requires { $when })
analyze-unreached-reaction = ending `{ $id }` is never reached by any path: choice { $choice } at `{ $node }` leads to it only when { $when } hold, which never happens when the call is there
analyze-unreached-overridden = ending `{ $id }` is never reached by any path: choice { $choice } at `{ $node }` leads to it, but a reaction sends the call elsewhere every time it is said
analyze-never-reached = ending `{ $id }` is never reached by any path
analyze-unfinished = { $count ->
        [one] 1 random player was
       *[other] { $count } random players were
    } still on the call after { $lines } lines: a loop never ends
analyze-blind-meter = wrong lesson: at `{ $node }`, choice { $choice } ("{ $say }") decides the call differently in each truth but moves trust by { $trust } in every one: the meter rewards it whether or not it fits what the prospect said; give it a `react_if` on `Truth(...)` so that the prospect reacts to the situation
analyze-tell = wrong lesson: at `{ $node }`, choice { $choice } ("{ $say }") is offered in some truths and not others before the prospect has said which: the choices on screen give the situation away; offer it only after a line that tells the truth, or in every truth
analyze-told-late = wrong lesson: the call reaches the decision at `{ $node }` before the prospect has said what is going on (said only there, or not at all): tell the truth at least one turn before, so that the player hears it and then decides
analyze-deaf-win = wrong lesson: the same answers win in every truth, whatever the prospect says (choices { $choices } in file order): the call can be won without listening; make the right decision depend on what was heard
analyze-advocate-qualified = wrong lesson: a path of only customer-advocate signals ends qualified (choices { $choices } -> { $ending })
analyze-advocate-scores = wrong lesson: a path of only customer-advocate signals scores { $points } (choices { $choices } -> { $ending })
analyze-advocate-above-peer = wrong lesson: a customer-advocate path scores { $points }, above the best peer path ({ $peer }) (choices { $choices } -> { $ending })
analyze-peer-wasted = wrong lesson: a path of only peer signals ends with resources wasted (choices { $choices } -> { $ending })
analyze-cue-longest = surface cue: the longest line is a peer line in { $share }% of decisions that mix customer-advocate and peer lines; a player can win by length without reading (vary the wordings' lengths with `also`; most at { $nodes })
analyze-cue-position = surface cue: the line shown at number { $number } is a peer line in { $share }% of decisions that mix customer-advocate and peer lines; shuffle the choices (`shuffle: true`) or reorder them

## Test playthroughs (`peercall test`)

test-no-truth = the scenario declares no truth `{ $id }`
test-choices-or-picks = give the answers as either `choices` (numbers shown) or `picks` (places in the file)
test-not-offered = turn { $turn } (at `{ $at }`): choice { $number } is not offered (choose 1 to { $offered })
test-over = turn { $turn } (at `{ $at }`): the call has already ended

## A call refusing a move

call-not-offered = turn { $turn }: choice { $number } is not offered (choose 1 to { $offered })
call-over = the call has already ended
call-wrong-scenario = this call was saved from scenario { $saved }, not from { $given } (or the scenario changed since)
test-went-elsewhere = turn { $turn }: choice { $choice } at `{ $at }` went to `{ $now }`, expected `{ $expected }`
test-ended-early = turn { $turn }: the call ended at `{ $now }` with { $left ->
        [one] 1 choice
       *[other] { $left } choices
    } left to play
test-wrong-ending = ended at `{ $got }`, expected `{ $want }`
test-not-over = the call is not over after { $count ->
        [one] 1 choice
       *[other] { $count } choices
    } (at `{ $at }`), expected ending `{ $want }`
test-wrong-outcome = outcome { $got ->
        [QualifiedIn] qualified in
        [QualifiedOut] qualified out
        [Wasted] resources wasted
        [Lost] prospect lost
       *[none] none (not over)
    }, expected { $want ->
        [QualifiedIn] qualified in
        [QualifiedOut] qualified out
        [Wasted] resources wasted
       *[Lost] prospect lost
    }
test-trust-low = final trust { $trust }, expected at least { $min }
test-trust-high = final trust { $trust }, expected at most { $max }
test-score-low = score { $score }, expected at least { $min }
test-score-high = score { $score }, expected at most { $max }
test-days-high = { $days } person-days committed, expected at most { $max }
test-no-peer-contract = peer contract not set up, expected one
test-unwanted-peer-contract = peer contract set up, expected none
test-flag-unset = flag `{ $flag }` is not set at the end
