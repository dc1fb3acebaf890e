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
