# peercall's interface in English, the source language. Each language has a file beside this one
# with the same messages (`de.ftl`); `cargo test -p peercall-core` checks none is missing.

## The engine's words: signals, outcomes, score bands, difficulties.

signal-peer-contract = peer contract
signal-peer-contract-why = You proposed a short, agreed conversation about the big picture before anyone commits to anything. The prospect hears a business peer, not someone waiting for orders.
signal-honest-self-interest = honest self-interest
signal-honest-self-interest-why = You said plainly what your company needs before it invests time. Prospects trust people who are open about their own interest.
signal-business-question = business-issue question
signal-business-question-why = You asked about the business reason behind the request. That is where you learn whether the opportunity is real.
signal-request-question = request-only question
signal-request-question-why = You asked only about the request itself. The prospect reads it as you getting ready to do what was asked, not as qualifying.
signal-gratitude = gratitude / deference
signal-gratitude-why = You thanked or deferred to the prospect as if the meeting were a favour to you. It quietly tells them the customer is master.
signal-ask-permission = asking permission
signal-ask-permission-why = You asked permission to ask questions. It signals a servant waiting for instructions, and leaves the prospect in charge of the call.
signal-face-value = accepting at face value
signal-face-value-why = You took the request at face value. The prospect now assumes you will do what they asked, whatever it costs you.
signal-commit-resources = committing resources
signal-commit-resources-why = You committed your company's time before you knew whether the opportunity was real.
signal-mutual-value = mutual value
signal-mutual-value-why = You framed the next step as valuable to both sides: nobody is doing anyone a favour.
signal-neutral = neutral
signal-neutral-why = A neutral line: it neither builds nor costs trust by itself.
outcome-qualified-in = qualified in
outcome-qualified-out = qualified out
outcome-wasted = resources wasted
outcome-lost = prospect lost
tier-business-peer = Business peer
tier-trusted-resource = Trusted resource
tier-getting-there = Getting there
tier-customer-advocate = Customer advocate
tier-order-taker = Order taker
difficulty-beginner = Beginner
difficulty-intermediate = Intermediate
difficulty-advanced = Advanced

## Shared by several screens.

leaderboard = Leaderboard
quit = Quit
back-esc = Back (Esc)
text-size = Text size: { $percent }%
high-contrast-on = High contrast: on
high-contrast-off = High contrast: off

## The title screen.

title-promise = Qualify the call before you commit your company's time.
title-how = Every line you say moves the prospect's trust. Set up a peer contract, ask about the business, then decide.
title-drills-due = { $count ->
    [one] 1 decision to practise today
   *[other] { $count } decisions to practise today
  }
title-drills-practise = Practise
title-drills-next = Your next drill of a missed decision is due { $days ->
    [one] tomorrow
   *[other] in { $days } days
  }.
title-habits = Your habits
habits-title = The habit to fix
game-what-habits = your habits
inspector-title = Inspector (F2 hides it; S saves this run as a playthrough)
inspector-where = Node `{ $node }` · truth: { $truth }
inspector-state = Trust { $trust } · peer contract: { $peer } · committed: { $days } { $count ->
    [one] person-day
   *[other] person-days
  }
inspector-flags = Flags: { $flags }
inspector-none = none
inspector-yes = yes
inspector-no = no
inspector-hidden = Hidden here:
inspector-hidden-line = { $n }. "{ $say }" needs { $when }
inspector-nothing-hidden = Every line of this node is on offer.
inspector-path = Path so far, as picks: { $picks }
inspector-play-from = Play again from answer:
inspector-save = Save this run as a playthrough (S)
inspector-saved = Saved to { $file }
inspector-save-failed = Not saved: { $why }
title-play = Play
title-scenarios = Scenarios ({ $count })
title-language = Language: { $name }
title-playing-as = Playing as { $name }
title-playing-as-team = Playing as { $name } ({ $team })
title-leave = Leave { $name }
title-competitions = Competitions ({ $count })
title-team-hub = Team hub: { $name }
title-join-hub = Join a team hub
title-not-recorded = Your calls are not being recorded: { $why }
title-keys = Arrows or Tab to move, Enter to choose, Esc to go back
person-at = { $name }, { $role } at { $company }
role-company = { $role }, { $company }

## The call on hold.

pause-title = Call on hold
pause-waiting = The prospect is waiting. Escape resumes.
pause-resume = Resume
pause-back = Back to scenarios

## The scenario list.

pick-title = Choose a call
pick-how = Each call is a prospect who wants something from you. Press its number, or use the arrows and Enter.
pick-progress = Onboarding path, easiest first: { $done } of { $total ->
    [one] 1 call
   *[other] { $total } calls
  } played by { $name }
pick-progress-competition = { $competition }: { $done } of { $total ->
    [one] 1 call
   *[other] { $total } calls
  } played by { $name }
pick-best = played, best { $score }
pick-newer-broken = { $file }: the saved version has errors; playing the previous one
pick-translation-broken = The translation cannot be read, so the call is shown as written: { $why }
pick-translation-broken-previous = The translation saved last cannot be read, so the one before it is played: { $why }
pick-broken = { $file }: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  } - cannot be played

## The briefing.

briefing-title = Briefing
briefing-you-plain = You are the salesperson.
briefing-you = You are { $name }, { $role } at { $company }.
briefing-sells = Your company sells { $sells }.
briefing-default-goal = Find out whether the opportunity is real before you commit your company's time.
briefing-goal = Your goal
briefing-meter = Watch the trust meter: every line you choose sends a signal, and the prospect reacts to it.
briefing-attempt = { $competition }: attempt { $attempt } of { $allowed }, a call drawn for you alone
briefing-take = Take the call (Enter)

## The call.

call-person-days = { $days } { $count ->
    [one] person-day
   *[other] person-days
  }
call-mood = Mood: { $mood }
mood-warm = warm, talking openly
mood-open = open
mood-guarded = guarded
mood-impatient = impatient
mood-hanging-up = about to hang up
call-clock = { $minutes ->
    [0] On the call: under a minute
    [one] On the call: 1 minute
   *[other] On the call: { $minutes } minutes
  }
call-trust = Trust
call-certification-hidden = Certification: trust and signals are shown with the verdict
call-hang-up-below = Below { $trust } the prospect ends the call.
call-resources = Resources committed
call-keys = Answer with 1-9, a click, or the arrows and Enter. Esc puts the call on hold.
call-hung-up = { $name } hung up.
call-over = The call is over.
call-you = You
call-signal-trust = { $signal }  |  trust { $delta }
call-see-debrief = See your debrief (Enter)
call-answer-refused = That answer could not be taken: { $why }.
call-gone = That scenario is no longer on offer.
call-attempt-uncounted = Cannot count this attempt: { $why }
call-no-attempts = No attempts left: you have used { $used } of { $allowed }.
call-attempt-not-started = Cannot count this attempt, so it cannot start: { $why }

## The debrief.

back-to-scenarios = Back to scenarios
error-back-to-call-esc = Back to the call (Esc)
back-to-scenarios-esc = Back to scenarios (Esc)
debrief-not-recorded = This call was not recorded: { $why }
drills-debrief-heading = Drill  -  { $title }
drills-briefing = Drill { $n } of { $of }: a decision you missed
drills-last-time = Last time you said
drills-how-spaced = A passed drill comes back later, further apart: after 3 days, then 7, then 21. A miss starts it over the next day.
drills-passed-game = Passed: it comes back later, further apart.
drills-next-drill = Next drill ({ $n } of { $of })
drills-done = Done (Esc)
debrief-heading = Debrief  -  { $title }  -  call #{ $seed }
debrief-outcome = Outcome: { $outcome }
debrief-trust = Final trust: { $trust }
debrief-days = Person-days committed: { $days } (the call needed { $needed })
debrief-lesson = The lesson
debrief-truth = What was really going on: { $truth }
debrief-misfit = This ending does not fit what was going on, so it scores as time wasted.
debrief-told = The line that told it, before answer { $turn }: "{ $line }"
debrief-never-told = The prospect never said it: the call ended before the questions that bring it out.
debrief-said = { $turn }. You: "{ $said }"
debrief-replay = Replay from turn { $turn }
debrief-signal = Signal: { $signal }   trust { $delta } (from { $before } to { $after })
debrief-better = Better: { $signal } ({ $delta } trust)
debrief-retry = Retry this call (R)
debrief-ask-again = Onboarding path complete: answer the question again
debrief-save-certificate = Save the certificate (PDF)
debrief-certificate-saved = Certificate saved: { $place }
debrief-certificate-not-saved = The certificate was not saved: { $why }

## A broken scenario file.

error-previous-plays = (The previous version of this scenario is still playable.)
error-none = This scenario has no errors.
error-saved-broken = { $file } was saved with errors
error-unplayable = { $file } cannot be played
error-found = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  } found. Fix the file and check it with `peercall check { $file }`; the other scenarios are still playable.

## Competitions.

competitions-title = Competitions
competitions-fair = Everyone plays the same scenarios, each in calls of their own that meet every situation in turn; your best result per call counts.
competitions-none = No competitions here. Put competition files in a `competitions` folder next to your records, or join a team hub.
competitions-entry = { $n }. { $name }: { $calls ->
    [one] 1 call
   *[other] { $calls } calls
  }, { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
  } each

## The leaderboard.

board-hub-loading = Reading the board from the team hub at { $server } ...
board-hub-live = Live from the team hub at { $server }: every player's calls.
board-hub-away = The team hub cannot be read now ({ $why }); this is the board on this machine. Your results wait and go when it is back.
board-title-competition = Leaderboard: { $name }
board-teams-how = Teams: the mean of their players' totals, so team size does not count. Ties go to the team that reached its score first.
board-players-how = Each player's best result per call, added up. Ties go to whoever reached the score first.
board-unreadable = The leaderboard cannot be shown: { $why }
board-empty = No results yet: play a call and come back.
board-calls = { $calls ->
    [one] 1 call
   *[other] { $calls } calls
  }
board-show-players = Show players
board-show-teams = Show teams
board-show-names = Show names
board-hide-names = Hide names

## Who is playing, and the self-diagnostic question.

profile-title = Who is playing?
profile-how = Your name and team go on your results and the leaderboard. Just type: Tab switches fields, Enter saves.
profile-name = Your name
profile-team = Team (optional)
profile-save = Save (Enter)
diagnostic-question = When you decide how much of your company's time (your own included) to give a sales opportunity, which is closest to how you think?
diagnostic-answer-1 = I want to look responsive, so I lean toward giving the prospect what they ask for.
diagnostic-answer-2 = I guard my time and my company's, and I want prospects to see that I do.
diagnostic-answer-3 = Neither of these describes how I decide.
diagnostic-compare = Before and after
diagnostic-before = Before the onboarding path
diagnostic-after = After it
diagnostic-first = First attempts: average score { $score }
diagnostic-best = Best attempts: average score { $score }
diagnostic-method = Most salespeople start by leaning toward the prospect's request. The method asks you to treat your time as worth protecting, and to say so as a peer.
diagnostic-back = Back to the title (Esc)
diagnostic-start = Before you start
diagnostic-finished = You finished the onboarding path
diagnostic-no-right-answer = There is no right answer here: it is for you to compare with your answer at the end of the onboarding path.

## Joining a team hub.

join-title = Team hub
join-how = Your trainer gives you the hub's address and your team's join code. Each call you finish in the competition goes to the hub's board; when the hub cannot be reached, results wait here and go later.
join-joined = You joined { $competition } on { $server }. { $waiting ->
    [0] Every result has been sent.
    [one] 1 result waits to be sent.
   *[other] { $waiting } results wait to be sent.
  }
join-refused = { $count } refused by the hub: { $why }
join-no-records = Your records cannot be opened, so nothing could be sent: see the title screen.
join-address = Hub address
join-code = Join code
join-keys = Tab switches fields; Enter joins.
join-button = Join (Enter)
join-need-code = Type your team's join code.
join-cannot = Your records cannot be opened, so you cannot join.
join-joining = Joining { $server } ...
join-failed = Not joined: { $why }

## The game's own messages (errors shown on screen).

game-cannot-use = cannot use { $what }: { $why }
game-what-attempts = your attempts
game-what-team-hub = the team hub
game-what-drills = your drills
game-what-progress = your progress
game-what-results = the results
game-what-settings = the settings
game-what-leaderboard = the leaderboard
web-no-records = This browser is not keeping records, so there is nothing to import into.
game-records-poisoned = the records are unavailable after an earlier failure
game-no-scenario = no playable scenario with id `{ $id }` (available: { $list })
game-no-display = no display found (DISPLAY is not set): play in the terminal with `peercall run dialogues/demo-request.ron`
profile-field-name = the name
profile-field-team = the team
join-not-remembered = the hub was not remembered
join-stopped = joining stopped unexpectedly
board-hub-unreadable = the hub's board could not be read

## A call in the terminal (`peercall run`).

run-turn = { $signal } | trust { $before } -> { $after }
run-summary = Outcome: { $outcome }   Score: { $score }/100 ({ $tier })   Trust: { $trust }   Person-days committed: { $days }
run-answer = { $signal } ({ $delta } trust: { $before } -> { $after })
run-lesson = Lesson: { $lesson }
run-not-over = (the call is not over after { $choices ->
    [one] 1 choice
   *[other] { $choices } choices
  }: play on from here, or q to leave)
run-intro = Goal: { $goal }
    Seed: { $seed } (play the same call again with --seed { $seed })
    Type a choice number and Enter; q quits.
run-partly-translated = note: { $missing } of { $total } texts are not translated into { $lang }; they are shown in the source language
run-left = (call left unfinished)
run-type-number = Type a number from 1 to { $count }, or q to quit.
run-meter = Trust [{ $bar }] { $trust }   Committed: { $days } { $count ->
    [one] person-day
   *[other] person-days
  }

## Drills of missed decisions (`peercall drills`).

drills-today = { $count ->
    [0] No decisions to practise today, { $player }.
    [one] 1 decision to practise today, { $player }.
   *[other] { $count } decisions to practise today, { $player }.
  }
drills-none = { $player } has no drills: every decision so far was a good one, or no call has been played yet.
drills-none-due = Nothing due today for { $player }; the next drill is due on { $date } (play it now with --all).
drills-header = Drill { $n } of { $of }: { $title }
drills-you-said = Last time you said: "{ $said }" ({ $signal }).
drills-better-decision = It did not fit what the prospect had told you; a line that did was on offer.
drills-better-signal = A peer line was on offer: { $signal }.
drills-listen = The call picks up a moment before the decision, and the situation may not be the same as last time: listen to what the prospect says.
drills-due-today = due today
drills-due-in = due in { $days ->
    [one] 1 day
   *[other] { $days } days
  } ({ $date })
drills-retired = learnt: passed on every return
drills-out-of-date = the scenario has changed: this drill can no longer be played
drills-step = step { $level } of { $of }
drills-passed = Passed: it comes back later, further apart.
drills-passed-early = Passed, before it was due: practice too soon does not move it on.
drills-passed-retired = Passed on every return: this decision is learnt, and comes back only if missed again.
drills-missed = Missed: it goes back to the start.
drills-next = Next: { $date } (in { $days ->
    [one] 1 day
   *[other] { $days } days
  }).
drills-picks-short = the drill is not over after the choices given


## The habit to fix (the player's profile).

habits-none = No calls of { $player } to read yet: play a call, and the habits it shows appear here.
habits-heading = { $player }'s habits, from the last { $calls ->
    [one] call
   *[other] { $calls } calls
  }:
habits-to-fix = The habit to fix: { $signal }.
habits-clean = No customer-advocate line where a peer line was on offer in the last calls: nothing to fix.
habits-chart = Each call, oldest first (# the habit showed):
habit-line = { $did } in { $calls ->
    [one] your last call
   *[other] { $recent } of your last { $calls } calls
  }{ $trend }.
habit-trend-down = , down from { $before } of the { $calls } before
habit-trend-up = , up from { $before } of the { $calls } before
habit-trend-same = , as in { $before } of the { $calls } before
habit-did-gratitude = Thanked or deferred to the prospect
habit-did-ask-permission = Asked permission to ask questions
habit-did-request-question = Asked only about the request
habit-did-face-value = Took the request at face value
habit-did-commit-resources = Committed resources before qualifying
## The command line.

cli-watch-again = --- { $files } changed: checking again (Ctrl-C stops) ---
cli-error = error: { $why }
cli-board-empty = No results yet.
cli-board-place = Place
cli-board-player = Player
cli-board-team = Team
cli-board-score = Score
cli-board-time = Time
cli-board-calls = Calls
cli-board-team-mean = A team's score is the mean of its players' totals, so team size does not count.
cli-exported = exported { $count } result(s) to { $file }
cli-unparked = { $count } set-aside statement(s) put back in the queue
cli-synced = { $sent } sent, { $waiting } waiting, { $parked } set aside
cli-parked = set aside { $id }: { $why }
cli-more = ... and { $count } more
cli-parked-how = The LRS refused these as invalid; fix the cause, then `peercall records sync --retry-refused`.
cli-rejected = rejected { $file } { $id }: { $why }
cli-imported = { $added } added, { $duplicates } already recorded, { $rejected } rejected
cli-published = published { $name } ({ $id }) on { $server }; join codes:
cli-joined = joined { $competition } as { $name } ({ $team }); your results go to { $server }
cli-joined-files = its { $count ->
    [one] 1 scenario file is
   *[other] { $count } scenario files are
  } in { $dir }; play it with `peercall compete { $file }` (or from the game's Competitions)
cli-hub-sent = { $sent } sent, { $waiting } waiting, { $refused } refused
cli-recorded = recorded in { $db }
cli-lrs-sent = sent { $count } statement(s) to the LRS
cli-lrs-waiting = { $why }; { $count } statement(s) wait in the outbox (`peercall records sync` sends them)
cli-test-ok = ok    { $scenario } / { $name } (seed { $seed })
cli-test-fail = FAIL  { $scenario } / { $name } (seed { $seed })
cli-test-summary = { $passed } passed, { $failed } failed{ $broken ->
    [0] {""}
   *[other] , { $broken } file(s) could not be run
  }
cli-new = wrote { $file } and { $tests }
    next: edit it, then `peercall check { $file }` and `peercall test { $file }`
cli-check-translation-behind = note: { $file } is behind its scenario: { $missing } missing, { $stale } stale, { $unknown } unknown (`peercall i18n check { $scenario }` lists them)
cli-check-translation-broken = note: { $why }
cli-checked = checked { $files ->
    [one] 1 file
   *[other] { $files } files
  }: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
  }
cli-compete-head = { $name } ({ $id }): { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
  } per call
cli-compete-closed = closed: { $why }
cli-compete-next = your next call seed
cli-compete-entry = { $scenario } base seed { $seed } hash { $hash }  { $name }: { $used } of { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
  } used

## What the command line says when it cannot do something.

err-cli-unknown-command = unrecognized subcommand '{ $command }'
err-cli-unknown-argument = unexpected argument '{ $argument }' found
err-cli-missing = the following required arguments were not provided: { $arguments }
err-cli-bad-value = invalid value '{ $value }' for '{ $argument }'{ $valid ->
    [none] {""}
   *[other] {" "}(possible values: { $valid })
  }
err-cli-did-you-mean = tip: a similar one exists: '{ $suggestion }'
err-cli-more = For more information, try '--help'.
io-not-found = there is no such file or folder
io-permission-denied = permission denied
io-is-a-folder = it is a folder
io-not-a-folder = a part of the path is not a folder
io-disk-full = the disk is full
io-read-only = the disk is read-only
io-not-text = it is not UTF-8 text
err-cannot-read = cannot read { $path }: { $why }
err-cannot-write = cannot write { $path }: { $why }
err-cannot-create = cannot create { $path }: { $why }
err-no-scenario-files = no scenario files (*.ron) in { $path }
err-fix-first = { $file } has { $errors ->
    [one] 1 error
   *[other] { $errors } errors
  }; fix them first (`peercall check { $file }`)
err-not-built-in = { $file } is not built in
err-exists = { $path } already exists; nothing written
err-bad-id = `{ $id }` is not a scenario id: use lower-case letters, digits and dashes, like `free-pilot`
err-bad-size = `{ $size }` is not a size like 1280x800
err-size-range = `{ $size }`: sizes run from 320 to 8192 pixels
err-no-scenario-id = no playable scenario with id `{ $id }`
err-no-playable = no playable scenario
err-warning = warning: { $why }
err-export-onto-records = { $path } is the records database itself; export to another file
err-no-truths = --truth { $id }: this scenario declares no truths
err-from-no-node = --from { $node }: this scenario has no such node{ $near }; its nodes are: { $list }
err-did-you-mean = did you mean `{ $id }`?
err-from-no-flags = --flags { $flag }: this scenario sets no flags
err-from-no-flag = --flags { $flag }: no such flag; the flags are: { $list }
err-from-trust = --trust { $trust }: trust runs from { $min } to { $max } in this scenario
err-from-days = --days { $days }: person-days are a number from 0 to 1000
err-no-such-truth = --truth { $id }: no such truth (the truths are: { $list })
err-no-tests-for = { $path } has no test playthroughs (expected { $expected })
err-json-needs-lines = --json needs --choices or --picks (the lines to say)
err-other-version = competition { $competition } accepts other versions of { $scenario } (this one is { $hash })
err-no-attempts-left = no attempts left: { $player } has used { $used } of { $allowed } at { $scenario } in { $competition }
err-join-first = join a competition first (`peercall join URL CODE`)
err-not-in-competition = { $scenario } is not part of competition { $competition }
err-tests-for-other = { $file }: written for scenario `{ $id }`, but { $path } is `{ $actual }`
err-not-ron = { $path } is not a .ron file or a folder
err-no-playthroughs = no test playthroughs (*.tests.ron) found
err-ids-break = { $file }: writing the ids would break the file; nothing was changed:
err-ids-change = { $file }: writing the ids would change the scenario; nothing was changed

## Translations (`peercall i18n`).

i18n-wrote = wrote { $file } ({ $count } texts)
i18n-moved = { $count ->
    [one] 1 translation found again under its line's new id (the line moved or was renamed): marked fuzzy, check it
   *[other] { $count } translations found again under their lines' new ids (the lines moved or were renamed): marked fuzzy, check them
}
i18n-obsolete = { $count ->
    [one] 1 translation of a line the scenario no longer has kept at the end as obsolete (`#~`): it comes back if the line does
   *[other] { $count } translations of lines the scenario no longer has kept at the end as obsolete (`#~`): they come back if the lines do
}
i18n-no-ids = { $file }: warning: some choices have no id, so their translations follow their place; run `peercall i18n ids { $file }`
i18n-no-file = { $file }: missing: there is no { $lang } translation (run `peercall i18n extract --lang { $lang }`)
i18n-checked = { $files ->
    [one] 1 translation file
   *[other] { $files } translation files
  } checked, { $problems ->
    [one] 1 problem
   *[other] { $problems } problems
  }
i18n-coverage = { $lang }  { $scenario }: { $translated } of { $total } texts translated{ $missing ->
    [0] {""}
   *[other] {" "}({ $missing } shown in the source language)
  }
i18n-none = no translations here (start one with `peercall i18n extract --lang de`)
i18n-ids-none = { $file }: every choice has an id
i18n-ids-written = { $file }: { $count ->
    [one] 1 choice id
   *[other] { $count } choice ids
  } written

## The shared crate's own messages: files, competitions, the hub, translations.

core-cannot-read = cannot read { $path }
core-cannot-write = cannot write { $path }
core-cannot-create = cannot create { $path }
core-no-scenario-files = no scenario files (*.ron) in { $path }
core-label-here = here
core-bad-lang = `{ $lang }` is not a language code (try de, es or pseudo)
core-id-empty = is empty
core-id-too-long = is longer than 64 characters
core-id-chars = `{ $id }` may hold only letters, digits, `-`, `_` and `.`
core-competition-too-large = { $file } is { $size } KB; a competition file is a few lines (at most { $max } KB)
core-competition-id = the competition id { $why }
core-competition-id-help = an id like "q4-cup": letters, digits, `-`, `_` or `.`
core-competition-name = the name must be 1 to 100 characters of text
core-competition-date = `{ $field }` is not a date: `{ $value }`
core-competition-date-help = write a date as YYYY-MM-DD, like "2026-11-01"
core-competition-date-order = the competition ends before it starts
core-competition-attempts = `attempts` must be 1 to { $max }, not { $value }
core-competition-no-scenarios = the competition has no scenarios
core-competition-no-scenarios-help = add `(id: "network-expansion", seed: 1)`
core-competition-too-many = more than { $max } scenarios
core-competition-scenario-id = a scenario id must be 1 to 64 characters of text
core-competition-twice = scenario `{ $id }` is listed twice
core-competition-twice-help = each scenario may appear once
core-competition-hashes = more than 100 accepted hashes
core-competition-hash = `{ $hash }` is not a scenario hash
core-competition-hash-help = use the hashes `peercall compete FILE --list` prints (6 to 64 hex digits); leave `hashes` out to accept any version
core-cert-rule-order = no resources committed before a peer contract
core-cert-rule-at-least = at least { $n } × { $signal }
core-cert-rule-at-most = at most { $n } × { $signal }
core-cert-broke-order = turn { $turn } committed resources before any peer contract
core-cert-broke-count = { $count } in the call
core-cert-outside = played outside the certification's window
core-cert-beyond = played after the call was passed or its attempts were used
core-cert-unfair-seed = its seed is not one of this player's own calls
core-cert-not-certification = this competition is not a certification
core-cert-code-differs = the code does not match this player's results: the certificate is not valid
core-cert-not-passed = this player's results do not make a pass
core-cert-entry-pass = a call's `pass` must be 0 to 100, and only in a certification
core-cert-mark = `{ $field }` must be 0 to 100, not { $value }
core-cert-rules = a certification has at most { $max } rules
core-cert-due-outside = the due date lies outside the days the certification is open
core-cert-valid-days = `valid_days` must be 1 to { $max }
core-competition-not-started = { $name } starts on { $date }
core-competition-ended = { $name } ended on { $date }
core-competition-missing = scenario `{ $id }` is not available
core-competition-old-hash = scenario `{ $id }`: the hash { $old } was written by peercall 0.1, which hashed scenarios differently; the same content now has the hash { $hash }. Replace it in the competition file (`peercall compete FILE --list` prints the hashes)
core-competition-changed = scenario `{ $id }` has changed since the competition was set up (its hash is now { $hash }); results with this version would not count
core-hub-unreachable = cannot reach the hub at { $server }: { $why }
core-hub-refused = the hub refused it ({ $status }): { $why }
core-hub-answered = the hub answered { $status }
core-hub-bad-files = the hub sent files this peercall cannot read: { $why }
core-hub-bad-board = the hub sent a board this peercall cannot read: { $why }
core-hub-scenario-broken = the hub's scenario { $id } does not compile here:
core-hub-scenario-changed = the hub's scenario { $id } is not the version it says (hash { $hash } where the hub says { $claimed })
core-po-too-large = { $file }: larger than { $megabytes } MB
core-po-orphan-string = a string that continues nothing
core-po-bad-plural = `{ $keyword }` is not a plural form
core-po-bad-keyword = `{ $keyword }` is not a PO keyword
core-po-expected-string = expected a quoted string
core-po-bad-escape = `{ $escape }` is not an escape PO knows
core-po-bare-quote = a quote inside a string must be written \"
core-i18n-unknown = `{ $id }` is not a line of { $scenario }: remove it, or give the line its id back
core-i18n-untranslated = `{ $id }` is not translated yet
core-i18n-stale = `{ $id }` was translated from an older source text; it now reads: { $now }
core-i18n-fuzzy = `{ $id }` is marked fuzzy: check it and remove the mark
core-i18n-no-entry = `{ $id }` has no entry in { $file } (run `peercall i18n extract` to add it)

## The team hub's pages (in the browser's language, or `?lang=`).

hub-no-web-game = This hub does not hand out the web game: whoever runs it can start it with `peercall serve --web DIR`, DIR being the folder `scripts/build-web.sh` builds.
hub-no-such-file = The web game has no such file.
serve-no-web-folder = { $path } is not the web game's folder (it has no index.html): build it with `scripts/build-web.sh`
hub-web-game = The game in the browser: { $url } (from { $path })
hub-no-web-game-served = The game in the browser is not served: build it with `scripts/build-web.sh`, or give `--web DIR`.
hub-publish-link = Publish a competition
hub-for-trainers = (trainers)
hub-none-published = No competition has been published yet.
hub-wall-mode = Wall mode
hub-hide-names = Hide names
hub-your-place = Your place:
hub-your-place-hint = your name or team
hub-show = Show
hub-players = Players
hub-teams = Teams
hub-player = Player
hub-team = Team
hub-score = Score
hub-calls = Calls
hub-no-results = No results yet.
hub-publish-title = Publish a competition
hub-publish-how = Choose the competition file and the scenario files it names. A built-in scenario stands in for any you do not give. Each team gets a join code for its players.
hub-publish-competition = Competition file
hub-publish-scenarios = Scenario files
hub-publish-teams = Teams, separated by commas
hub-publish-button = Publish
hub-publish-no-file = choose the competition file
hub-published = Published
hub-published-how = Players join with their team's link in a browser (nothing to install), with the code in the game (Join a team hub), or with `peercall join ADDRESS CODE`.
hub-join-code = Join code
hub-join-link = Join link (plays in the browser)
hub-play = Play
hub-the-board = The board
hub-analytics = analytics
hub-not-published = Not published
hub-back = Back
hub-signals-csv = Signals as CSV
hub-moves-csv = Moves as CSV
hub-no-team = (no team)
hub-call-count = { $count ->
    [one] 1 call
   *[other] { $count } calls
  }
hub-signal-bettered = Signal most often bettered
hub-sent = Sent
hub-better-on-offer = A better line was on offer
hub-habits = The habit to fix
hub-habits-how = The customer-advocate signal each sent most often while a peer line was on offer: the share of the last 6 calls (per player; added up over a team's players) that showed it, and of the 6 calls before them.
hub-habits-players = Per player
hub-habit = Habit to fix
hub-last-calls = Last calls
hub-calls-before = The calls before
hub-no-habit = none
hub-scenario = scenario
hub-scenario-how = Read-only: edit the scenario's file. The graph shows what players did; below, every node with its lines, its choices (signal, trust change, where each leads), their conditions, and links that open the web game at the node, in each truth, in the state a call first reaches it in.
hub-truths = Truths
hub-fits = fits:
hub-nodes = Nodes
hub-when = when
hub-requires = offered when
hub-play-from-here = Play from here:
hub-err-no-scenario = this competition has no such scenario
hub-where-players-went = Where players went
hub-heatmap-how = Per scenario and situation: a node's colour is the share of calls that reached it; a move is as thick as the share of that node's players who made it, green for peer lines and red for customer-advocate ones. Hover a move for its line.
hub-heatmap-label = { $title }: where { $count ->
    [one] 1 call
   *[other] { $count } calls
  } went
hub-heatmap-move = { $percent }% ({ $count }) said: { $line } [{ $signal }]
hub-heatmap-reached = { $percent }% of calls
hub-truth = truth
hub-lines-by-node = The lines, node by node
hub-storing-in-postgres = storing in PostgreSQL at { $url }
hub-admin-token = admin token (shown once, stored hashed): { $token }
hub-forwarding = forwarding results to the LRS at { $endpoint }
hub-cannot-listen = cannot listen on { $address }: { $why }
core-records-busy = the records at { $path } are in use by another program (waited { $seconds } s); try again when it has finished
core-records-read-only = the records at { $path } are read-only (check the file's and folder's permissions); nothing was changed
core-records-disk-full = the disk holding { $path } is full; nothing was changed
core-records-failing = cannot write the records at { $path }: the disk is full or failing ({ $why }); nothing was changed
core-records-cannot-open = cannot open the records at { $path } (check the path and its permissions): { $why }
core-records-cannot-use = cannot use the records at { $path }: { $why }
core-records-bad-row = the stored result in row { $row } (id { $id }) cannot be read: its { $column } column is damaged ({ $why })
core-records-folder = { $path } is a folder, not a records database; give a file name, like { $example }
core-records-not-a-file = { $path } is not a regular file; nothing was changed
core-records-cannot-read = cannot read the records at { $path }
core-records-cannot-record = cannot record: { $why }
core-lrs-refused = the LRS refused it: { $status }: { $why }
core-lrs-refused-bare = the LRS refused it: { $status }
core-lrs-answered = the LRS answered { $status }
core-lrs-unreachable = cannot reach the LRS: { $why }
hub-err-too-many = too many requests: try again in { $seconds } s
hub-err-teams = name between 1 and 100 teams
hub-err-needs-admin = this needs the admin token (Authorization: Bearer ...)
hub-err-not-admin = that is not the admin token
hub-your-name = your name
hub-err-unknown-code = no team has that join code
hub-err-needs-player = post results with your player token (Authorization: Bearer ...)
hub-err-unknown-player = unknown player token
hub-err-not-yours = you joined as { $name } ({ $team }): you can post only your own results
hub-err-other-competition = this result was not played in { $competition }, the competition you joined
hub-err-gone = the competition is gone
hub-err-not-in-competition = { $scenario } is not part of this competition
hub-err-edited = the id does not match the result's content (was it edited?)
hub-err-not-their-seed = seed { $seed } is not one of { $name }'s calls in this competition
hub-err-files-for-players = join the competition first: its files are for its players
hub-err-no-competition = no competition with that id
hub-err-not-certification = this competition is not a certification
hub-cert-who = Who passed
hub-cert-summary = { $passed } passed · { $failed } failed · { $overdue } overdue · { $playing } in progress · { $expired } expired
hub-cert-rules = Pass mark { $pass } overall, { $attempts } attempts a call, due { $due }.
hub-cert-state = Where they stand
hub-cert-passed-on = Passed on
hub-cert-valid-until = Valid until
hub-cert-certificate = Certificate
hub-cert-code-valid = This code is valid: the player's results replay to this certificate now.
hub-cert-code-invalid = This code does not match the player's results: the certificate is not valid.
hub-cert-heading = peercall certificate
hub-cert-has-passed = has passed { $name }, every call judged by replaying what was said.
hub-cert-call = Call
hub-cert-mark = Pass mark
hub-cert-played-on = Played on
hub-cert-overall = Overall
hub-cert-dates = Passed on { $on }; valid until { $until }.
hub-cert-expired = This certificate has expired.
hub-cert-code = Verification code
hub-cert-how = Anyone with the certification file and the player's results can check it by replay:
hub-cert-pdf = Download the certificate (PDF)
hub-cert-none = { $player } holds no certificate here yet.
hub-err-unavailable = the hub's database cannot be reached just now: try again in a few seconds (reference { $reference })
hub-err-failed = the hub could not do that; its operator can find what went wrong in the hub's log under reference { $reference }
hub-err-cross-site = refused: this request came from another site (a hub takes writes only from its own pages and from programs)
hub-err-same-scenario-twice = the scenario { $scenario } is given twice: give each scenario once
hub-err-attempt-used = this call (seed { $seed }) already has a result on the hub: an attempt counts once, and the first result stands
hub-err-moves-dates = { $name } is running: publishing this file would move its dates from { $from } to { $to }. To mean it, publish again with the dates confirmed (`--move-dates`, or the box on the publishing page)
hub-err-name-taken = { $name } has already joined this competition; choose another name
hub-publish-move-dates = This competition is running and I mean to move its dates
core-rec-scenario-changed = scenario { $scenario } has changed since this result was played
core-rec-no-replay = the choice log does not replay: { $why }
core-rec-unfinished = the choice log does not finish the call
core-rec-other-scenario = the result names scenario { $named }, but its hash is that of { $actual }
core-rec-outcome = replayed outcome is { $replayed }, the record says { $recorded }
core-rec-ending = replayed ending is { $replayed }, the record says { $recorded }
core-rec-score = replayed score { $score } and trust { $trust }, the record says { $recorded_score } and { $recorded_trust }
core-rec-days = replayed person-days { $replayed }, the record says { $recorded }
core-rec-truth = the call was in truth { $replayed }, the record says { $recorded }
core-rec-shown = the record's shown order is not the one its seed draws
core-rec-id = the record's id does not match its content
core-rec-the-player = the player name
core-rec-the-team = the team name
core-rec-player-spaces = the player name has spaces around it
core-rec-team-spaces = the team name has spaces around it
core-rec-scenario-id = the scenario id is empty, too long or not text
core-rec-turns = more than { $max } turns
core-rec-patience = a patience loss is out of range
core-rec-lang = the language `{ $lang }` is not a language code
core-rec-too-long = the call claims to have lasted { $hours } hours
core-rec-start = the start time `{ $time }` is not a date: { $why }
core-rec-end = the end time `{ $time }` is not a date: { $why }
core-rec-dates = the call's dates are before peercall existed or in the future
core-rec-backwards = the call ends before it starts
core-rec-duration = the duration does not match the start and end times
core-rec-import-itself = { $file } is the records database itself, not an export
core-rec-import-too-large = { $file } is larger than { $megabytes } MB; split it
core-rec-not-records = not a peercall records file
core-rec-unknown-version = unknown version of scenario { $scenario } (hash { $hash })
core-rec-edited = the id does not match the result's content (was it edited?)
core-name-blank = { $what } cannot be blank
core-name-too-long = { $what } is longer than { $max } characters
core-name-control = { $what } contains a control character ({ $character })
core-records-folder-unopened = cannot open the folder of the records at { $path }
core-records-folder-unlocked = cannot lock the folder of the records at { $path }
core-records-stuck = the records at { $path } are damaged ({ $why }) and could not be moved aside
core-records-set-aside = the records at { $path } were damaged ({ $why }); they were kept as { $backup } and a new record was started
core-records-newer = the records at { $path } were written by a newer peercall (schema { $version }); update peercall to use them. Nothing was changed
core-records-foreign = { $path } is another program's SQLite database, not peercall's records; give another file with --db. Nothing was changed
core-records-no-wal = the records at { $path } cannot use a write-ahead log (journal mode { $mode }); nothing was changed
core-records-damaged = the records at { $path } are damaged ({ $why })
core-records-image-set-aside = the records kept in this browser were damaged ({ $why }) and could not be read; this browser starts new records
core-rec-unknown-competition = played in competition { $competition }, whose file is not given: import it with `--competition FILE`, so that its seed can be checked
core-rec-not-their-seed = seed { $seed } is not one of { $name }'s calls in competition { $competition }
cli-certify-not-one = { $file } is a competition, not a certification (it has no `certification`)
cli-certify-head = { $name } ({ $id }): pass mark { $pass }, { $attempts } attempts a call, due { $due }
cli-certify-valid = Valid: { $player } passed { $name } on { $date }.
cli-certify-written = wrote { $file }: the certificate with code { $code }
cli-certify-no-pass = { $player } holds no pass to print a certificate of (they stand at: { $state })
cli-certify-invalid = Not valid: { $why }
cli-certify-until = valid until { $date }
cli-certify-refused = not counted: { $id } ({ $why })
cert-state-in-progress = in progress
cert-state-overdue = overdue
cert-state-passed = passed
cert-state-expired = expired
cert-state-failed = failed
cert-call-passed = passed ({ $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
})
cert-call-open = not passed yet ({ $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
}, { $left } left)
cert-call-failed = failed ({ $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
})
cert-verdict = Certification { $state }: { $overall }/{ $pass } overall
cert-code = verification code { $code }
core-cmi5-missing = the launch has no `{ $name }`: open this course from your learning system
core-cmi5-bad = the launch's `{ $name }` is not valid
core-scorm-bad = the learning system's `{ $name }` is not valid (SCORM)
core-cmi5-launch-data = the learning system's launch data cannot be read: { $why }
core-lms-url = the game's address must be a whole http(s) address, such as https://hub.example.com/play/, not { $url }
cli-lms-mastery = `--mastery` must be between 0 and 1
cli-lms-description = Sales calls with prospects: set up a peer contract, ask about the business behind the request, and only then commit your company's time.
cli-lms-no-web = no web game in { $dir }: build it with scripts/build-web.sh, or name its folder with --web
cli-lms-written = wrote { $file }: a { $kind } course of { $count } calls
cli-lms-origin = `--lms-origin` takes a bare origin such as https://lms.example.com, not { $origin }
web-lms-launch = peercall could not start from your learning system: { $why }
