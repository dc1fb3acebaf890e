# Die Wörter der Engine auf Deutsch: was `peercall check` (und der Fehlerbildschirm des Spiels)
# über eine Szenariodatei sagt. Dieselben Meldungen wie in `en.ftl`; ein Test prüft, dass keine
# fehlt. Die Argumente ($name) setzt die Engine ein: IDs, Zahlen und Listen so, wie sie in der
# Datei stehen. Feldnamen in `...` bleiben englisch, denn so stehen sie in der Datei.

## Gemeinsame Markierungen unter der betroffenen Stelle

label-here = hier
label-empty = leer
label-second-definition = zweite Definition
label-second-use = zweite Verwendung
label-unknown-id = unbekannte ID
label-unknown-ending = unbekanntes Ende
label-unknown-truth = unbekannte Wahrheit
label-never-set = wird nie gesetzt
label-never-said = wird nie ausgesprochen
label-never-reached = wird nie erreicht
label-unreachable = unerreichbar
label-no-choices = keine Antworten
label-stuck = in einer Schleife gefangen
label-also-a-node = auch ein Knoten
label-cannot-be-won = nicht zu gewinnen
label-won-without-method = ohne die Methode gewonnen
label-hang-up-rule = hier ist die Auflegeregel eingeschaltet

## Die Datei lesen

load-not-found = diese Datei gibt es nicht
load-permission-denied = Sie dürfen diese Datei nicht lesen
load-is-a-folder = das ist ein Ordner, keine Szenariodatei
load-unreadable = die Datei lässt sich nicht lesen: { $error }
load-unreadable-help = Prüfen Sie den Pfad und ob Sie die Datei lesen dürfen
load-not-utf8 = diese Datei ist kein UTF-8-Text
load-not-utf8-label = ab hier ist der Text kein UTF-8 mehr
load-not-utf8-help = Szenarien sind reine Textdateien in UTF-8. Ist das die richtige Datei? Speichern Sie sie im Editor noch einmal als UTF-8.
load-empty = diese Datei ist leer
load-empty-help = ein Szenario beginnt mit `Scenario(`; `peercall new ID` legt eine Vorlage an
load-binary = das sieht nach einer Binärdatei aus, nicht nach einem RON-Szenario
load-binary-label = ein NUL-Byte
load-binary-help = Szenarien sind reine Textdateien mit der Endung .ron
load-too-deep = Klammern sind tiefer als { $max } Ebenen verschachtelt
load-too-deep-label = diese Klammer liegt zu tief
load-too-deep-help = so tief verschachtelt ist kein Szenario; vermutlich fehlt irgendwo eine schließende Klammer
load-json = erwartet wird `Scenario(`, die Datei sieht aber nach JSON aus
load-json-help = Szenarien werden in RON geschrieben: `Scenario( id: "...", title: "...", ... )`. Siehe docs/authoring.md
load-wrong-struct = erwartet wird `{ $expected }(`, gefunden wurde `{ $found }(`
load-wrong-struct-help = diese Datei muss ein `{ $expected }` beschreiben
load-unknown-field = unbekanntes Feld `{ $field }`{ $outer ->
        [Scenario] {" "}im Szenario
        [Node] {" "}in einem Knoten
        [Choice] {" "}in einer Antwort
        [Ending] {" "}in einem Ende
        [Persona] {" "}beim Interessenten
        [Player] {" "}beim Spieler
        [TrustSettings] {" "}in den Vertrauenseinstellungen
        [StateLine] {" "}in einer Zustandszeile (`lines_if`)
        [Reaction] {" "}in einer Reaktion (`react_if`)
        [none] {""}
       *[other] {" "}in { $outer }
    }
load-missing-field = das Feld `{ $field }` fehlt{ $outer ->
        [Scenario] {" "}im Szenario
        [Node] {" "}in einem Knoten
        [Choice] {" "}in einer Antwort
        [Ending] {" "}in einem Ende
        [Persona] {" "}beim Interessenten
        [Player] {" "}beim Spieler
        [TrustSettings] {" "}in den Vertrauenseinstellungen
        [StateLine] {" "}in einer Zustandszeile (`lines_if`)
        [Reaction] {" "}in einer Reaktion (`react_if`)
        [none] {""}
       *[other] {" "}in { $outer }
    }
load-missing-field-help = ergänzen Sie hier `{ $field }: ...`
load-fields = Felder an dieser Stelle: { $fields }
load-fields-guess = meinten Sie `{ $guess }`? Felder an dieser Stelle: { $fields }
load-unknown-variant = `{ $found }` ist { $what ->
        [Signal] kein bekanntes Signal
        [Effect] keine bekannte Wirkung (`effects`)
        [Condition] keine bekannte Bedingung
        [Outcome] kein bekannter Ausgang
        [Difficulty] kein bekannter Schwierigkeitsgrad
        [none] kein bekannter Wert
       *[other] als { $what } unbekannt
    }
load-variants = bekannt sind: { $known }
load-variants-guess = meinten Sie `{ $guess }`? Bekannt sind: { $known }
load-duplicate-field = das Feld `{ $field }` steht zweimal da
load-duplicate-field-help = behalten Sie eines davon
load-eof = die Datei endet mitten im Szenario
load-eof-help = vermutlich fehlt eine schließende Klammer oder ein Anführungszeichen
load-unclosed = diese `{ $open }` wird nie geschlossen
load-unclosed-label = hier geöffnet
load-unclosed-help = nach dem, was sie öffnet, fehlt eine `{ $close }`; das Lesen hielt in Zeile { $line } an, wo zuerst etwas anderes kam
load-quote-in-text = ein Anführungszeichen im Text beendet ihn zu früh
load-quote-in-text-label = der Text endete kurz davor
load-quote-in-text-help = schreiben Sie ein Anführungszeichen im Satz als \", etwa "Sie sagte \"ja\"", oder nehmen Sie ' statt "
load-decimal-comma = Dezimalzahlen werden mit einem Punkt geschrieben
load-decimal-comma-help = schreiben Sie `{ $number }`, nicht `{ $written }`: ein Komma trennt Felder
load-expected-comma = hier fehlt ein Komma
load-expected-comma-help = Felder und Listeneinträge werden durch Kommas getrennt
load-expected-string = erwartet wird Text in doppelten Anführungszeichen
load-expected-string-help = schreiben Sie Text so: "dieser"; ein Anführungszeichen im Text schreibt man \"
load-expected-integer = erwartet wird eine ganze Zahl
load-expected-integer-help = Vertrauenswerte sind ganze Zahlen wie 5 oder -8
load-trailing = nach dem Ende des Szenarios steht noch Text
load-trailing-help = alles gehört in `Scenario( ... )`; suchen Sie nach einer überzähligen schließenden Klammer
load-invalid-value = erwartet wird { $expected }, gefunden wurde { $found }

## Prüfungen: die Eckdaten des Szenarios

check-empty-field = `{ $field }` ist leer
check-no-prospect-name = der Interessent hat keinen Namen
check-bad-days-needed = `days_needed` muss null oder mehr Personentage betragen
check-bad-patience = `patience` muss eine positive Zahl von Sekunden sein
check-bad-patience-help = lassen Sie das Feld weg, um die Geduld abzuschalten
check-trust-range-empty = der Vertrauensbereich { $min }..{ $max } ist leer
check-trust-start-outside = das Vertrauen beginnt bei { $start }, außerhalb des Bereichs { $min }..{ $max }
check-hang-up-outside = `hang_up_below` { $value } liegt außerhalb des Bereichs { $min }..{ $max }
check-trust-start-below-hang-up = das Vertrauen beginnt bei { $start } und damit schon unter `hang_up_below` { $value }
check-no-hang-up-ending = es gibt kein Ende `{ $id }` für den Fall, dass der Interessent auflegt
check-no-hang-up-ending-help = legen Sie ein Ende `"{ $id }": (outcome: Lost, lesson: "...")` an, nennen Sie mit `hang_up: "..."` ein anderes, oder schalten Sie die Regel mit `hang_up_below: 0` ab
check-hang-up-not-lost = das Ende beim Auflegen, `{ $id }`, hat nicht den Ausgang `Lost`

## Prüfungen: IDs

check-duplicate-node = der Knoten `{ $id }` ist zweimal definiert
check-duplicate-ending = das Ende `{ $id }` ist zweimal definiert
check-duplicate-id-help = IDs müssen eindeutig sein; benennen Sie eine davon um
check-node-and-ending = `{ $id }` ist zugleich ein Knoten und ein Ende
check-node-and-ending-help = ein `next` könnte die beiden nicht unterscheiden; benennen Sie eines um
check-bad-choice-id = die Antwort-ID `{ $id }` kann keine Zeile benennen
check-bad-choice-id-help = verwenden Sie bis zu 80 Buchstaben, Ziffern, Bindestriche und Punkte
check-duplicate-choice-id = die Antwort-ID `{ $id }` kommt zweimal vor (zuerst im Knoten `{ $first }`)
check-duplicate-choice-id-help = eine Übersetzung könnte die Zeilen nicht auseinanderhalten; benennen Sie eine um
check-no-nodes = das Szenario hat keine Knoten
check-no-endings = das Szenario hat keine Enden
check-never-offered = diese Antwort kann nie zur Wahl stehen: { $why } können nicht zusammen gelten
check-reaction-never-applies = eine Reaktion dieser Antwort greift nie: { $why } können nicht zusammen gelten
check-line-never-said = ein Zustandssatz bei `{ $node }` wird nie gesagt: { $why } können nicht zusammen gelten
check-never-holds-label = nie
check-never-offered-help = eine Antwort steht zur Wahl, wenn jede Bedingung in ihrem `requires` gilt; streichen Sie eine davon, oder teilen Sie die Antwort in zwei
check-never-holds-help = jede Bedingung einer `when`-Liste muss zugleich gelten (`{ $what }`-Eintrag { $n }); streichen Sie eine davon, oder schreiben Sie zwei Einträge
check-by-truth-not-ending = `{ $id }` in `by_truth` ist kein Ende: eine Wahrheit kann das Gespräch nur zu einem anderen Ende weiterschicken
check-by-truth-chain = `{ $id }` in `by_truth` schickt das Gespräch erneut weiter
check-by-truth-chain-help = schicken Sie jede Wahrheit direkt zu ihrem letzten Ende
check-did-you-mean = meinten Sie `{ $id }`?
check-start-is-ending = der Start `{ $id }` ist ein Ende; ein Gespräch muss bei einem Knoten beginnen
check-start-not-a-node = der Start `{ $id }` ist kein Knoten

## Prüfungen: Knoten, Antworten und Enden

check-node-silent = im Knoten `{ $node }` hat der Interessent nichts zu sagen
check-node-silent-help = schreiben Sie mindestens eine Zeile in `prospect: ["..."]`
check-state-line-empty = die Zustandszeile { $number } im Knoten `{ $node }` hat keine Varianten
check-empty-prospect-line = der Knoten `{ $node }` hat eine leere Zeile des Interessenten
check-no-choices = der Knoten `{ $node }` hat keine Antworten: von hier aus geht das Gespräch nicht weiter
check-no-choices-help = fügen Sie Antworten hinzu, oder lassen Sie die Zeilen, die hierher führen, auf ein Ende zeigen
check-maybe-stuck = jede Antwort im Knoten `{ $node }` hat Bedingungen: Trifft keine zu, kommt der Spieler nicht weiter
check-maybe-stuck-help = geben Sie mindestens einer Antwort kein `requires`
check-choice-silent = die Antwort { $number } im Knoten `{ $node }` sagt nichts
check-trust-change = eine Vertrauensänderung von { $change } ist größer als das ganze Barometer ({ $min }..{ $max })
check-unknown-next = `{ $id }` ist weder ein Knoten noch ein Ende
check-commit-days = `Commit` braucht eine positive Zahl von Personentagen, nicht { $days }
check-commit-what = `Commit` sagt nicht, wofür die Zeit ist
check-trust-condition = die Vertrauensbedingung { $value } liegt außerhalb des Bereichs { $min }..{ $max }
check-no-lesson = das Ende `{ $id }` hat keine Lehre
check-no-lesson-help = sagen Sie in einem Satz, was der Spieler mitnehmen soll
check-unset-flag = Bedingung auf das Flag `{ $flag }`, das nirgends gesetzt wird
check-unset-flag-guess = meinten Sie `{ $flag }`? Flags werden mit der Wirkung `Set("...")` gesetzt
check-unset-flag-help = setzen Sie es bei einer Antwort mit der Wirkung `Set("...")`

## Prüfungen: Wahrheiten

check-too-many-truths = { $count } Wahrheiten; ein Szenario darf höchstens { $max } festlegen
check-truth-days = die Wahrheit `{ $truth }` braucht { $days } Personentage; geben Sie eine Zahl von Tagen an, 0 oder mehr
check-truth-fits-unknown = die Wahrheit `{ $truth }` passt zu `{ $ending }`, aber das ist kein Ende
check-endings-are = die Enden sind: { $list }
check-unheard-truth = keine eigene Zeile des Interessenten verrät die Wahrheit `{ $truth }`: Der Spieler kann nicht hören, in welcher Lage das Gespräch steckt
check-unheard-truth-help = geben Sie der Antwort auf eine Frage zum Geschäft eine eigene Zeile dafür, anders als das, was die anderen Lagen hören: `lines_if: [(when: [Truth("{ $truth }")], prospect: ["..."])]` (ein Satz, den alle Lagen teilen, verrät nichts)
check-unknown-truth = Bedingung auf die Wahrheit `{ $truth }`, die nicht festgelegt ist
check-declare-truths = legen Sie die Lagen hinter der Anfrage in `truths: {"{"} ... {"}"}` fest
check-truths-are = die Wahrheiten sind: { $list }
check-too-many-flags = { $count } verschiedene Flags; ein Szenario darf höchstens { $max } verwenden
check-no-peer-win = in der Wahrheit `{ $truth }` endet kein Weg aus Peer-Signalen bei einem Ende, das zu ihr passt
check-no-peer-win-help = lassen Sie den Peer-Weg eines ihrer `fits`-Enden erreichen, oder lassen Sie sie zu dem Ende passen, das Peer-Spiel erreicht
check-advocate-wins = in der Wahrheit `{ $truth }` endet ein Weg, der nur den Kunden bedient (Anwalt des Kunden), bei einem Ende, das zu ihr passt
check-advocate-wins-help = wer nur den Kunden bedient, sollte in jeder Wahrheit verschwendet oder verloren enden: `peercall analyze` zeigt den Weg

## Prüfungen: der Graph

check-unreachable-node = der Knoten `{ $node }` ist vom Start aus nicht zu erreichen
check-unreachable-node-help = lassen Sie das `next` einer Antwort auf ihn zeigen, oder entfernen Sie ihn
check-no-ending = vom Knoten `{ $node }` aus ist kein Ende zu erreichen
check-only-hang-up = von hier aus kann nur das Auflegen des Interessenten das Gespräch beenden
check-loops-forever = das Gespräch liefe endlos im Kreis: fügen Sie eine Antwort hinzu, die zu einem Ende führt
check-unreachable-ending = kein Weg führt zum Ende `{ $id }`
check-no-peer-contract = kein Weg schließt einen Peer-Vertrag
check-no-peer-contract-help = geben Sie dem Spieler die Gelegenheit, einen vorzuschlagen: eine Antwort mit `effects: [PeerContract]`
check-no-commitment = kein Weg sagt Ressourcen zu
check-no-commitment-help = der Spieler sollte in Versuchung kommen, etwas zuzusagen: eine Antwort mit `effects: [Commit(days: 10, what: "...")]`

## Zusammenfassungen

findings-one-more = ... und 1 weiterer Befund (`peercall check { $file }` zeigt alle)
findings-more = ... und { $count } weitere Befunde (`peercall check { $file }` zeigt alle)

## Die Analyse (`peercall analyze`)

analyze-head = { $scenario }: { $states } verschiedene Zustände{ $exhaustive ->
        [yes] , jeder Weg erkundet
       *[no] {" "}(zu groß: nur Stichproben)
    }{ $cycles ->
        [yes] ; manche Zustände wiederholen sich, die Zahl der Wege ist also eine Untergrenze
       *[no] {""}
    }
analyze-picks-note = Wege sind die Plätze der Sätze in der Datei (`peercall run --picks ... --truth ...`).
analyze-endings = Enden:
analyze-ending-row = { $count } { $paths ->
        [one] Weg{" "}
       *[other] Wege
    }  Punkte { $score }  Vertrauen { $trust }  bester: { $best }
analyze-unreachable = unerreichbar
analyze-highest = Bester Weg:        { $choices } -> { $ending } ({ $outcome }, { $score } Punkte)
analyze-lowest = Schlechtester Weg: { $choices } -> { $ending } ({ $outcome }, { $score } Punkte)
analyze-dead-end-count = Sackgassen: { $count }
analyze-random = { $runs } Zufallsspieler (Startwert { $seed }): im Mittel { $mean } Punkte, Spanne { $min }-{ $max }
analyze-never-ended = (nie beendet)
analyze-truth = Wahrheit `{ $id }` ({ $title }):
analyze-truth-row = { $count } { $paths ->
        [one] Weg{" "}
       *[other] Wege
    }  Punkte { $score }
analyze-truth-best = bester: { $choices } -> { $ending } ({ $score } Punkte)
analyze-habits = Feste Spielweisen, je { $calls } Gespräche (gewonnen: qualifiziert bei einem Ende, das zur Wahrheit passt; mittlere Punktzahl{ $per_truth ->
        [yes] ; gewonnen je Wahrheit
       *[no] {""}
    }):
analyze-habit-row = gewonnen { $won } %  Punkte { $score }
analyze-no-warnings = Keine Warnungen.
analyze-warning = Warnung: { $warning }
analyze-outcome = { $outcome ->
        [QualifiedIn] qualifiziert
        [QualifiedOut] herausqualifiziert
        [Wasted] verschwendet
       *[Lost] verloren
    }
analyze-habit = { $habit ->
        [Advocate] Anwalt des Kunden
        [PeerSounding] klingt nach Peer, hört nicht zu
        [Meter] was das Barometer bisher am meisten hob
        [First] immer der erste Satz
        [Last] immer der letzte Satz
        [Longest] immer der längste Satz
        [Random] ein zufälliger Satz
        [SameKeys] die Tasten, die das erste Gespräch gewonnen haben
        [SameLines] die Sätze, die das erste Gespräch gewonnen haben
       *[Listener] hört zu und entscheidet nach dem Gehörten
    }
analyze-in-truth = in der Wahrheit `{ $truth }`: { $warning }
analyze-dead-ends = { $count ->
        [one] 1 Zustand bietet
       *[other] { $count } Zustände bieten
    } keine Antwort an: Das Gespräch bleibt stecken (siehe `requires`)
analyze-too-large = das Szenario hat mehr als { $limit } verschiedene Zustände: zu groß, um jeden Weg aufzuzählen, deshalb wurden nur Zufallsspieler ausprobiert
analyze-unreached-no-line = das Ende `{ $id }` wird auf keinem Weg erreicht: kein `next` und keine Reaktion führt dorthin
analyze-unreached-node = das Ende `{ $id }` wird auf keinem Weg erreicht: nur Antwort { $choice } bei `{ $node }` führt dorthin, und das Gespräch erreicht `{ $node }` nie
analyze-unreached-not-offered = das Ende `{ $id }` wird auf keinem Weg erreicht: Antwort { $choice } bei `{ $node }` führt dorthin, steht dort aber nie zur Wahl (sie verlangt { $when })
analyze-unreached-reaction = das Ende `{ $id }` wird auf keinem Weg erreicht: Antwort { $choice } bei `{ $node }` führt nur dorthin, wenn { $when } gelten, und das geschieht dort nie
analyze-unreached-overridden = das Ende `{ $id }` wird auf keinem Weg erreicht: Antwort { $choice } bei `{ $node }` führt dorthin, aber jedes Mal schickt eine Reaktion das Gespräch anderswohin
analyze-never-reached = das Ende `{ $id }` wird auf keinem Weg erreicht
analyze-unfinished = { $count ->
        [one] 1 Zufallsspieler war
       *[other] { $count } Zufallsspieler waren
    } nach { $lines } Sätzen noch im Gespräch: eine Schleife endet nie
analyze-blind-meter = falsche Lehre: bei `{ $node }` entscheidet Antwort { $choice } („{ $say }“) das Gespräch in jeder Wahrheit anders, bewegt das Vertrauen aber in jeder um { $trust }: Das Barometer belohnt sie, ob sie zum Gesagten passt oder nicht; geben Sie ihr ein `react_if` auf `Truth(...)`, damit der Interessent auf die Lage reagiert
analyze-tell = falsche Lehre: bei `{ $node }` steht Antwort { $choice } („{ $say }“) in manchen Wahrheiten zur Wahl und in anderen nicht, bevor der Interessent gesagt hat, welche es ist: Die Antworten auf dem Bildschirm verraten die Lage; bieten Sie sie erst nach einem Satz an, der die Wahrheit sagt, oder in jeder Wahrheit
analyze-told-late = falsche Lehre: Das Gespräch erreicht die Entscheidung bei `{ $node }`, bevor der Interessent gesagt hat, was los ist (erst dort gesagt oder gar nicht): Lassen Sie die Wahrheit mindestens einen Zug vorher sagen, damit man sie hört und dann entscheidet
analyze-deaf-win = falsche Lehre: dieselben Antworten gewinnen in jeder Wahrheit, was auch immer der Interessent sagt (Antworten { $choices } in der Reihenfolge der Datei): Man kann das Gespräch gewinnen, ohne zuzuhören; lassen Sie die richtige Entscheidung vom Gehörten abhängen
analyze-advocate-qualified = falsche Lehre: ein Weg nur aus Signalen des Anwalts des Kunden endet qualifiziert (Antworten { $choices } -> { $ending })
analyze-advocate-scores = falsche Lehre: ein Weg nur aus Signalen des Anwalts des Kunden erreicht { $points } Punkte (Antworten { $choices } -> { $ending })
analyze-advocate-above-peer = falsche Lehre: ein Weg des Anwalts des Kunden erreicht { $points } Punkte, mehr als der beste Peer-Weg ({ $peer }) (Antworten { $choices } -> { $ending })
analyze-peer-wasted = falsche Lehre: ein Weg nur aus Peer-Signalen endet mit verschwendeten Ressourcen (Antworten { $choices } -> { $ending })
analyze-cue-longest = Oberflächenhinweis: Der längste Satz ist in { $share } % der Entscheidungen, die Sätze des Anwalts des Kunden und Peer-Sätze mischen, ein Peer-Satz; man kann nach Länge gewinnen, ohne zu lesen (variieren Sie die Längen der Formulierungen mit `also`; am häufigsten bei { $nodes })
analyze-cue-position = Oberflächenhinweis: Der Satz an Nummer { $number } ist in { $share } % der Entscheidungen, die Sätze des Anwalts des Kunden und Peer-Sätze mischen, ein Peer-Satz; mischen Sie die Antworten (`shuffle: true`) oder ordnen Sie sie um

## Testdurchläufe (`peercall test`)

test-no-truth = das Szenario legt keine Wahrheit `{ $id }` fest
test-choices-or-picks = geben Sie die Antworten entweder als `choices` (die gezeigten Nummern) oder als `picks` (die Plätze in der Datei) an
test-not-offered = Zug { $turn } (bei `{ $at }`): die Antwort { $number } steht nicht zur Wahl (wählen Sie 1 bis { $offered })
test-over = Zug { $turn } (bei `{ $at }`): das Gespräch ist schon zu Ende

## Ein Gespräch, das einen Zug ablehnt

call-not-offered = Zug { $turn }: die Antwort { $number } steht nicht zur Wahl (wählen Sie 1 bis { $offered })
call-over = das Gespräch ist schon zu Ende
call-wrong-scenario = dieses Gespräch wurde aus dem Szenario { $saved } gespeichert, nicht aus { $given } (oder das Szenario hat sich seitdem geändert)
test-went-elsewhere = Zug { $turn }: Antwort { $choice } bei `{ $at }` führte zu `{ $now }`, erwartet war `{ $expected }`
test-ended-early = Zug { $turn }: das Gespräch endete bei `{ $now }`, obwohl noch { $left ->
        [one] 1 Antwort
       *[other] { $left } Antworten
    } zu spielen waren
test-wrong-ending = endete bei `{ $got }`, erwartet war `{ $want }`
test-not-over = das Gespräch ist nach { $count ->
        [one] 1 Antwort
       *[other] { $count } Antworten
    } nicht zu Ende (bei `{ $at }`), erwartet war das Ende `{ $want }`
test-wrong-outcome = Ausgang { $got ->
        [QualifiedIn] qualifiziert
        [QualifiedOut] herausqualifiziert
        [Wasted] Ressourcen verschwendet
        [Lost] Interessent verloren
       *[none] keiner (noch nicht zu Ende)
    }, erwartet war { $want ->
        [QualifiedIn] qualifiziert
        [QualifiedOut] herausqualifiziert
        [Wasted] Ressourcen verschwendet
       *[Lost] Interessent verloren
    }
test-trust-low = Vertrauen am Ende { $trust }, erwartet war mindestens { $min }
test-trust-high = Vertrauen am Ende { $trust }, erwartet war höchstens { $max }
test-score-low = { $score } Punkte, erwartet waren mindestens { $min }
test-score-high = { $score } Punkte, erwartet waren höchstens { $max }
test-days-high = { $days } Personentage zugesagt, erwartet waren höchstens { $max }
test-no-peer-contract = kein Peer-Vertrag geschlossen, erwartet war einer
test-unwanted-peer-contract = ein Peer-Vertrag geschlossen, erwartet war keiner
test-flag-unset = das Flag `{ $flag }` ist am Ende nicht gesetzt
