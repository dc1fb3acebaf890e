# Die Oberfläche von peercall auf Deutsch. Dieselben Meldungen wie in `en.ftl`, frei übertragen;
# `cargo test -p peercall-core` prüft, dass keine fehlt.

## Die Wörter der Engine: Signale, Ausgänge, Punktebänder, Schwierigkeitsgrade.

signal-peer-contract = Peer-Vertrag
signal-peer-contract-why = Sie haben ein kurzes, vereinbartes Gespräch über das Gesamtbild vorgeschlagen, bevor sich irgendjemand festlegt. Ihr Gegenüber hört einen Geschäftspartner auf Augenhöhe, nicht jemanden, der auf Anweisungen wartet.
signal-honest-self-interest = ehrliches Eigeninteresse
signal-honest-self-interest-why = Sie haben klar gesagt, was Ihr Unternehmen braucht, bevor es Zeit investiert. Interessenten vertrauen Menschen, die offen zu ihrem eigenen Interesse stehen.
signal-business-question = Frage zum Geschäft
signal-business-question-why = Sie haben nach dem geschäftlichen Grund hinter der Anfrage gefragt. Genau dort erfahren Sie, ob die Chance echt ist.
signal-request-question = Frage nur zur Anfrage
signal-request-question-why = Sie haben nur nach der Anfrage selbst gefragt. Ihr Gegenüber versteht das so, dass Sie sich bereit machen zu liefern, nicht dass Sie qualifizieren.
signal-gratitude = Dankbarkeit / Unterwürfigkeit
signal-gratitude-why = Sie haben sich bedankt oder untergeordnet, als wäre das Gespräch ein Gefallen für Sie. Das sagt leise: Der Kunde ist König.
signal-ask-permission = um Erlaubnis fragen
signal-ask-permission-why = Sie haben um Erlaubnis gebeten, Fragen zu stellen. Das wirkt wie ein Diener, der auf Anweisungen wartet, und überlässt Ihrem Gegenüber die Führung des Gesprächs.
signal-face-value = für bare Münze nehmen
signal-face-value-why = Sie haben die Anfrage für bare Münze genommen. Ihr Gegenüber geht jetzt davon aus, dass Sie tun, was verlangt wurde, was immer es Sie kostet.
signal-commit-resources = Ressourcen zusagen
signal-commit-resources-why = Sie haben die Zeit Ihres Unternehmens zugesagt, bevor Sie wussten, ob die Chance echt ist.
signal-mutual-value = beiderseitiger Nutzen
signal-mutual-value-why = Sie haben den nächsten Schritt als wertvoll für beide Seiten dargestellt: Niemand tut hier jemandem einen Gefallen.
signal-neutral = neutral
signal-neutral-why = Eine neutrale Zeile: Sie schafft für sich genommen weder Vertrauen, noch kostet sie welches.
outcome-qualified-in = qualifiziert
outcome-qualified-out = herausqualifiziert
outcome-wasted = Ressourcen verschwendet
outcome-lost = Interessent verloren
tier-business-peer = Geschäftspartner auf Augenhöhe
tier-trusted-resource = Vertrauter Ansprechpartner
tier-getting-there = Auf dem Weg
tier-customer-advocate = Anwalt des Kunden
tier-order-taker = Auftragsannehmer
difficulty-beginner = Einsteiger
difficulty-intermediate = Fortgeschritten
difficulty-advanced = Profi

## Von mehreren Bildschirmen geteilt.

leaderboard = Bestenliste
quit = Beenden
back-esc = Zurück (Esc)
text-size = Schriftgröße: { $percent } %
high-contrast-on = Hoher Kontrast: an
high-contrast-off = Hoher Kontrast: aus

## Der Startbildschirm.

title-promise = Qualifizieren Sie das Gespräch, bevor Sie die Zeit Ihres Unternehmens zusagen.
title-how = Jeder Satz bewegt das Vertrauen Ihres Gegenübers. Schließen Sie einen Peer-Vertrag, fragen Sie nach dem Geschäft, dann entscheiden Sie.
title-drills-due = { $count ->
    [one] Heute 1 Entscheidung zu üben
   *[other] Heute { $count } Entscheidungen zu üben
  }
title-drills-practise = Üben
title-drills-next = Die nächste Übung einer verpassten Entscheidung ist { $days ->
    [one] morgen
   *[other] in { $days } Tagen
  } fällig.
title-habits = Ihre Gewohnheiten
habits-title = Die Gewohnheit, an der Sie arbeiten
game-what-habits = Ihre Gewohnheiten
inspector-title = Inspektor (F2 blendet ihn aus; S speichert diesen Lauf als Testdurchlauf)
inspector-where = Knoten `{ $node }` · Wahrheit: { $truth }
inspector-state = Vertrauen { $trust } · Peer-Vertrag: { $peer } · zugesagt: { $days } { $count ->
    [one] Personentag
   *[other] Personentage
  }
inspector-flags = Flags: { $flags }
inspector-none = keine
inspector-yes = ja
inspector-no = nein
inspector-hidden = Hier verborgen:
inspector-hidden-line = { $n }. „{ $say }“ braucht { $when }
inspector-nothing-hidden = Jeder Satz dieses Knotens steht zur Wahl.
inspector-path = Weg bis hier, als Plätze: { $picks }
inspector-play-from = Noch einmal ab Antwort:
inspector-save = Diesen Lauf als Testdurchlauf speichern (S)
inspector-saved = Gespeichert in { $file }
inspector-save-failed = Nicht gespeichert: { $why }
title-play = Spielen
title-scenarios = Gespräche ({ $count })
title-language = Sprache: { $name }
title-playing-as = Sie spielen als { $name }
title-playing-as-team = Sie spielen als { $name } ({ $team })
title-leave = { $name } verlassen
title-competitions = Wettbewerbe ({ $count })
title-team-hub = Team-Hub: { $name }
title-join-hub = Einem Team-Hub beitreten
title-not-recorded = Ihre Gespräche werden nicht aufgezeichnet: { $why }
title-keys = Pfeile oder Tab zum Wechseln, Enter zum Wählen, Esc für zurück
person-at = { $name }, { $role } bei { $company }
role-company = { $role }, { $company }

## Das Gespräch in der Warteschleife.

pause-title = Gespräch gehalten
pause-waiting = Ihr Gegenüber wartet. Esc setzt das Gespräch fort.
pause-resume = Fortsetzen
pause-back = Zurück zu den Gesprächen

## Die Liste der Gespräche.

pick-title = Wählen Sie ein Gespräch
pick-how = Hinter jedem Gespräch steht ein Interessent, der etwas von Ihnen will. Drücken Sie seine Nummer oder nutzen Sie die Pfeile und Enter.
pick-progress = Einarbeitung, vom Leichtesten an: { $done } von { $total ->
    [one] 1 Gespräch
   *[other] { $total } Gesprächen
  } gespielt von { $name }
pick-progress-competition = { $competition }: { $done } von { $total ->
    [one] 1 Gespräch
   *[other] { $total } Gesprächen
  } gespielt von { $name }
pick-best = gespielt, bestes Ergebnis { $score }
pick-newer-broken = { $file }: Die gespeicherte Fassung hat Fehler; gespielt wird die vorige
pick-translation-broken = Die Übersetzung lässt sich nicht lesen, das Gespräch erscheint deshalb in der Ausgangssprache: { $why }
pick-translation-broken-previous = Die zuletzt gespeicherte Übersetzung lässt sich nicht lesen, gespielt wird deshalb die vorige: { $why }
pick-broken = { $file }: { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
  } – nicht spielbar

## Das Briefing.

briefing-title = Briefing
briefing-you-plain = Sie sind im Vertrieb.
briefing-you = Sie sind { $name }, { $role } bei { $company }.
briefing-sells = Ihr Unternehmen verkauft { $sells }.
briefing-default-goal = Finden Sie heraus, ob die Chance echt ist, bevor Sie die Zeit Ihres Unternehmens zusagen.
briefing-goal = Ihr Ziel
briefing-meter = Behalten Sie das Vertrauensbarometer im Blick: Jeder Satz sendet ein Signal, und Ihr Gegenüber reagiert darauf.
briefing-attempt = { $competition }: Versuch { $attempt } von { $allowed }, ein Gespräch nur für Sie
briefing-take = Gespräch annehmen (Enter)

## Das Gespräch.

call-person-days = { $days } { $count ->
    [one] Personentag
   *[other] Personentage
  }
call-mood = Stimmung: { $mood }
mood-warm = herzlich, redet offen
mood-open = offen
mood-guarded = zurückhaltend
mood-impatient = ungeduldig
mood-hanging-up = kurz vor dem Auflegen
call-clock = { $minutes ->
    [0] Im Gespräch: unter einer Minute
    [one] Im Gespräch: 1 Minute
   *[other] Im Gespräch: { $minutes } Minuten
  }
call-trust = Vertrauen
call-certification-hidden = Zertifizierung: Vertrauen und Signale zeigt erst das Urteil
call-hang-up-below = Unter { $trust } beendet Ihr Gegenüber das Gespräch.
call-resources = Zugesagte Ressourcen
call-keys = Antworten Sie mit 1–9, per Klick oder mit den Pfeilen und Enter. Esc hält das Gespräch.
call-hung-up = { $name } hat aufgelegt.
call-over = Das Gespräch ist beendet.
call-you = Sie
call-signal-trust = { $signal }  |  Vertrauen { $delta }
call-see-debrief = Zur Nachbesprechung (Enter)
call-answer-refused = Diese Antwort konnte nicht genommen werden: { $why }.
call-gone = Dieses Gespräch wird nicht mehr angeboten.
call-attempt-uncounted = Dieser Versuch kann nicht gezählt werden: { $why }
call-no-attempts = Keine Versuche mehr: Sie haben { $used } von { $allowed } genutzt.
call-attempt-not-started = Dieser Versuch kann nicht gezählt werden und startet deshalb nicht: { $why }

## Die Nachbesprechung.

back-to-scenarios = Zurück zu den Gesprächen
error-back-to-call-esc = Zurück zum Gespräch (Esc)
back-to-scenarios-esc = Zurück zu den Gesprächen (Esc)
debrief-not-recorded = Dieses Gespräch wurde nicht aufgezeichnet: { $why }
drills-debrief-heading = Übung  -  { $title }
drills-briefing = Übung { $n } von { $of }: eine Entscheidung, die Sie verpasst haben
drills-last-time = Beim letzten Mal sagten Sie
drills-how-spaced = Eine bestandene Übung kommt später wieder, in größerem Abstand: nach 3 Tagen, dann 7, dann 21. Verpasst beginnt sie am nächsten Tag von vorn.
drills-passed-game = Bestanden: sie kommt später wieder, in größerem Abstand.
drills-next-drill = Nächste Übung ({ $n } von { $of })
drills-done = Fertig (Esc)
debrief-heading = Nachbesprechung  -  { $title }  -  Gespräch #{ $seed }
debrief-outcome = Ausgang: { $outcome }
debrief-trust = Vertrauen am Ende: { $trust }
debrief-days = Zugesagte Personentage: { $days } (nötig waren { $needed })
debrief-lesson = Die Lehre
debrief-truth = Was wirklich dahintersteckte: { $truth }
debrief-misfit = Dieser Ausgang passt nicht zu dem, was dahintersteckte, und zählt deshalb als verschwendete Zeit.
debrief-told = Der Satz, der es verraten hat, vor Antwort { $turn }: „{ $line }“
debrief-never-told = Ihr Gegenüber hat es nie gesagt: Das Gespräch endete vor den Fragen, die es ans Licht bringen.
debrief-said = { $turn }. Sie: „{ $said }“
debrief-replay = Ab Zug { $turn } neu spielen
debrief-signal = Signal: { $signal }   Vertrauen { $delta } (von { $before } auf { $after })
debrief-better = Besser: { $signal } ({ $delta } Vertrauen)
debrief-retry = Dieses Gespräch wiederholen (R)
debrief-ask-again = Einarbeitung abgeschlossen: Beantworten Sie die Frage noch einmal
debrief-save-certificate = Zertifikat speichern (PDF)
debrief-certificate-saved = Zertifikat gespeichert: { $place }
debrief-certificate-not-saved = Das Zertifikat wurde nicht gespeichert: { $why }

## Eine fehlerhafte Gesprächsdatei.

error-previous-plays = (Die vorige Fassung dieses Gesprächs ist weiter spielbar.)
error-none = Dieses Gespräch hat keine Fehler.
error-saved-broken = { $file } wurde mit Fehlern gespeichert
error-unplayable = { $file } ist nicht spielbar
error-found = { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
  } gefunden. Korrigieren Sie die Datei und prüfen Sie sie mit `peercall check { $file }`; die anderen Gespräche bleiben spielbar.

## Wettbewerbe.

competitions-title = Wettbewerbe
competitions-fair = Alle spielen dieselben Gespräche, jeder in eigenen Anrufen, die nacheinander jede Lage durchlaufen; Ihr bestes Ergebnis pro Gespräch zählt.
competitions-none = Hier gibt es keine Wettbewerbe. Legen Sie Wettbewerbsdateien in einen Ordner `competitions` neben Ihren Aufzeichnungen ab, oder treten Sie einem Team-Hub bei.
competitions-entry = { $n }. { $name }: { $calls ->
    [one] 1 Gespräch
   *[other] { $calls } Gespräche
  }, je { $attempts ->
    [one] 1 Versuch
   *[other] { $attempts } Versuche
  }

## Die Bestenliste.

board-hub-loading = Die Bestenliste wird vom Team-Hub unter { $server } gelesen ...
board-hub-live = Live vom Team-Hub unter { $server }: die Gespräche aller Spieler.
board-hub-away = Der Team-Hub ist gerade nicht erreichbar ({ $why }); das ist die Bestenliste auf diesem Rechner. Ihre Ergebnisse warten und gehen raus, sobald er wieder da ist.
board-title-competition = Bestenliste: { $name }
board-teams-how = Teams: der Mittelwert der Summen ihrer Spieler, damit die Teamgröße nicht zählt. Bei Gleichstand gewinnt das Team, das seine Punktzahl zuerst erreicht hat.
board-players-how = Das beste Ergebnis jedes Spielers pro Gespräch, zusammengezählt. Bei Gleichstand gewinnt, wer die Punktzahl zuerst erreicht hat.
board-unreadable = Die Bestenliste kann nicht angezeigt werden: { $why }
board-empty = Noch keine Ergebnisse: Spielen Sie ein Gespräch und schauen Sie wieder vorbei.
board-calls = { $calls ->
    [one] 1 Gespräch
   *[other] { $calls } Gespräche
  }
board-show-players = Spieler zeigen
board-show-teams = Teams zeigen
board-show-names = Namen zeigen
board-hide-names = Namen verbergen

## Wer spielt, und die Frage zur Selbsteinschätzung.

profile-title = Wer spielt?
profile-how = Ihr Name und Ihr Team stehen bei Ihren Ergebnissen und in der Bestenliste. Tippen Sie einfach los: Tab wechselt das Feld, Enter speichert.
profile-name = Ihr Name
profile-team = Team (freiwillig)
profile-save = Speichern (Enter)
diagnostic-question = Wenn Sie entscheiden, wie viel Zeit Ihres Unternehmens (Ihre eigene eingeschlossen) Sie einer Verkaufschance geben: Was kommt Ihrer Denkweise am nächsten?
diagnostic-answer-1 = Ich möchte entgegenkommend wirken, deshalb gebe ich dem Interessenten eher, worum er bittet.
diagnostic-answer-2 = Ich schütze meine Zeit und die meines Unternehmens, und Interessenten sollen sehen, dass ich das tue.
diagnostic-answer-3 = Keines davon beschreibt, wie ich entscheide.
diagnostic-compare = Vorher und nachher
diagnostic-before = Vor der Einarbeitung
diagnostic-after = Danach
diagnostic-first = Erste Versuche: im Schnitt { $score } Punkte
diagnostic-best = Beste Versuche: im Schnitt { $score } Punkte
diagnostic-method = Die meisten Verkäufer neigen anfangs dazu, der Anfrage des Interessenten nachzugeben. Die Methode verlangt, Ihre Zeit als schützenswert zu behandeln und das auf Augenhöhe auch zu sagen.
diagnostic-back = Zurück zum Start (Esc)
diagnostic-start = Bevor Sie beginnen
diagnostic-finished = Sie haben die Einarbeitung abgeschlossen
diagnostic-no-right-answer = Hier gibt es keine richtige Antwort: Sie vergleichen sie am Ende der Einarbeitung mit Ihrer späteren Antwort.

## Einem Team-Hub beitreten.

join-title = Team-Hub
join-how = Ihr Trainer gibt Ihnen die Adresse des Hubs und den Beitrittscode Ihres Teams. Jedes Gespräch, das Sie im Wettbewerb beenden, geht auf die Bestenliste des Hubs; ist der Hub nicht erreichbar, warten die Ergebnisse hier und gehen später raus.
join-joined = Sie sind { $competition } auf { $server } beigetreten. { $waiting ->
    [0] Alle Ergebnisse sind gesendet.
    [one] 1 Ergebnis wartet auf den Versand.
   *[other] { $waiting } Ergebnisse warten auf den Versand.
  }
join-refused = { $count } vom Hub abgelehnt: { $why }
join-no-records = Ihre Aufzeichnungen lassen sich nicht öffnen, daher konnte nichts gesendet werden: siehe Startbildschirm.
join-address = Adresse des Hubs
join-code = Beitrittscode
join-keys = Tab wechselt das Feld; Enter tritt bei.
join-button = Beitreten (Enter)
join-need-code = Tippen Sie den Beitrittscode Ihres Teams ein.
join-cannot = Ihre Aufzeichnungen lassen sich nicht öffnen, daher können Sie nicht beitreten.
join-joining = Beitritt zu { $server } ...
join-failed = Nicht beigetreten: { $why }

## Die eigenen Meldungen des Spiels (Fehler auf dem Bildschirm).

game-cannot-use = kein Zugriff auf { $what }: { $why }
game-what-attempts = Ihre Versuche
game-what-team-hub = den Team-Hub
game-what-drills = Ihre Übungen
game-what-progress = Ihren Fortschritt
game-what-results = die Ergebnisse
game-what-settings = die Einstellungen
game-what-leaderboard = die Rangliste
web-no-records = Dieser Browser speichert keine Aufzeichnungen, daher kann nichts importiert werden.
game-records-poisoned = die Ergebnisse sind nach einem früheren Fehler nicht verfügbar
game-no-scenario = kein spielbares Szenario mit der ID `{ $id }` (vorhanden: { $list })
game-no-display = kein Bildschirm gefunden (DISPLAY ist nicht gesetzt): spielen Sie im Terminal mit `peercall run dialogues/demo-request.ron`
profile-field-name = der Name
profile-field-team = das Team
join-not-remembered = der Hub wurde nicht gespeichert
join-stopped = der Beitritt wurde unerwartet abgebrochen
board-hub-unreadable = die Rangliste des Hubs ließ sich nicht lesen

## Ein Gespräch im Terminal (`peercall run`).

run-turn = { $signal } | Vertrauen { $before } -> { $after }
run-summary = Ausgang: { $outcome }   Punkte: { $score }/100 ({ $tier })   Vertrauen: { $trust }   Zugesagte Personentage: { $days }
run-answer = { $signal } ({ $delta } Vertrauen: { $before } -> { $after })
run-lesson = Die Lehre: { $lesson }
run-not-over = (das Gespräch ist nach { $choices ->
    [one] 1 Antwort
   *[other] { $choices } Antworten
  } nicht vorbei: spielen Sie von hier aus weiter, oder q zum Verlassen)
run-intro = Ziel: { $goal }
    Startwert: { $seed } (dasselbe Gespräch noch einmal mit --seed { $seed })
    Tippen Sie eine Antwortnummer und Enter; q beendet.
run-partly-translated = Hinweis: { $missing } von { $total } Texten sind noch nicht übersetzt ({ $lang }); sie erscheinen in der Ausgangssprache
run-left = (Gespräch nicht beendet)
run-type-number = Tippen Sie eine Zahl von 1 bis { $count }, oder q zum Beenden.
run-meter = Vertrauen [{ $bar }] { $trust }   Zugesagt: { $days } { $count ->
    [one] Personentag
   *[other] Personentage
  }

## Übungen verpasster Entscheidungen (`peercall drills`).

drills-today = { $count ->
    [0] Heute keine Entscheidungen zu üben, { $player }.
    [one] Heute 1 Entscheidung zu üben, { $player }.
   *[other] Heute { $count } Entscheidungen zu üben, { $player }.
  }
drills-none = { $player } hat keine Übungen: jede Entscheidung bisher war gut, oder es wurde noch kein Gespräch gespielt.
drills-none-due = Heute ist für { $player } nichts fällig; die nächste Übung ist am { $date } fällig (jetzt spielen mit --all).
drills-header = Übung { $n } von { $of }: { $title }
drills-you-said = Beim letzten Mal sagten Sie: „{ $said }“ ({ $signal }).
drills-better-decision = Er passte nicht zu dem, was der Interessent Ihnen gesagt hatte; ein Satz, der passte, stand zur Wahl.
drills-better-signal = Ein Satz auf Augenhöhe stand zur Wahl: { $signal }.
drills-listen = Das Gespräch setzt kurz vor der Entscheidung wieder ein, und die Lage ist vielleicht nicht dieselbe wie beim letzten Mal: hören Sie, was der Interessent sagt.
drills-due-today = heute fällig
drills-due-in = fällig in { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
  } ({ $date })
drills-retired = gelernt: bei jeder Wiederkehr bestanden
drills-out-of-date = das Szenario wurde geändert: diese Übung lässt sich nicht mehr spielen
drills-step = Stufe { $level } von { $of }
drills-passed = Bestanden: sie kommt später wieder, in größerem Abstand.
drills-passed-early = Bestanden, vor der Fälligkeit: zu frühes Üben rückt sie nicht weiter.
drills-passed-retired = Bei jeder Wiederkehr bestanden: diese Entscheidung sitzt und kommt nur wieder, wenn sie erneut verpasst wird.
drills-missed = Verpasst: sie beginnt wieder von vorn.
drills-next = Nächstes Mal: { $date } (in { $days ->
    [one] 1 Tag
   *[other] { $days } Tagen
  }).
drills-picks-short = die Übung ist nach den angegebenen Antworten nicht beendet


## Die Gewohnheit, an der Sie arbeiten (das Profil des Spielers).

habits-none = Noch keine Gespräche von { $player }: spielen Sie ein Gespräch, dann erscheinen hier seine Gewohnheiten.
habits-heading = Die Gewohnheiten von { $player }, aus { $calls ->
    [one] dem letzten Gespräch
   *[other] den letzten { $calls } Gesprächen
  }:
habits-to-fix = Die Gewohnheit, an der Sie arbeiten: { $signal }.
habits-clean = In den letzten Gesprächen kein Satz als Kundenanwalt, wo ein Satz auf Augenhöhe zur Wahl stand: nichts zu tun.
habits-chart = Jedes Gespräch, das älteste zuerst (# die Gewohnheit kam vor):
help-habits = Die Gewohnheit, an der Sie arbeiten: die Signale als Kundenanwalt, die Sie sendeten, während ein Satz auf Augenhöhe zur Wahl stand
help-habits--player = Wessen Gewohnheiten (Voreinstellung: das in den Aufzeichnungen gespeicherte Profil, `PEERCALL_PLAYER` oder der Anmeldename)
help-habits--json = Ein JSON-Objekt ausgeben (jedes gelesene Gespräch, die Zahlen jeder Gewohnheit, die Gewohnheit, an der Sie arbeiten)
help-habits--dialogues = Ein Ordner mit Szenarien, aus denen die Gespräche gespielt wurden, statt der eingebauten
help-habits--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
habit-line = { $did }: { $calls ->
    [one] in Ihrem letzten Gespräch
   *[other] { $recent } von Ihren letzten { $calls } Gesprächen
  }{ $trend }.
habit-trend-down = , weniger als zuvor ({ $before } von { $calls })
habit-trend-up = , mehr als zuvor ({ $before } von { $calls })
habit-trend-same = , wie zuvor ({ $before } von { $calls })
habit-did-gratitude = Dem Interessenten gedankt oder sich untergeordnet
habit-did-ask-permission = Um Erlaubnis für Fragen gebeten
habit-did-request-question = Nur nach der Anfrage gefragt
habit-did-face-value = Die Anfrage beim Wort genommen
habit-did-commit-resources = Ressourcen vor der Qualifizierung zugesagt
## Die Kommandozeile.

cli-watch-again = --- { $files } geändert: erneut geprüft (Strg-C beendet) ---
cli-error = Fehler: { $why }
cli-board-empty = Noch keine Ergebnisse.
cli-board-place = Platz
cli-board-player = Spieler
cli-board-team = Team
cli-board-score = Punkte
cli-board-time = Zeit
cli-board-calls = Gespräche
cli-board-team-mean = Die Punktzahl eines Teams ist der Mittelwert der Summen seiner Spieler, damit die Teamgröße nicht zählt.
cli-exported = { $count } Ergebnis(se) nach { $file } exportiert
cli-unparked = { $count } zurückgestellte Aussage(n) wieder in die Warteschlange gestellt
cli-synced = { $sent } gesendet, { $waiting } wartend, { $parked } zurückgestellt
cli-parked = zurückgestellt { $id }: { $why }
cli-more = ... und { $count } weitere
cli-parked-how = Der LRS hat diese als ungültig abgelehnt; beheben Sie die Ursache, dann `peercall records sync --retry-refused`.
cli-rejected = abgelehnt { $file } { $id }: { $why }
cli-imported = { $added } hinzugefügt, { $duplicates } schon vorhanden, { $rejected } abgelehnt
cli-published = { $name } ({ $id }) auf { $server } veröffentlicht; Beitrittscodes:
cli-joined = { $competition } als { $name } ({ $team }) beigetreten; Ihre Ergebnisse gehen an { $server }
cli-joined-files = { $count ->
    [one] Die Gesprächsdatei liegt
   *[other] Die { $count } Gesprächsdateien liegen
  } in { $dir }; spielen Sie mit `peercall compete { $file }` (oder im Spiel unter Wettbewerbe)
cli-hub-sent = { $sent } gesendet, { $waiting } wartend, { $refused } abgelehnt
cli-recorded = aufgezeichnet in { $db }
cli-lrs-sent = { $count } Aussage(n) an den LRS gesendet
cli-lrs-waiting = { $why }; { $count } Aussage(n) warten im Ausgang (`peercall records sync` sendet sie)
cli-test-ok = ok      { $scenario } / { $name } (Startwert { $seed })
cli-test-fail = FEHLER  { $scenario } / { $name } (Startwert { $seed })
cli-test-summary = { $passed } bestanden, { $failed } fehlgeschlagen{ $broken ->
    [0] {""}
   *[other] , { $broken } Datei(en) nicht ausführbar
  }
cli-new = { $file } und { $tests } geschrieben
    nächster Schritt: bearbeiten, dann `peercall check { $file }` und `peercall test { $file }`
cli-check-translation-behind = Hinweis: { $file } ist nicht auf dem Stand des Szenarios: { $missing } fehlen, { $stale } veraltet, { $unknown } unbekannt (`peercall i18n check { $scenario }` listet sie auf)
cli-check-translation-broken = Hinweis: { $why }
cli-checked = { $files ->
    [one] 1 Datei
   *[other] { $files } Dateien
  } geprüft: { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
  }, { $warnings ->
    [one] 1 Warnung
   *[other] { $warnings } Warnungen
  }
cli-compete-head = { $name } ({ $id }): { $attempts ->
    [one] 1 Versuch
   *[other] { $attempts } Versuche
  } pro Gespräch
cli-compete-closed = geschlossen: { $why }
cli-compete-next = Startwert Ihres nächsten Gesprächs
cli-compete-entry = { $scenario } Basis-Startwert { $seed } Hash { $hash }  { $name }: { $used } von { $attempts ->
    [one] 1 Versuch
   *[other] { $attempts } Versuchen
  } genutzt

## Was die Kommandozeile sagt, wenn sie etwas nicht tun kann.

err-cli-unknown-command = unbekannter Befehl '{ $command }'
err-cli-unknown-argument = unerwartetes Argument '{ $argument }'
err-cli-missing = diese nötigen Argumente fehlen: { $arguments }
err-cli-bad-value = ungültiger Wert '{ $value }' für '{ $argument }'{ $valid ->
    [none] {""}
   *[other] {" "}(mögliche Werte: { $valid })
  }
err-cli-did-you-mean = Tipp: Es gibt ein ähnliches: '{ $suggestion }'
err-cli-more = Mehr dazu mit '--help'.
io-not-found = diese Datei oder diesen Ordner gibt es nicht
io-permission-denied = keine Berechtigung
io-is-a-folder = das ist ein Ordner
io-not-a-folder = ein Teil des Pfads ist kein Ordner
io-disk-full = der Datenträger ist voll
io-read-only = der Datenträger ist schreibgeschützt
io-not-text = das ist kein UTF-8-Text
err-cannot-read = { $path } lässt sich nicht lesen: { $why }
err-cannot-write = { $path } lässt sich nicht schreiben: { $why }
err-cannot-create = { $path } lässt sich nicht anlegen: { $why }
err-no-scenario-files = in { $path } liegen keine Szenariodateien (*.ron)
err-fix-first = { $file } hat { $errors ->
    [one] 1 Fehler
   *[other] { $errors } Fehler
  }; beheben Sie sie zuerst (`peercall check { $file }`)
err-not-built-in = { $file } ist nicht eingebaut
err-exists = { $path } gibt es schon; nichts wurde geschrieben
err-bad-id = `{ $id }` ist keine Szenario-ID: verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche, etwa `free-pilot`
err-bad-size = `{ $size }` ist keine Größe wie 1280x800
err-size-range = `{ $size }`: Größen reichen von 320 bis 8192 Pixeln
err-no-scenario-id = kein spielbares Szenario mit der ID `{ $id }`
err-no-playable = kein spielbares Szenario
err-warning = Warnung: { $why }
err-export-onto-records = { $path } ist die Ergebnisdatenbank selbst; exportieren Sie in eine andere Datei
err-no-truths = --truth { $id }: dieses Szenario legt keine Wahrheiten fest
err-from-no-node = --from { $node }: dieses Szenario hat keinen solchen Knoten{ $near }; seine Knoten sind: { $list }
err-did-you-mean = meinten Sie `{ $id }`?
err-from-no-flags = --flags { $flag }: dieses Szenario setzt keine Flags
err-from-no-flag = --flags { $flag }: dieses Flag gibt es nicht; die Flags sind: { $list }
err-from-trust = --trust { $trust }: das Vertrauen reicht in diesem Szenario von { $min } bis { $max }
err-from-days = --days { $days }: Personentage sind eine Zahl von 0 bis 1000
help-run--from = An diesem Knoten (seine ID) beginnen statt am Start des Szenarios, im Zustand, den die folgenden Optionen angeben (ein Übungsgespräch: nicht aufgezeichnet)
help-run--trust = Mit `--from`: das Vertrauen zu Beginn (Voreinstellung: der Start des Szenarios)
help-run--flags = Mit `--from`: die gesetzten Flags, nach Namen, z. B. `criteria,asked-budget`
help-run--peer_contract = Mit `--from`: ein Peer-Vertrag ist geschlossen
help-run--days = Mit `--from`: bereits zugesagte Personentage, z. B. `1.5`
err-no-such-truth = --truth { $id }: diese Wahrheit gibt es nicht (die Wahrheiten sind: { $list })
err-no-tests-for = { $path } hat keine Testdurchläufe (erwartet: { $expected })
err-json-needs-lines = --json braucht --choices oder --picks (die Sätze, die gesagt werden)
err-other-version = der Wettbewerb { $competition } nimmt andere Fassungen von { $scenario } an (diese ist { $hash })
err-no-attempts-left = keine Versuche mehr: { $player } hat { $used } von { $allowed } bei { $scenario } in { $competition } genutzt
err-join-first = treten Sie zuerst einem Wettbewerb bei (`peercall join URL CODE`)
err-not-in-competition = { $scenario } gehört nicht zum Wettbewerb { $competition }
err-tests-for-other = { $file }: geschrieben für das Szenario `{ $id }`, aber { $path } ist `{ $actual }`
err-not-ron = { $path } ist weder eine .ron-Datei noch ein Ordner
err-no-playthroughs = keine Testdurchläufe (*.tests.ron) gefunden
err-ids-break = { $file }: die IDs zu schreiben würde die Datei kaputt machen; nichts wurde geändert:
err-ids-change = { $file }: die IDs zu schreiben würde das Szenario ändern; nichts wurde geändert

## Übersetzungen (`peercall i18n`).

i18n-wrote = { $file } geschrieben ({ $count } Texte)
i18n-moved = { $count ->
    [one] 1 Übersetzung unter der neuen ID ihrer Zeile wiedergefunden (die Zeile wurde verschoben oder umbenannt): als fuzzy markiert, bitte prüfen
   *[other] { $count } Übersetzungen unter den neuen IDs ihrer Zeilen wiedergefunden (die Zeilen wurden verschoben oder umbenannt): als fuzzy markiert, bitte prüfen
}
i18n-obsolete = { $count ->
    [one] 1 Übersetzung einer Zeile, die das Szenario nicht mehr hat, am Ende als veraltet (`#~`) aufbewahrt: Sie kommt zurück, wenn die Zeile zurückkommt
   *[other] { $count } Übersetzungen von Zeilen, die das Szenario nicht mehr hat, am Ende als veraltet (`#~`) aufbewahrt: Sie kommen zurück, wenn die Zeilen zurückkommen
}
i18n-no-ids = { $file }: Warnung: Manche Antworten haben keine ID, ihre Übersetzungen hängen also an ihrer Stelle; führen Sie `peercall i18n ids { $file }` aus
i18n-no-file = { $file }: fehlt: Es gibt keine Übersetzung für { $lang } (`peercall i18n extract --lang { $lang }` legt sie an)
i18n-checked = { $files ->
    [one] 1 Übersetzungsdatei
   *[other] { $files } Übersetzungsdateien
  } geprüft, { $problems ->
    [one] 1 Problem
   *[other] { $problems } Probleme
  }
i18n-coverage = { $lang }  { $scenario }: { $translated } von { $total } Texten übersetzt{ $missing ->
    [0] {""}
   *[other] {" "}({ $missing } in der Ausgangssprache angezeigt)
  }
i18n-none = Hier gibt es keine Übersetzungen (beginnen Sie eine mit `peercall i18n extract --lang de`)
i18n-ids-none = { $file }: Jede Antwort hat eine ID
i18n-ids-written = { $file }: { $count ->
    [one] 1 Antwort-ID
   *[other] { $count } Antwort-IDs
  } geschrieben

## Die eigenen Meldungen der gemeinsamen Bibliothek: Dateien, Wettbewerbe, der Hub, Übersetzungen.

core-cannot-read = { $path } lässt sich nicht lesen
core-cannot-write = { $path } lässt sich nicht schreiben
core-cannot-create = { $path } lässt sich nicht anlegen
core-no-scenario-files = in { $path } liegen keine Szenariodateien (*.ron)
core-label-here = hier
core-bad-lang = `{ $lang }` ist kein Sprachcode (versuchen Sie de, es oder pseudo)
core-id-empty = ist leer
core-id-too-long = ist länger als 64 Zeichen
core-id-chars = `{ $id }` darf nur Buchstaben, Ziffern, `-`, `_` und `.` enthalten
core-competition-too-large = { $file } ist { $size } KB groß; eine Wettbewerbsdatei hat nur ein paar Zeilen (höchstens { $max } KB)
core-competition-id = die Wettbewerbs-ID { $why }
core-competition-id-help = eine ID wie "q4-cup": Buchstaben, Ziffern, `-`, `_` oder `.`
core-competition-name = der Name muss 1 bis 100 Zeichen Text lang sein
core-competition-date = `{ $field }` ist kein Datum: `{ $value }`
core-competition-date-help = schreiben Sie ein Datum als JJJJ-MM-TT, etwa "2026-11-01"
core-competition-date-order = der Wettbewerb endet, bevor er beginnt
core-competition-attempts = `attempts` muss zwischen 1 und { $max } liegen, nicht bei { $value }
core-competition-no-scenarios = der Wettbewerb hat keine Szenarien
core-competition-no-scenarios-help = ergänzen Sie `(id: "network-expansion", seed: 1)`
core-competition-too-many = mehr als { $max } Szenarien
core-competition-scenario-id = eine Szenario-ID muss 1 bis 64 Zeichen Text lang sein
core-competition-twice = das Szenario `{ $id }` steht zweimal in der Liste
core-competition-twice-help = jedes Szenario darf nur einmal vorkommen
core-competition-hashes = mehr als 100 zugelassene Hashes
core-competition-hash = `{ $hash }` ist kein Szenario-Hash
core-competition-hash-help = verwenden Sie die Hashes, die `peercall compete DATEI --list` ausgibt (6 bis 64 Hexziffern); ohne `hashes` zählt jede Fassung
core-cert-rule-order = keine Ressourcen zugesagt vor einem Peer-Vertrag
core-cert-rule-at-least = mindestens { $n } × { $signal }
core-cert-rule-at-most = höchstens { $n } × { $signal }
core-cert-broke-order = Zug { $turn } sagte Ressourcen zu, bevor ein Peer-Vertrag stand
core-cert-broke-count = { $count } im Gespräch
core-cert-outside = außerhalb des Zeitraums der Zertifizierung gespielt
core-cert-beyond = gespielt, nachdem das Gespräch bestanden oder alle Versuche verbraucht waren
core-cert-unfair-seed = sein Seed ist keines der eigenen Gespräche dieser Person
core-cert-not-certification = dieser Wettbewerb ist keine Zertifizierung
core-cert-code-differs = der Code passt nicht zu den Ergebnissen dieser Person: das Zertifikat ist ungültig
core-cert-not-passed = die Ergebnisse dieser Person ergeben kein Bestehen
core-cert-entry-pass = `pass` eines Gesprächs muss zwischen 0 und 100 liegen, und nur in einer Zertifizierung
core-cert-mark = `{ $field }` muss zwischen 0 und 100 liegen, nicht bei { $value }
core-cert-rules = eine Zertifizierung hat höchstens { $max } Regeln
core-cert-due-outside = das Fälligkeitsdatum liegt außerhalb der Tage, an denen die Zertifizierung offen ist
core-cert-valid-days = `valid_days` muss zwischen 1 und { $max } liegen
core-competition-not-started = { $name } beginnt am { $date }
core-competition-ended = { $name } ist am { $date } zu Ende gegangen
core-competition-missing = das Szenario `{ $id }` ist nicht verfügbar
core-competition-old-hash = Szenario `{ $id }`: Den Hash { $old } hat peercall 0.1 geschrieben, das Szenarien anders gehasht hat; derselbe Inhalt hat jetzt den Hash { $hash }. Ersetzen Sie ihn in der Wettbewerbsdatei (`peercall compete DATEI --list` gibt die Hashes aus)
core-competition-changed = das Szenario `{ $id }` hat sich geändert, seit der Wettbewerb angelegt wurde (sein Hash ist jetzt { $hash }); Ergebnisse mit dieser Fassung würden nicht zählen
core-hub-unreachable = der Hub unter { $server } ist nicht erreichbar: { $why }
core-hub-refused = der Hub hat abgelehnt ({ $status }): { $why }
core-hub-answered = der Hub hat mit { $status } geantwortet
core-hub-bad-files = der Hub hat Dateien geschickt, die dieses peercall nicht lesen kann: { $why }
core-hub-bad-board = der Hub hat eine Rangliste geschickt, die dieses peercall nicht lesen kann: { $why }
core-hub-scenario-broken = das Szenario { $id } des Hubs lässt sich hier nicht übersetzen:
core-hub-scenario-changed = das Szenario { $id } des Hubs ist nicht die Fassung, die es angibt (Hash { $hash }, der Hub sagt { $claimed })
core-po-too-large = { $file }: größer als { $megabytes } MB
core-po-orphan-string = ein Text, der nichts fortsetzt
core-po-bad-plural = `{ $keyword }` ist keine Pluralform
core-po-bad-keyword = `{ $keyword }` ist kein PO-Schlüsselwort
core-po-expected-string = erwartet wird ein Text in Anführungszeichen
core-po-bad-escape = `{ $escape }` ist keine Escape-Folge, die PO kennt
core-po-bare-quote = ein Anführungszeichen im Text schreibt man \"
core-i18n-unknown = `{ $id }` ist keine Zeile von { $scenario }: entfernen Sie den Eintrag, oder geben Sie der Zeile ihre ID zurück
core-i18n-untranslated = `{ $id }` ist noch nicht übersetzt
core-i18n-stale = `{ $id }` wurde aus einem älteren Ausgangstext übersetzt; jetzt lautet er: { $now }
core-i18n-fuzzy = `{ $id }` ist als unscharf (fuzzy) markiert: prüfen Sie die Übersetzung und entfernen Sie die Markierung
core-i18n-no-entry = `{ $id }` hat keinen Eintrag in { $file } (`peercall i18n extract` ergänzt ihn)

## Die Seiten des Team-Hubs (in der Sprache des Browsers, oder mit `?lang=`).

hub-no-web-game = Dieser Hub bietet das Spiel nicht im Browser an: wer ihn betreibt, kann ihn mit `peercall serve --web ORDNER` starten, wobei ORDNER der Ordner ist, den `scripts/build-web.sh` baut.
hub-no-such-file = Diese Datei gibt es im Browser-Spiel nicht.
serve-no-web-folder = { $path } ist kein Ordner des Browser-Spiels (es fehlt index.html): bauen Sie ihn mit `scripts/build-web.sh`
hub-web-game = Das Spiel im Browser: { $url } (aus { $path })
hub-no-web-game-served = Das Spiel im Browser wird nicht angeboten: bauen Sie es mit `scripts/build-web.sh`, oder geben Sie `--web ORDNER` an.
hub-publish-link = Einen Wettbewerb veröffentlichen
hub-for-trainers = (für Trainer)
hub-none-published = Noch wurde kein Wettbewerb veröffentlicht.
hub-wall-mode = Wandansicht
hub-hide-names = Namen ausblenden
hub-your-place = Ihr Platz:
hub-your-place-hint = Ihr Name oder Team
hub-show = Zeigen
hub-players = Spieler
hub-teams = Teams
hub-player = Spieler
hub-team = Team
hub-score = Punkte
hub-calls = Gespräche
hub-no-results = Noch keine Ergebnisse.
hub-publish-title = Einen Wettbewerb veröffentlichen
hub-publish-how = Wählen Sie die Wettbewerbsdatei und die Szenariodateien, die sie nennt. Für jedes Szenario, das Sie nicht mitgeben, springt ein eingebautes ein. Jedes Team bekommt einen Beitrittscode für seine Spieler.
hub-publish-competition = Wettbewerbsdatei
hub-publish-scenarios = Szenariodateien
hub-publish-teams = Teams, durch Kommas getrennt
hub-publish-button = Veröffentlichen
hub-publish-no-file = wählen Sie die Wettbewerbsdatei
hub-published = Veröffentlicht
hub-published-how = Die Spieler treten mit dem Link ihres Teams im Browser bei (ohne Installation), mit dem Code im Spiel (Einem Team-Hub beitreten) oder mit `peercall join ADRESSE CODE`.
hub-join-code = Beitrittscode
hub-join-link = Beitrittslink (spielt im Browser)
hub-play = Spielen
hub-the-board = Die Rangliste
hub-analytics = Auswertung
hub-not-published = Nicht veröffentlicht
hub-back = Zurück
hub-signals-csv = Signale als CSV
hub-moves-csv = Züge als CSV
hub-no-team = (kein Team)
hub-call-count = { $count ->
    [one] 1 Gespräch
   *[other] { $count } Gespräche
  }
hub-signal-bettered = Signal, zu dem es am häufigsten einen besseren Satz gab
hub-sent = Gesendet
hub-better-on-offer = Ein besserer Satz stand zur Wahl
hub-habits = Die Gewohnheit, an der gearbeitet wird
hub-habits-how = Das Signal als Kundenanwalt, das jeweils am häufigsten gesendet wurde, während ein Satz auf Augenhöhe zur Wahl stand: der Anteil der letzten 6 Gespräche (je Spieler; über die Spieler eines Teams zusammengezählt), in denen es vorkam, und der 6 Gespräche davor.
hub-habits-players = Je Spieler
hub-habit = Gewohnheit
hub-last-calls = Letzte Gespräche
hub-calls-before = Die Gespräche davor
hub-no-habit = keine
hub-scenario = Szenario
hub-scenario-how = Nur zum Lesen: Bearbeitet wird die Datei des Szenarios. Der Graph zeigt, was die Spieler taten; darunter jeder Knoten mit seinen Sätzen, seinen Antworten (Signal, Vertrauensänderung, wohin jede führt), ihren Bedingungen und Links, die das Spiel im Browser an diesem Knoten öffnen, in jeder Wahrheit, im Zustand, in dem ein Gespräch ihn zuerst erreicht.
hub-truths = Wahrheiten
hub-fits = passt zu:
hub-nodes = Knoten
hub-when = wenn
hub-requires = angeboten, wenn
hub-play-from-here = Von hier spielen:
hub-err-no-scenario = diesen Wettbewerb gibt es mit diesem Szenario nicht
hub-where-players-went = Wohin die Spieler gingen
hub-heatmap-how = Je Szenario und Lage: Die Farbe eines Knotens ist der Anteil der Gespräche, die ihn erreicht haben; ein Zug ist so dick wie der Anteil der Spieler dieses Knotens, die ihn gewählt haben, grün für Peer-Sätze und rot für Sätze des Anwalts des Kunden. Fahren Sie mit der Maus über einen Zug, um seinen Satz zu sehen.
hub-heatmap-label = { $title }: wohin { $count ->
    [one] 1 Gespräch ging
   *[other] { $count } Gespräche gingen
  }
hub-heatmap-move = { $percent } % ({ $count }) { $count ->
    [one] sagte
   *[other] sagten
  }: { $line } [{ $signal }]
hub-heatmap-reached = { $percent } % der Gespräche
hub-truth = Wahrheit
hub-lines-by-node = Die Sätze, Knoten für Knoten
hub-storing-in-postgres = gespeichert wird in PostgreSQL unter { $url }
hub-admin-token = Admin-Token (wird nur einmal gezeigt und gehasht gespeichert): { $token }
hub-forwarding = Ergebnisse werden an den LRS unter { $endpoint } weitergeleitet
hub-cannot-listen = { $address } lässt sich nicht öffnen: { $why }
core-records-busy = die Ergebnisse in { $path } werden gerade von einem anderen Programm benutzt ({ $seconds } s gewartet); versuchen Sie es noch einmal, wenn es fertig ist
core-records-read-only = die Ergebnisse in { $path } sind schreibgeschützt (prüfen Sie die Rechte der Datei und des Ordners); nichts wurde geändert
core-records-disk-full = der Datenträger mit { $path } ist voll; nichts wurde geändert
core-records-failing = die Ergebnisse in { $path } lassen sich nicht schreiben: der Datenträger ist voll oder defekt ({ $why }); nichts wurde geändert
core-records-cannot-open = die Ergebnisse in { $path } lassen sich nicht öffnen (prüfen Sie den Pfad und die Rechte): { $why }
core-records-cannot-use = die Ergebnisse in { $path } lassen sich nicht verwenden: { $why }
core-records-bad-row = das gespeicherte Ergebnis in Zeile { $row } (ID { $id }) lässt sich nicht lesen: seine Spalte { $column } ist beschädigt ({ $why })
core-records-folder = { $path } ist ein Ordner, keine Ergebnisdatenbank; geben Sie einen Dateinamen an, etwa { $example }
core-records-not-a-file = { $path } ist keine gewöhnliche Datei; nichts wurde geändert
core-records-cannot-read = die Ergebnisse in { $path } lassen sich nicht lesen
core-records-cannot-record = das Ergebnis lässt sich nicht speichern: { $why }
core-lrs-refused = der LRS hat abgelehnt: { $status }: { $why }
core-lrs-refused-bare = der LRS hat abgelehnt: { $status }
core-lrs-answered = der LRS hat mit { $status } geantwortet
core-lrs-unreachable = der LRS ist nicht erreichbar: { $why }
hub-err-too-many = zu viele Anfragen: versuchen Sie es in { $seconds } s noch einmal
hub-err-teams = nennen Sie 1 bis 100 Teams
hub-err-needs-admin = dafür braucht es das Admin-Token (Authorization: Bearer ...)
hub-err-not-admin = das ist nicht das Admin-Token
hub-your-name = Ihr Name
hub-err-unknown-code = kein Team hat diesen Beitrittscode
hub-err-needs-player = senden Sie Ergebnisse mit Ihrem Spieler-Token (Authorization: Bearer ...)
hub-err-unknown-player = unbekanntes Spieler-Token
hub-err-not-yours = Sie sind als { $name } ({ $team }) beigetreten: Sie können nur Ihre eigenen Ergebnisse senden
hub-err-other-competition = dieses Ergebnis wurde nicht in { $competition } gespielt, dem Wettbewerb, dem Sie beigetreten sind
hub-err-gone = den Wettbewerb gibt es nicht mehr
hub-err-not-in-competition = { $scenario } gehört nicht zu diesem Wettbewerb
hub-err-edited = die ID passt nicht zum Inhalt des Ergebnisses (wurde es bearbeitet?)
hub-err-not-their-seed = der Startwert { $seed } gehört zu keinem von { $name }s Gesprächen in diesem Wettbewerb
hub-err-files-for-players = treten Sie zuerst dem Wettbewerb bei: seine Dateien sind für seine Spieler
hub-err-no-competition = kein Wettbewerb mit dieser ID
hub-err-not-certification = dieser Wettbewerb ist keine Zertifizierung
hub-cert-who = Wer bestanden hat
hub-cert-summary = { $passed } bestanden · { $failed } nicht bestanden · { $overdue } überfällig · { $playing } laufen · { $expired } abgelaufen
hub-cert-rules = Bestehensgrenze { $pass } insgesamt, { $attempts } Versuche je Gespräch, fällig { $due }.
hub-cert-state = Stand
hub-cert-passed-on = Bestanden am
hub-cert-valid-until = Gültig bis
hub-cert-certificate = Zertifikat
hub-cert-code-valid = Dieser Code ist gültig: die Ergebnisse der Person ergeben beim Nachspielen jetzt dieses Zertifikat.
hub-cert-code-invalid = Dieser Code passt nicht zu den Ergebnissen der Person: das Zertifikat ist ungültig.
hub-cert-heading = peercall-Zertifikat
hub-cert-has-passed = hat { $name } bestanden; jedes Gespräch wurde durch Nachspielen des Gesagten bewertet.
hub-cert-call = Gespräch
hub-cert-mark = Grenze
hub-cert-played-on = Gespielt am
hub-cert-overall = Insgesamt
hub-cert-dates = Bestanden am { $on }; gültig bis { $until }.
hub-cert-expired = Dieses Zertifikat ist abgelaufen.
hub-cert-code = Prüfcode
hub-cert-how = Wer die Zertifizierungsdatei und die Ergebnisse der Person hat, kann es durch Nachspielen prüfen:
hub-cert-pdf = Das Zertifikat herunterladen (PDF)
hub-cert-none = { $player } hat hier noch kein Zertifikat.
hub-err-unavailable = die Datenbank des Hubs ist gerade nicht erreichbar: versuchen Sie es in ein paar Sekunden noch einmal (Referenz { $reference })
hub-err-failed = der Hub konnte das nicht ausführen; sein Betreiber findet unter der Referenz { $reference } im Protokoll des Hubs, was schiefging
hub-err-cross-site = abgelehnt: diese Anfrage kam von einer anderen Website (ein Hub nimmt Änderungen nur von seinen eigenen Seiten und von Programmen an)
hub-err-same-scenario-twice = das Szenario { $scenario } ist zweimal angegeben: geben Sie jedes Szenario einmal an
hub-err-attempt-used = für dieses Gespräch (Seed { $seed }) liegt auf dem Hub schon ein Ergebnis vor: ein Versuch zählt einmal, und das erste Ergebnis gilt
hub-err-moves-dates = { $name } läuft: diese Datei würde seine Daten von { $from } auf { $to } verschieben. Wenn Sie das wollen, veröffentlichen Sie noch einmal und bestätigen die neuen Daten (`--move-dates` oder das Kästchen auf der Seite zum Veröffentlichen)
hub-err-name-taken = { $name } ist diesem Wettbewerb schon beigetreten; wählen Sie einen anderen Namen
hub-publish-move-dates = Dieser Wettbewerb läuft, und ich will seine Daten wirklich verschieben

## Die Hilfe der Kommandozeile (`--help`). Das Englische steht in den Doc-Kommentaren der
## Argumente; `cargo test -p peercall --no-default-features --lib` prüft, dass jede Zeile hier ist.

help-usage = Aufruf
help-commands = Befehle
help-command-value = BEFEHL
help-options = Optionen
help-arguments = Argumente
help-flag-help = Hilfe anzeigen
help-flag-version = Version anzeigen
help-subcommand-help = Diese Hilfe oder die Hilfe der genannten Befehle anzeigen
help = Ein Verkaufsgesprächs-Simulator, der Peer-Verträge und ehrliches Eigeninteresse lehrt
help-play = Das Spiel öffnen (die Voreinstellung): mit den eingebauten Szenarien oder dem Ordner eines Trainers
help-play--dialogues = Ein Ordner (oder eine Datei) mit Szenarien, die statt der eingebauten gespielt werden
help-play--scenario = Direkt das Briefing dieses Szenarios öffnen (seine ID, z. B. `demo-request`)
help-play--seed = Startwert für die Varianten der Sätze des Interessenten (derselbe Startwert ergibt dasselbe Gespräch)
help-play--autoplay = Skriptmodus: durch jeden Bildschirm gehen und diese Sätze sagen, nach ihrem Platz in der Datei (1 ist die erste Antwort eines Knotens, in welcher Reihenfolge sie auch gezeigt wird), z. B. `2,1,3`
help-play--screenshots = Mit `--autoplay`: von jedem Bildschirm ein PNG in diesem Ordner speichern
help-play--high_contrast = Mit dem kontrastreichen Farbschema starten
help-play--text_size = Textgröße in Prozent: 100, 125 oder 150
help-play--player = Ihr Name in den Ergebnissen und auf der Rangliste
help-play--team = Ihr Team
help-play--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-play--window = Fenstergröße in logischen Pixeln, z. B. `1920x1080` (Voreinstellung 1280x800)
help-play--lang = Die Sprache, in der gespielt wird (`de`, `pseudo`, ...; Voreinstellung: die zuletzt im Spiel gewählte, sonst die des Systems, `PEERCALL_LANG` oder `LANG`)
help-play--mark_untranslated = Trainermodus für Übersetzungen: jede Zeile, die in der Ausgangssprache geblieben ist, mit `[en]` markieren
help-check = Szenariodateien auf Fehler und Warnungen prüfen (Dateien oder Ordner; Voreinstellung `dialogues/`)
help-check--paths = Szenariodateien oder Ordner davon (Voreinstellung: `dialogues/`, sonst die eingebauten Szenarien)
help-check--format = Ausgabeformat: Befunde für Menschen, oder ein JSON-Objekt für Werkzeuge
help-check--watch = Weiter beobachten: bei jedem Speichern einer Szenariodatei erneut prüfen (Strg-C beendet)
help-run = Ein Gespräch im Terminal spielen, oder festgelegte Antworten mit `--choices` abspielen
help-run--file = Die Szenariodatei, die gespielt wird (oder die ID eines eingebauten Szenarios, z. B. `demo-request`)
help-run--seed = Startwert für die Varianten der Sätze des Interessenten (Voreinstellung: aus der Uhr gezogen und ausgegeben)
help-run--choices = Diese Antwortnummern spielen, statt zu fragen, z. B. `2,1,3`
help-run--picks = Diese Antworten nach ihrem Platz in der Datei spielen (1 ist die erste Antwort eines Knotens), in welcher Reihenfolge sie auch gezeigt werden, z. B. `2,1,3`: ein Skript, das mit jedem Startwert funktioniert
help-run--truth = Eine Lage hinter der Anfrage üben (eine ID aus den `truths` des Szenarios) statt der, die der Startwert zieht. Ein solches Gespräch wird nicht gespeichert: sein Ergebnis ließe sich über den Startwert nicht prüfen
help-run--json = Ein JSON-Objekt ausgeben (Verlauf, Vertrauen, Ende, Ausgang, Personentage, Punkte) statt Text
help-run--player = Das beendete Gespräch unter dem Namen dieses Spielers speichern
help-run--competition = Das nächste eigene Gespräch dieses Wettbewerbs spielen (eine Wettbewerbsdatei): sein Startwert gehört Ihnen, der Versuch wird gezählt und das Ergebnis unter dem Wettbewerb gespeichert
help-run--team = Das Team des Spielers
help-run--lang = In dieser Sprache spielen (`de`, `pseudo`, ...; Voreinstellung: die des Systems, `PEERCALL_LANG` oder `LANG`): die Übersetzung neben der Datei oder die eingebaute; eine (noch) nicht übersetzte Zeile erscheint in der Ausgangssprache
help-run--mark_untranslated = Mit `--lang`: jede Zeile, die in der Ausgangssprache geblieben ist, mit `[en]` markieren
help-run--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-analyze = Jeden Weg durch ein Szenario erkunden, Zufallsspieler laufen lassen und vor falschen Lehren warnen
help-analyze--file = Die Szenariodatei
help-analyze--runs = Zufallsspieler, die nach der vollständigen Erkundung laufen
help-analyze--seed = Startwert des ersten Zufallsspielers
help-analyze--max_states = Höchstens so viele verschiedene Zustände erkunden, danach nur Stichproben
help-analyze--json = Ein JSON-Objekt ausgeben
help-graph = Den Baum eines Szenarios als Graphviz-DOT oder Mermaid zeichnen
help-graph--file = Die Szenariodatei
help-graph--format = Ausgabeformat
help-test = Die Testdurchläufe neben den Szenarien ausführen (`NAME.tests.ron`)
help-test--paths = Ordner, Szenariodateien oder Testdateien (Voreinstellung `dialogues/`)
help-new = Eine neue Szenariodatei aus einer kommentierten Vorlage anlegen, die `check` besteht
help-new--id = Die ID des neuen Szenarios: Kleinbuchstaben, Ziffern und Bindestriche
help-new--dir = Der Ordner, in den sie geschrieben wird
help-drills = Die verpassten Entscheidungen üben: heute fällige Übungen nacheinander spielen, oder `--list`
help-drills--player = Wessen Übungen (Voreinstellung: das in den Aufzeichnungen gespeicherte Profil, `PEERCALL_PLAYER` oder der Anmeldename)
help-drills--list = Die Übungen auflisten und wann jede fällig ist, ohne zu spielen
help-drills--all = Jede Übung spielen, die noch im Plan ist, nicht nur die heute fälligen. Bestehen vor der Fälligkeit rückt eine Übung nicht weiter (zu frühes Üben ist nicht verteilt); Verpassen setzt sie zurück
help-drills--picks = Die erste Übung mit diesen Antworten spielen, nach ihrem Platz in der Datei (1 ist die erste Antwort eines Knotens), statt zu fragen, z. B. `1,2`
help-drills--seed = Startwert der ersten gespielten Übung (die nächsten nehmen die folgenden Startwerte; Voreinstellung: aus der Uhr gezogen). Er zieht die Formulierung, die Reihenfolge und die Lage hinter der Anfrage
help-drills--json = JSON ausgeben: die Liste, oder die mit `--picks` gespielte Übung
help-drills--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-drills--dialogues = Ein Ordner mit Szenarien, aus denen die Übungen stammen, statt der eingebauten
help-compete = Einen Wettbewerb spielen: ein eigenes Gespräch je Versuch, begrenzte Versuche, eine gemeinsame Rangliste
help-compete--file = Die Wettbewerbsdatei (RON)
help-compete--list = Die Gespräche des Wettbewerbs ausgeben, ihre Basis-Startwerte und Szenario-Hashes, Ihre Versuche und den Startwert Ihres nächsten Gesprächs; nicht spielen
help-compete--player = Ihr Name auf der Rangliste
help-compete--team = Ihr Team
help-compete--dialogues = Szenarioordner (Voreinstellung: die eingebauten Szenarien)
help-compete--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-board = Die Rangliste, nach Spielern oder nach Teams
help-board--competition = Nur Ergebnisse, die in diesem Wettbewerb gespielt wurden
help-board--scenario = Nur dieses Szenario
help-board--by = Teams ordnen (Mittel der Summen ihrer Spieler) statt Spieler
help-board--player = Auch die Plätze um diesen Spieler herum zeigen
help-board--hide_names = Namen durch ihren Platz ersetzen
help-board--csv = CSV ausgeben
help-board--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-records = Die Ergebnisse der Spieler exportieren, oder Ergebnisse anderer Rechner importieren (und prüfen)
help-records--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-records-export = Ergebnisse in eine Datei schreiben (alle Spieler oder einen)
help-records-export--player = Nur die Ergebnisse dieses Spielers
help-records-export--output = Ausgabedatei (Voreinstellung: die Standardausgabe)
help-records-sync = Die Aussagen, die im Ausgang warten, jetzt an den LRS senden
help-records-sync--retry_refused = Auch die Aussagen noch einmal senden, die der LRS früher als ungültig abgelehnt hat
help-records-import = Ergebnisse anderer Rechner zusammenführen; jedes wird zuerst durch die Engine nachgespielt
help-records-import--files = Exportdateien
help-records-import--dialogues = Der Szenarioordner, mit dem die Ergebnisse gespielt wurden (Voreinstellung: die eingebauten Szenarien)
help-serve = Den Team-Hub betreiben: veröffentlichte Wettbewerbe, durch Nachspielen geprüfte Ergebnisse, Live-Ranglisten
help-serve--listen = Die Adresse, auf der er lauscht (Port 0: irgendein freier Port; der gewählte wird ausgegeben)
help-serve--data = Ordner für die SQLite-Datenbanken des Hubs (Voreinstellung: `hub` im Datenordner des Systems)
help-serve--database_url = Alles in PostgreSQL halten (`postgres://user@host:port/db`, oder `PEERCALL_DATABASE_URL`), damit mehrere Hubs eine Rangliste bedienen; der Datenordner enthält dann nur die Warteschlange der Aussagen für den LRS. `sqlite:DIR` ist dasselbe wie `--data DIR`
help-serve--admin_token = Das Admin-Token, mit dem Trainer veröffentlichen (`PEERCALL_HUB_ADMIN`); ohne es bleibt das gespeicherte, oder ein neues wird angelegt und einmal ausgegeben
help-serve--posts_per_minute = Ergebnisse, die ein Spieler in einer Minute senden darf
help-serve--web = Der Ordner des Spiels im Browser (`scripts/build-web.sh` baut `target/web`), unter `/play/` angeboten (`PEERCALL_WEB`; sonst der installierte, sonst `target/web` hier, wenn gebaut).
help-hub = Mit einem Hub arbeiten: einen Wettbewerb veröffentlichen, Ihre Ergebnisse senden
help-hub-publish = Eine Wettbewerbsdatei und ihre Szenarien auf einem Hub veröffentlichen; gibt den Beitrittscode jedes Teams aus
help-hub-publish--file = Die Wettbewerbsdatei
help-hub-publish--dialogues = Ordner mit ihren Szenariodateien (Voreinstellung: die eingebauten Szenarien)
help-hub-publish--server = Der Hub, z. B. `http://127.0.0.1:8080`
help-hub-publish--teams = Die Teams, von denen jedes einen Beitrittscode bekommt, z. B. `East,West`
help-hub-publish--admin_token = Das Admin-Token des Hubs (`PEERCALL_HUB_ADMIN`)
help-hub-publish--move_dates = Bestätigen, dass die Daten eines laufenden Wettbewerbs verschoben werden (wer beigetreten ist, findet ihn zu den neuen Daten offen oder geschlossen)
help-hub-send = Ihre beendeten Gespräche des Wettbewerbs, dem Sie beigetreten sind, an seinen Hub senden (ein zweites Mal schadet nicht)
help-hub-send--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-join = Mit dem Code Ihres Teams einem Wettbewerb auf einem Hub beitreten
help-join--server = Der Hub, z. B. `http://127.0.0.1:8080`
help-join--code = Der Beitrittscode Ihres Teams
help-join--player = Ihr Name auf der Rangliste (Voreinstellung: Ihr gespeichertes Profil oder Ihr Anmeldename)
help-join--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-i18n = Szenarien in anderen Sprachen: Vorlagen, Prüfungen, die vorhandenen Sprachen, Zeilen-IDs
help-i18n-extract = Die Vorlage jedes Szenarios schreiben (`NAME.pot`); mit `--lang` `NAME.LANG.po` anlegen oder auf den neuen Stand bringen, mit allen Übersetzungen (solche, deren Ausgangstext sich geändert hat, werden als unscharf markiert)
help-i18n-extract--paths = Szenariodateien oder Ordner (Voreinstellung: `dialogues/`)
help-i18n-extract--lang = Eine Sprache (`de`, `es`, ...) statt aller vorhandenen
help-i18n-check = Fehlende, veraltete (der Ausgangstext hat sich seitdem geändert) und unbekannte Einträge finden, mit Datei:Zeile
help-i18n-check--paths = Szenariodateien oder Ordner (Voreinstellung: `dialogues/`)
help-i18n-check--lang = Eine Sprache (`de`, `es`, ...) statt aller vorhandenen
help-i18n-list = Die vorhandenen Sprachen, und wie viel jedes Szenarios jede abdeckt
help-i18n-list--paths = Szenariodateien oder Ordner (Voreinstellung: `dialogues/`)
help-i18n-list--lang = Eine Sprache (`de`, `es`, ...) statt aller vorhandenen
help-i18n-ids = Jeder Antwort ohne ID eine feste ID geben (`id: "..."`), in die Datei geschrieben
help-i18n-ids--paths = Szenariodateien oder Ordner (Voreinstellung: `dialogues/`)
help-i18n-ids--lang = Eine Sprache (`de`, `es`, ...) statt aller vorhandenen
core-rec-scenario-changed = das Szenario { $scenario } hat sich geändert, seit dieses Ergebnis gespielt wurde
core-rec-no-replay = die Antworten lassen sich nicht nachspielen: { $why }
core-rec-unfinished = die Antworten führen das Gespräch nicht zu Ende
core-rec-other-scenario = das Ergebnis nennt das Szenario { $named }, sein Hash ist aber der von { $actual }
core-rec-outcome = nachgespielt ergibt sich der Ausgang { $replayed }, das Ergebnis sagt { $recorded }
core-rec-ending = nachgespielt ergibt sich das Ende { $replayed }, das Ergebnis sagt { $recorded }
core-rec-score = nachgespielt ergeben sich { $score } Punkte und Vertrauen { $trust }, das Ergebnis sagt { $recorded_score } und { $recorded_trust }
core-rec-days = nachgespielt ergeben sich { $replayed } Personentage, das Ergebnis sagt { $recorded }
core-rec-truth = das Gespräch war in der Wahrheit { $replayed }, das Ergebnis sagt { $recorded }
core-rec-shown = die gezeigte Reihenfolge im Ergebnis ist nicht die, die sein Startwert zieht
core-rec-id = die ID des Ergebnisses passt nicht zu seinem Inhalt
core-rec-the-player = der Spielername
core-rec-the-team = der Teamname
core-rec-player-spaces = der Spielername hat Leerzeichen am Rand
core-rec-team-spaces = der Teamname hat Leerzeichen am Rand
core-rec-scenario-id = die Szenario-ID ist leer, zu lang oder kein Text
core-rec-turns = mehr als { $max } Züge
core-rec-patience = ein Geduldsverlust liegt außerhalb des Bereichs
core-rec-lang = die Sprache `{ $lang }` ist kein Sprachcode
core-rec-too-long = das Gespräch soll { $hours } Stunden gedauert haben
core-rec-start = die Startzeit `{ $time }` ist kein Datum: { $why }
core-rec-end = die Endzeit `{ $time }` ist kein Datum: { $why }
core-rec-dates = die Daten des Gesprächs liegen vor der Zeit von peercall oder in der Zukunft
core-rec-backwards = das Gespräch endet, bevor es beginnt
core-rec-duration = die Dauer passt nicht zu Start- und Endzeit
core-rec-import-itself = { $file } ist die Ergebnisdatenbank selbst, kein Export
core-rec-import-too-large = { $file } ist größer als { $megabytes } MB; teilen Sie die Datei auf
core-rec-not-records = keine Ergebnisdatei von peercall
core-rec-unknown-version = unbekannte Fassung des Szenarios { $scenario } (Hash { $hash })
core-rec-edited = die ID passt nicht zum Inhalt des Ergebnisses (wurde es bearbeitet?)
core-name-blank = { $what } darf nicht leer sein
core-name-too-long = { $what } ist länger als { $max } Zeichen
core-name-control = { $what } enthält ein Steuerzeichen ({ $character })
core-records-folder-unopened = der Ordner der Ergebnisse in { $path } lässt sich nicht öffnen
core-records-folder-unlocked = der Ordner der Ergebnisse in { $path } lässt sich nicht sperren
core-records-stuck = die Ergebnisse in { $path } sind beschädigt ({ $why }) und ließen sich nicht beiseitelegen
core-records-set-aside = die Ergebnisse in { $path } waren beschädigt ({ $why }); sie wurden als { $backup } aufbewahrt und neue Ergebnisse begonnen
core-records-newer = die Ergebnisse in { $path } stammen von einem neueren peercall (Schema { $version }); aktualisieren Sie peercall, um sie zu nutzen. Nichts wurde geändert
core-records-foreign = { $path } ist die SQLite-Datenbank eines anderen Programms, nicht die Ergebnisse von peercall; geben Sie mit --db eine andere Datei an. Nichts wurde geändert
core-records-no-wal = die Ergebnisse in { $path } können kein Write-Ahead-Log verwenden (Journalmodus { $mode }); nichts wurde geändert
core-records-damaged = die Ergebnisse in { $path } sind beschädigt ({ $why })
core-records-image-set-aside = die in diesem Browser gespeicherten Ergebnisse waren beschädigt ({ $why }) und konnten nicht gelesen werden; dieser Browser beginnt neue Ergebnisse
core-rec-unknown-competition = im Wettbewerb { $competition } gespielt, dessen Datei fehlt: importieren Sie mit `--competition DATEI`, damit sein Startwert geprüft werden kann
core-rec-not-their-seed = der Startwert { $seed } gehört zu keinem von { $name }s Gesprächen im Wettbewerb { $competition }
help-records-import--competitions = Die Wettbewerbsdateien der Wettbewerbsergebnisse (dazu jede `*.competition.ron` in `--dialogues`): der Startwert jedes solchen Ergebnisses muss der seines Spielers sein
cli-certify-not-one = { $file } ist ein Wettbewerb, keine Zertifizierung (ohne `certification`)
cli-certify-head = { $name } ({ $id }): Bestehensgrenze { $pass }, { $attempts } Versuche je Gespräch, fällig { $due }
cli-certify-valid = Gültig: { $player } hat { $name } am { $date } bestanden.
cli-certify-invalid = Nicht gültig: { $why }
cli-certify-until = gültig bis { $date }
cli-certify-refused = nicht gezählt: { $id } ({ $why })
cert-state-in-progress = läuft
cert-state-overdue = überfällig
cert-state-passed = bestanden
cert-state-expired = abgelaufen
cert-state-failed = nicht bestanden
cert-call-passed = bestanden ({ $attempts ->
    [one] 1 Versuch
   *[other] { $attempts } Versuche
})
cert-call-open = noch nicht bestanden ({ $attempts ->
    [one] 1 Versuch
   *[other] { $attempts } Versuche
}, { $left } übrig)
cert-call-failed = nicht bestanden ({ $attempts ->
    [one] 1 Versuch
   *[other] { $attempts } Versuche
})
help-certify = Zertifizierungen: wer bestanden hat, wer nicht, wer überfällig ist, Zertifikate und die Prüfung ihrer Codes
help-certify--db = Ergebnisdatenbank (Voreinstellung: `PEERCALL_DB`, sonst der Datenordner des Systems)
help-certify-status = Wer bestanden hat, wer nicht, wer überfällig ist; mit `--player` das Urteil dieser Person Gespräch für Gespräch und Regel für Regel
help-certify-status--file = Die Zertifizierungsdatei (eine Wettbewerbsdatei mit `certification`)
help-certify-status--player = Nur diese Person, ausführlich
help-certify-status--records = Die Ergebnisse aus diesem Export lesen statt aus der Ergebnisdatenbank
help-certify-status--dialogues = Szenarioordner (Voreinstellung: die eingebauten Szenarien)
help-certify-verify = Den Prüfcode eines Zertifikats prüfen, indem die Ergebnisse der Person nachgespielt werden: Ende mit 0, wenn es gültig ist, mit 1, wenn nicht
help-certify-verify--file = Die Zertifizierungsdatei, die das Zertifikat nennt
help-certify-verify--player = Die Person, die das Zertifikat nennt
help-certify-verify--code = Der Prüfcode auf dem Zertifikat
help-certify-verify--records = Die Ergebnisse aus diesem Export lesen statt aus der Ergebnisdatenbank
help-certify-verify--dialogues = Szenarioordner (Voreinstellung: die eingebauten Szenarien)
help-certify-certificate = Das Zertifikat einer Person als PDF schreiben: die Gespräche, die Punkte, die Daten und der Prüfcode
help-certify-certificate--file = Die Zertifizierungsdatei (eine Wettbewerbsdatei mit `certification`)
help-certify-certificate--player = Die Person, deren Zertifikat es ist
help-certify-certificate--team = Ihr Team, unter dem Namen gedruckt
help-certify-certificate--records = Die Ergebnisse aus diesem Datensatz-Export lesen statt aus der Datenbank
help-certify-certificate--dialogues = Szenario-Ordner (Voreinstellung: die eingebauten Szenarien)
help-certify-certificate--output = Die zu schreibende PDF-Datei
cli-certify-written = { $file } geschrieben: das Zertifikat mit dem Code { $code }
cli-certify-no-pass = { $player } hat kein Bestehen, für das sich ein Zertifikat drucken ließe (Stand: { $state })
cert-verdict = Zertifizierung { $state }: { $overall }/{ $pass } insgesamt
cert-code = Prüfcode { $code }
core-cmi5-missing = dem Start fehlt `{ $name }`: öffnen Sie diesen Kurs aus Ihrem Lernsystem
core-cmi5-bad = `{ $name }` im Start ist ungültig
core-scorm-bad = `{ $name }` vom Lernsystem ist ungültig (SCORM)
core-cmi5-launch-data = die Startdaten des Lernsystems sind nicht lesbar: { $why }
core-lms-url = die Adresse des Spiels muss eine vollständige http(s)-Adresse sein, etwa https://hub.example.com/play/, nicht { $url }
cli-lms-mastery = `--mastery` muss zwischen 0 und 1 liegen
cli-lms-description = Verkaufsgespräche mit Interessenten: erst einen Peer-Vertrag schließen, nach dem Geschäft hinter der Anfrage fragen, und erst dann die Zeit Ihres Unternehmens zusagen.
cli-lms-written = { $file } geschrieben: ein { $kind }-Kurs mit { $count } Gesprächen
help-lms = Kurspakete für Lernsysteme: cmi5 und SCORM
help-lms-cmi5 = Ein cmi5-Kurspaket schreiben: eine zuweisbare Einheit je Gespräch, gestartet aus dem Webspiel
help-lms-cmi5--url = Die Adresse des Webspiels auf dem Hub, z. B. `https://hub.example.com/play/`
help-lms-cmi5--calls = Die Gespräche, nach Szenario-ID (Voreinstellung: alle eingebauten Gespräche, der Einarbeitungspfad)
help-lms-cmi5--certification = Eine Zertifizierungsdatei: ihre Gespräche, jedes mit seiner Bestehensgrenze als Mastery-Score
help-lms-cmi5--mastery = Der Mastery-Score (0 bis 1) jedes Gesprächs, wenn keine Zertifizierung ihn festlegt
help-lms-cmi5--title = Der Titel des Kurses
help-lms-cmi5--output = Das zu schreibende Paket (ein ZIP)
help-lms-scorm--output = Das zu schreibende Paket (ein ZIP)
help-lms-scorm--title = Der Titel des Kurses
help-lms-scorm--mastery = Der Mastery-Score (0 bis 1) jedes Gesprächs, wenn keine Zertifizierung ihn festlegt
help-lms-scorm--certification = Eine Zertifizierungsdatei: ihre Gespräche, jedes mit seiner Bestehensgrenze als Mastery-Score
help-lms-scorm--calls = Die Gespräche, nach Szenario-ID (Voreinstellung: alle eingebauten Gespräche, der Einarbeitungspfad)
help-lms-scorm--web = Der Ordner des Webspiels (gebaut von `scripts/build-web.sh`)
help-lms-scorm--version = Die SCORM-Version, die das Lernsystem annimmt: `2004` (4. Ausgabe) oder `1.2`
help-lms-scorm = Ein SCORM-Paket schreiben: ein SCO je Gespräch, das Webspiel darin (kein Server nötig)
cli-lms-no-web = kein Webspiel in { $dir }: mit scripts/build-web.sh bauen oder seinen Ordner mit --web nennen
cli-lms-origin = `--lms-origin` erwartet einen reinen Ursprung wie https://lms.example.com, nicht { $origin }
help-serve--lms_origins = Ein Lernsystem, an das das Webspiel Lerndaten senden darf, wenn es das Spiel startet (cmi5), als Ursprung: `https://lms.example.com` (`PEERCALL_LMS_ORIGINS`, durch Kommas getrennt)
web-lms-launch = peercall konnte nicht aus Ihrem Lernsystem starten: { $why }
