# roundtables Worte auf Deutsch (siehe en.ftl).

## Datum und Uhrzeit: „Dienstag, 6. Oktober 2026, 18:30 MESZ“.
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
date-time = { $weekday }, { $day }. { $month } { $year }, { $time } Uhr { $zone }

hello = Hallo { $name },
# $leave: der Befehl LEAVE auf Deutsch (ABMELDEN)
footer-answer = Antworte einfach auf diese Mail. Keine Mails mehr? Antworte mit { $leave } im Betreff.

takeaways = { $count ->
    [one] eine Erkenntnis
   *[other] { $count } Erkenntnisse
}
open-topics = { $count ->
    [one] ein offenes Thema
   *[other] { $count } offene Themen
}

## Der Link im Fuß und die Ein-Klick-Knöpfe (sie beginnen eine Antwort; erst das Senden ändert etwas).
footer-leave-link = Mit einer Mail austreten
button-yes = Ja, ich komme
button-maybe = Vielleicht
button-no = Nein
button-propose = Thema vorschlagen
button-plus-one = +1 für dieses Thema
button-takeaway = Erkenntnis schicken
button-join = Der Gruppe beitreten
button-no-thanks = Nein danke
button-help = Was kann ich tun? (HELP)
topic-carried = übernommen
guest-mark = { $name } (Gast)

## Die Einladung zum Treffen.
meets-on = { $community } trifft sich am { $when }.
meets-on-at = { $community } trifft sich am { $when }, Ort: { $place }.
will-you-come = Bist du dabei? Antworte einfach mit JA, NEIN oder VIELLEICHT (gern mit einer Notiz: „ja, komme 15 Min. später“).
will-you-come-html = Bist du dabei? Klick unten auf eine Antwort (sie beginnt eine Mail, die du nur noch abschicken musst) oder antworte einfach mit JA, NEIN oder VIELLEICHT (gern mit einer Notiz: „ja, komme 15 Min. später“).
preheader-announcement = { $community } trifft sich am { $when }. Bist du dabei?

## Themensuche.
cft-intro = { $community } trifft sich am { $when }. Worüber wollen wir reden?
cft-how = Antworte mit deinen Themen – eins pro Zeile, gern mit einer Zeile Details darunter. Um ein Thema unten zu unterstützen, antworte „+1 #3“ (oder „+1 für 2 und 5“).
cft-none = Noch keine Themen: Deins könnte das erste sein.
cft-open = Offene Themen:
preheader-cft = Worüber wollen wir am { $when } reden?

## Die Tagesordnung.
agenda-intro = Die Tagesordnung für { $community } am { $when }.
agenda-intro-at = Die Tagesordnung für { $community } am { $when }, Ort: { $place }.
agenda-no-topics = Es wurden keine Themen vorgeschlagen: Bring mit, was dich beschäftigt.
agenda-topics = Themen, die meistunterstützten zuerst:
agenda-coming = Dabei ({ $count }):
agenda-nobody = noch hat niemand zugesagt
agenda-maybe = Vielleicht ({ $count }):
agenda-late = Noch nicht geantwortet? Antworte mit JA, NEIN oder VIELLEICHT. Ein Thema fällt dir noch ein? Schick es, oder „+1 #n“.
preheader-agenda = { $topics ->
    [one] Ein Thema
   *[other] { $topics } Themen
} für den { $when }; { $coming } dabei.

## Die Erinnerung.
reminder-intro = Zur Erinnerung: { $community } trifft sich am { $when }.
reminder-intro-at = Zur Erinnerung: { $community } trifft sich am { $when }, Ort: { $place }.
reminder-yes = Du hast JA gesagt – bis dann! Klappt es doch nicht? Antworte mit NEIN.
reminder-maybe = Du hast VIELLEICHT gesagt. Weißt du es jetzt? Antworte mit JA oder NEIN.
reminder-none = Du hast noch nicht geantwortet. Bist du dabei? Antworte mit JA, NEIN oder VIELLEICHT.

## Nach dem Treffen.
takeaway-thanks = Danke, dass du am { $when } bei { $community } warst.
takeaway-ask = Was nimmst du mit? Antworte mit einer oder mehreren Erkenntnissen – eine pro Absatz oder Listenpunkt. Sie kommen mit deinem Namen in den nächsten Rückblick, damit die Gruppe behält, was sie gelernt hat.
preheader-takeaway = Was nimmst du von { $community } mit?

## Der Rückblick.
digest-intro = Was { $community } zuletzt gelernt hat.
digest-there = { $count } dabei:
digest-open = Offene Themen (antworte „+1 #n“, um eins zu unterstützen, oder schick ein neues):
digest-next = Nächstes Treffen: { $when }. Antworte auf die Einladung mit JA, NEIN oder VIELLEICHT.
preheader-digest-next = Nächstes Treffen: { $when }.

## Gäste: Einladung und Nachfrage nach dem Besuch.
invite-intro = { $inviter } lädt dich zu { $community } ein.
invite-next = Das nächste Treffen ist am { $when }.
invite-next-at = Das nächste Treffen ist am { $when }, Ort: { $place }.
invite-no-sales = Komm vorbei und schau, ob die Gruppe etwas für dich ist; niemand will dir etwas verkaufen.
invite-rsvp = Bist du dabei? Antworte mit JA, NEIN oder VIELLEICHT oder nutze die Kalender-Knöpfe der angehängten Einladung.
preheader-invitation = { $inviter } lädt dich am { $when } zu { $community } ein.
followup-thanks = Danke für deinen Besuch bei { $community } am { $when }.
followup-join = Möchtest du dabeibleiben? Antworte mit JOIN, dann bekommst du ab jetzt die Mails der Gruppe. Wenn es nichts für dich ist, antworte „nein danke“ – dann schreiben wir nicht mehr.
preheader-followup = Möchtest du bei { $community } mitmachen?

## Verschoben oder abgesagt: $old ist der frühere Termin.
cancelled = { $community } am { $when } fällt aus.
cancelled-calendar = Die angehängte Aktualisierung entfernt den Termin aus deinem Kalender.
moved = { $community } ist verschoben: jetzt am { $when } (statt { $old }).
moved-at = { $community } ist verschoben: jetzt am { $when }, Ort: { $place } (statt { $old }).
moved-answer = Deine Antwort gilt weiter. Ändert der neue Termin etwas, antworte mit JA, NEIN oder VIELLEICHT.
preheader-moved = { $community } ist jetzt am { $when }.

## Willkommen, Antworten und Rückfragen.
welcome-intro = Willkommen bei { $community }! Ab jetzt bekommst du die Mails der Gruppe: Einladungen, Tagesordnungen und Rückblicke.
welcome-help = Antworte einfach auf jede Mail. Schick HELP im Betreff, um zu sehen, was du sonst noch tun kannst.
preheader-welcome = Willkommen bei { $community }.
question-thanks = Danke für deine Antwort.
you-wrote = Du hast geschrieben:
your-note = Deine Notiz:
help-intro = Schick einen Befehl als Betreff einer Mail an die Adresse der Gruppe (groß oder klein geschrieben).
help-coordinators = Für Koordinator:innen
help-example = z. B.
help-dates = Zeiten sind Ortszeit: 2026-12-08 18:30, 08.12.2026 18:30 oder 8 Dec 2026 18:30.

## Worte eines Mitglieds, weitergeleitet an die Koordination.
forwarded-asked = { $member } <{ $address }> hat auf „{ $subject }“ geantwortet (eingetragen als { $answer }) und fragt:
forwarded-words = { $member } <{ $address }> hat auf „{ $subject }“ geantwortet, mit Worten für Menschen, nicht für den Roboter:
forwarded-answer = Antworte auf diese Mail, um { $member } zu antworten: Deine Antwort geht direkt an sie oder ihn.

## Betreffzeilen.
subject-announcement = { $community }: { $when } – bist du dabei?
subject-cancelled = Abgesagt: { $community }, { $when }
subject-moved = Verschoben: { $community } ist jetzt am { $when }
subject-nudge = Noch am Überlegen wegen { $community }?
subject-cft = { $community }, { $when }: Worüber wollen wir reden?
subject-agenda = Tagesordnung: { $community }, { $when }
subject-reminder = Erinnerung: { $community }, { $when }
subject-takeaways = Was nimmst du von { $community } mit?
subject-followup = Möchtest du bei { $community } mitmachen?
subject-invitation = Eine Einladung zu { $community }, { $when }
subject-welcome = Willkommen bei { $community }
subject-your-mail = Deine Mail an { $community }
subject-digest = Rückblick { $community }: { $news }
digest-next-meeting = das nächste Treffen

## LANGUAGE xx, answered.
language-set = Ab jetzt bekommst du die Mails von { $community } auf Deutsch.

## Antworten auf die eigenen Befehle eines Mitglieds.
paused = Pausiert: Du bekommst keine Mails von { $community }, bis du RESUME schickst.
resumed = Willkommen zurück: Du bekommst wieder die Mails von { $community }.
delivery-each = Du bekommst jeden Beitrag an { $community }, sobald er kommt.
delivery-none = Du bekommst keine Beiträge an { $community } mehr; die Mails zu den Treffen kommen weiter. Mit DELIVERY EACH kommen die Beiträge wieder.
topics-none = Keine offenen Themen. Antworte auf eine Themensuche oder schick eine Mail mit „TOPIC: dein Thema“ im Betreff.
topics-list = Offene Themen, die meistunterstützten zuerst (antworte „+1 #n“, um eins zu unterstützen):

### ---- Issue 13, Teil 2: jeder Satz, den der Roboter schreibt (Antworten, Rückfragen,
### Hinweise, HILFE). Am Ende der Datei, damit Zusammenführungen einfach bleiben.

## Ein Tag ohne Uhrzeit: „6. Oktober 2026“.
date-day = { $day }. { $month } { $year }

## HILFE, aus der Befehlstabelle: $word ist das Wort des Befehls auf Deutsch.
help-or = { $usage } (oder { $word })
help-rsvp = für das nächste Treffen zu- oder absagen
help-topics = die offenen Themen, nummeriert
help-search = in früheren Erkenntnissen, Themen und Beiträgen suchen
help-pause = keine Mails von der Gruppe, bis du { $resume } schickst
help-resume = wieder Mails nach { $pause }
help-leave = die Gruppe verlassen
help-join = nach einem Besuch als Gast Mitglied werden
help-language = die Sprache deiner eigenen Mails
help-delivery = Beiträge an die Liste einzeln, einmal am Tag gesammelt oder gar nicht (die Mails zu den Treffen kommen weiter)
help-help = diese Liste
help-schedule = ein neues Treffen
help-reschedule = das nächste Treffen verschieben, oder #id
help-cancel = das nächste Treffen absagen, oder #id
help-invite = einen Gast zum nächsten Treffen einladen
help-add = ein Mitglied aufnehmen
help-remove = jemanden austragen
help-promote = einen Gast zum Mitglied machen
help-attended = wer beim letzten Treffen dabei war
help-agenda = die Tagesordnung jetzt verschicken
help-digest = den Rückblick jetzt verschicken
help-topic = ein Thema abschließen oder vertagen, oder aus einem Gespräch ein Thema machen
help-status = nächstes Treffen, Antworten, Themen, Gäste, wartende Mails
help-usage-rsvp = { $word } YES|NO|MAYBE
help-usage-search = { $word } Suchwörter
help-usage-leave = { $word }
help-usage-language = { $word } xx
help-usage-delivery = { $word } EINZELN|ZUSAMMENFASSUNG|KEINE
help-usage-schedule = { $word } Datum Uhrzeit [Ort]
help-usage-reschedule = { $word } [#id] Datum Uhrzeit [Ort]
help-usage-cancel = { $word } [next|#id] [Grund]
help-usage-invite = { $word } Adresse [Name]
help-usage-add = { $word } Adresse [Name]
help-usage-remove = { $word } Adresse
help-usage-promote = { $word } Adresse
help-usage-attended = { $word } Name, Adresse, …
help-usage-topic = { $word } CLOSE n | { $word } DEFER n | { $word } FROM THREAD n
help-example-search = { $word } Preise Workshops
help-example-delivery = { $word } KEINE
help-example-cancel = { $word } next Raum geschlossen

## Antworten auf Befehle: $word ist der Befehl, wie er geschrieben wurde.
subject-cmd-result = { $word }: { $status ->
    [done] erledigt
   *[other] nicht erledigt
}
subject-cmd-not-understood = { $word }: nicht verstanden
subject-cmd-coordinator-only = { $word }: nur für die Koordination
subject-cmd-refused = { $word }: abgelehnt
subject-cmd-confirm = Bitte bestätigen: { $line }
usage = { $problem }
    So geht's: { $usage }
    Beispiel: { $example }
usage-unknown = Diesen Befehl kenne ich nicht: { $word }.
usage-send-help = schick { $word }, dann bekommst du die Liste der Befehle
usage-at-line = Zeile { $line } im Text: { $problem }
usage-reschedule-needs-when = Bei RESCHEDULE fehlen das neue Datum und die Uhrzeit.
usage-reschedule-needs-when-after = Bei RESCHEDULE fehlen nach dem Treffen das neue Datum und die Uhrzeit.
usage-cancel-date = CANCEL erwartet die Nummer eines Treffens, kein Datum ({ $date }); die Nummern stehen in STATUS.
usage-not-meeting-number = { $written } ist keine Nummer eines Treffens: schreib #12 oder 12 (die Nummern stehen in STATUS).
usage-needs-address = Bei { $word } fehlt die E-Mail-Adresse.
usage-no-address-in = Bei { $word } fehlt die E-Mail-Adresse: in { $written } steht keine.
usage-one-address-at-a-time = { $word } nimmt nur eine Adresse auf einmal; gefunden habe ich { $count }: { $addresses }.
usage-just-one-address = { $word } nimmt nur eine Adresse; lass { $extra } weg.
usage-attended-needs = Bei ATTENDED fehlt, wer da war: Adressen oder Namen in den Betreff, oder eine Person pro Zeile in den Text.
usage-attended-too-many = ATTENDED nennt { $count } Personen; höchstens { $max } gehen auf einmal.
usage-attended-not-a-person = { $written } ist keine Person: ATTENDED gilt immer für das letzte Treffen und braucht keine Nummer.
usage-attended-who-is-who = In { $written } ist nicht zu erkennen, wer wer ist: trenn die Personen mit Kommas.
usage-topic-needs = Bei TOPIC fehlen CLOSE oder DEFER und die Nummer eines Themas.
usage-topic-takes = Nach TOPIC kommt CLOSE, DEFER oder FROM THREAD, nicht { $written }.
usage-topic-needs-number = Bei TOPIC { $sub } fehlt die Nummer des Themas (TOPICS zeigt sie).
usage-topic-one-number = TOPIC { $sub } nimmt nur eine Themennummer; lass { $extra } weg.
usage-not-topic-number = { $written } ist keine Themennummer: schreib 3 oder #3 (TOPICS zeigt sie).
usage-topic-from-thread = Bei TOPIC FROM THREAD fehlt die Nummer des Gesprächs: TOPIC FROM THREAD 12 (STATUS und der Rückblick nummerieren die Gespräche).
usage-not-thread-number = { $written } ist keine Gesprächsnummer: schreib 12 oder #12 (STATUS zeigt sie).
usage-rsvp-needs = Nach RSVP fehlt YES, NO oder MAYBE.
usage-rsvp-not = { $written } ist nicht YES, NO oder MAYBE (RSVP versteht nur diese englischen Wörter; antwortest du einfach auf die Einladung, kannst du es mit deinen eigenen Worten sagen).
usage-delivery-needs = Nach DELIVERY fehlt EINZELN, ZUSAMMENFASSUNG oder KEINE.
usage-delivery-not = { $written } ist nicht EINZELN, ZUSAMMENFASSUNG oder KEINE.
usage-language-needs = Es fehlt die Sprache: en, de, fr, es, nl oder pt.
usage-language-not = { $written } ist keine von en, de, fr, es, nl, pt.
usage-search-needs = Es fehlen die Wörter, nach denen du suchen willst.
usage-takes-nothing = Nach { $word } kommt nichts mehr (da stand { $extra }); schick einfach nur { $word } als Betreff.
usage-control-character = { $what ->
        [place] Der Ort
        [name] Der Name
        [search] Die Suche
       *[reason] Der Grund
    } enthält ein Steuerzeichen ({ $code }); schreib einfachen Text.
usage-too-long = { $what ->
        [place] Der Ort
        [name] Der Name
        [search] Die Suche
       *[reason] Der Grund
    } ist { $count } Zeichen lang; höchstens { $max } sind erlaubt.
usage-name-may-not-contain = Der Name { $name } darf kein { $char } enthalten.
usage-needs-date-time = Bei { $word } fehlen Datum und Uhrzeit.
usage-needs-date-first = Nach { $word } kommt zuerst das Datum, und { $written } ist keins (schreib 2026-12-08, 08.12.2026 oder 8 Dec 2026).
usage-wrong-weekday = Der { $date } ist ein { $is }, kein { $written }.
usage-needs-time = Bei { $word } fehlt die Uhrzeit: schreib sie hinter das Datum, etwa { $date } 18:30.
usage-not-a-time-after = Nach dem Datum braucht { $word } eine Uhrzeit, und { $written } ist keine (schreib { $date } 18:30).
usage-no-such-month = { $written } ist kein Datum: einen Monat { $month } gibt es nicht.
usage-no-such-day = { $written } ist kein Datum: dieser Monat hat keinen { $day }. Tag.
usage-no-time-after-t = In { $written } steht nach dem T keine lesbare Uhrzeit (schreib { $date }T18:30, Ortszeit ohne Zeitzone).
usage-two-digit-year = In { $written } hat die Jahreszahl nur zwei Ziffern: schreib sie mit vier, etwa { $example }.
usage-ambiguous-date = { $written } ist nicht eindeutig (Tag oder Monat zuerst?): schreib das Datum als 2026-12-08 oder 08.12.2026.
usage-needs-day-and-year = Bei { $written } fehlen Tag und Jahr, etwa 8 Dec 2026.
usage-needs-year = Bei { $written } fehlt das Jahr, etwa 8 Dec 2026 18:30.
usage-not-a-time = { $written } ist keine Uhrzeit.
address-space = { $address } ist keine E-Mail-Adresse: sie enthält ein Leerzeichen oder ein Steuerzeichen.
address-too-long = { $address } ist keine E-Mail-Adresse: sie ist { $detail } Zeichen lang (höchstens 254).
address-no-at = { $address } ist keine E-Mail-Adresse: ihr fehlt das @.
address-two-at = { $address } ist keine E-Mail-Adresse: sie hat mehr als ein @.
address-nothing-before = { $address } ist keine E-Mail-Adresse: vor dem @ steht nichts.
address-nothing-after = { $address } ist keine E-Mail-Adresse: nach dem @ steht nichts.
address-local-too-long = { $address } ist keine E-Mail-Adresse: der Teil vor dem @ ist länger als 64 Zeichen.
address-contains = { $address } ist keine E-Mail-Adresse: sie enthält { $detail }.
address-domain-contains = { $address } ist keine E-Mail-Adresse: die Domain enthält { $detail }.
address-domain-no-dot = { $address } ist keine E-Mail-Adresse: der Domain { $detail } fehlt ein Punkt (wie in example.org).
address-domain-malformed = { $address } ist keine E-Mail-Adresse: die Domain { $detail } ist fehlerhaft.
address-dots = { $address } ist keine E-Mail-Adresse: der Teil vor dem @ beginnt oder endet mit einem Punkt, oder hat zwei hintereinander.
address-refused = { $address } ist keine E-Mail-Adresse: Mailserver würden sie ablehnen.
cmd-failed = Das hat nicht geklappt: { $error }
    Es wurde nichts geändert.
cmd-coordinator-only = { $word } kann nur die Koordination von { $community } verwenden.
cmd-refused = Ein Befehl in deinem Namen wurde abgelehnt: { $why }.
    Warst du es? Dann schick ihn von deinem gewohnten Konto (dessen Mailserver muss ihn signieren), oder bitte die Administration, Bestätigungen zu erlauben (coordinator_auth = "dmarc-or-confirm").
refused-name-shows-other-address = im Namen des Absenders („{ $name }“) steht eine andere Adresse als { $address }
refused-auth-failed = unser Mailserver sagt, dass er nicht von { $address } geschickt wurde
refused-auth-missing = unser Mailserver konnte nicht bestätigen, dass er von { $address } kam
cmd-confirm = Bitte bestätigen: { $line }

    Antworte innerhalb von 24 Stunden mit CONFIRM (oder JA / OK) auf diese Mail, dann wird es erledigt. Jede andere Antwort bricht es ab. Warst du es nicht? Dann ignoriere diese Mail oder antworte NEIN: Es passiert nichts.
subject-confirm-cancelled = Nicht bestätigt: abgebrochen
confirm-cancelled = Nicht ausgeführt: { $line }

    In deiner Antwort stand kein CONFIRM (oder YES / OK), deshalb wurde der Befehl abgebrochen, und diese Bestätigung gilt nicht mehr. Wenn du ihn doch geschickt hast, schick ihn noch einmal und antworte mit CONFIRM.
subject-confirm-refused = Bestätigung abgelehnt
confirm-refused = Diese Bestätigung lässt sich nicht verwenden: { $why }. Schick den Befehl noch einmal, dann kommt eine neue.
confirm-unknown = wir kennen sie nicht
confirm-not-yours = sie ging an jemand anderen
confirm-used = sie wurde schon verwendet
confirm-expired = sie ist abgelaufen
cmd-already = { $address } ist schon { $role ->
    [coordinator] in der Koordination
    [guest] Gast
   *[member] Mitglied
} von { $community }{ $state ->
    [active] {""}
    [paused] {" "}(pausiert)
    [bouncing] {" "}(Mails an die Adresse kommen zurück)
   *[other] {" "}({ $state })
}.
cmd-scheduled = Treffen { $id } am { $when } ist geplant. Die Mails dazu folgen dem Zeitplan (roundtable timeline zeigt ihn).
cmd-scheduled-at = Treffen { $id } am { $when } in { $place } ist geplant. Die Mails dazu folgen dem Zeitplan (roundtable timeline zeigt ihn).
cmd-rescheduled = Treffen { $id } ist verschoben auf { $when }; { $count ->
    [one] eine bisher eingeladene Person hat Bescheid bekommen.
   *[other] { $count } bisher eingeladene Personen haben Bescheid bekommen.
}
cmd-cancelled = Treffen { $id } am { $when } ist abgesagt; { $count ->
    [one] eine Person hat Bescheid bekommen.
   *[other] { $count } Personen haben Bescheid bekommen.
}
cmd-added = { $address } ist jetzt Mitglied und hat eine Willkommensmail bekommen.
cmd-removed = { $address } ist ausgetragen und bekommt keine Mails mehr.
cmd-not-member = { $address } ist kein aktives Mitglied von { $community }.
cmd-promoted = { $address } ist jetzt Mitglied und hat eine Willkommensmail bekommen.
cmd-promote-not-guest = { $address } ist schon { $role ->
    [coordinator] in der Koordination
   *[other] Mitglied
}, kein Gast.
cmd-promote-unknown = { $address } ist kein Gast von { $community }: Lade die Person zuerst mit INVITE ein.
cmd-no-meeting-held = Es hat noch kein Treffen stattgefunden.
cmd-attended = Dabei am { $when } ({ $count }): { $names }.
cmd-attended-unknown = Nicht gefunden (prüfe die Schreibweise oder nimm die Adresse): { $names }.
cmd-agenda-now = Die Tagesordnung für { $when } geht jetzt raus.
cmd-digest-now = Der Rückblick geht jetzt raus.
cmd-topic-status = Thema #{ $number } ist { $status ->
    [closed] abgeschlossen
   *[deferred] vertagt
}.
cmd-topic-none = Es gibt kein offenes Thema #{ $number }.
cmd-left = { $address } hat { $community } verlassen.
cmd-rsvp = { $address } hat für { $when } mit { $answer ->
    [yes] JA
    [no] NEIN
   *[maybe] VIELLEICHT
} geantwortet.
cmd-invited = { $address } ist zum { $when } eingeladen. Die Person kann mit JA, NEIN oder VIELLEICHT antworten; nach dem Treffen fragen wir nach, ob sie mitmachen möchte.
join-guest-already = { $address } ist schon { $role ->
    [coordinator] in der Koordination
   *[member] Mitglied
}.
joined-as-member = { $address } ist jetzt Mitglied von { $community }.
search-none = Nichts gefunden zu „{ $words }“.
search-hits = { $count ->
    [one] Ein Treffer
   *[other] { $count } Treffer
} zu „{ $words }“:
search-hit = { $kind ->
    [takeaway] Erkenntnis
    [post] Beitrag
   *[topic] Thema
} von { $author }, { $day }: { $text }

## Absagen, an wer gefragt hat.
err-past = { $when } liegt in der Vergangenheit: Gib ein Datum und eine Uhrzeit in der Zukunft an.
err-meeting-exists = { $community } hat am { $when } schon ein Treffen.
err-no-such-meeting = { $community } hat kein geplantes Treffen { $id } (STATUS zeigt die Nummern).
err-no-upcoming-meeting = { $community } hat kein anstehendes Treffen.
err-invite-no-meeting = Es gibt kein anstehendes Treffen, zu dem { $address } eingeladen werden könnte: Plane zuerst eins mit SCHEDULE.
err-time-does-not-exist = { $time } gibt es in { $zone } nicht (da wird die Uhr vorgestellt): nimm eine andere Uhrzeit.

## STATUS, für die Koordination.
status-next = Nächstes Treffen: { $when } (Treffen { $id })
status-next-at = Nächstes Treffen: { $when } (Treffen { $id }), { $place }
status-answers = Antworten: { $yes } ja, { $maybe } vielleicht, { $no } nein, { $open } noch offen
status-none-planned = Noch kein Treffen geplant (meeting_cron plant jedes, wenn seine Einladung näher rückt)
status-none-scheduled = Kein Treffen geplant: SCHEDULE JJJJ-MM-TT HH:MM [Ort]
status-then = Danach, laut meeting_cron:
status-then-job = { $when } ({ $kind ->
    [announcement] Einladung
    [call-for-topics] Themenaufruf
    [agenda] Tagesordnung
    [reminder] Erinnerung
   *[other] { $kind }
} { $due })
status-topics = Offene Themen: { $count }{ $count ->
    [0] {""}
   *[other] {" "}— { $topics }
}
status-guests-none = Gäste: gerade keine
status-guests = Gäste:
status-guest-declined = hat abgelehnt
status-guest-nudged = nachgefragt am { $followed }, erinnert am { $nudged }, keine Antwort
status-guest-followed = nachgefragt am { $followed }, wartet
status-guest-invited = eingeladen am { $invited }
status-guest-state = { $state }
status-mail = Mails: { $pending } wartend, { $failed } fehlgeschlagen{ $failed ->
    [0] {""}
   *[other] {" "}(roundtable outbox list --status failed)
}
status-unclear = Antworten, die diese Woche niemand lesen konnte: { $count } (roundtable log)

## Antworten auf die Antworten eines Mitglieds.
subject-rsvp-yes = Du kommst: { $community } am { $when }
subject-rsvp-no = Du kommst nicht: { $community } am { $when }
subject-rsvp-maybe = Vielleicht: { $community } am { $when }
rsvp-yes = Danke! Du kommst zu { $community } am { $when }. Bis dann!
rsvp-no = Danke für Bescheid: Du bist bei { $community } am { $when } nicht dabei.
rsvp-maybe = Notiert: Vielleicht kommst du zu { $community } am { $when }. Wir erinnern dich am Tag davor.
change-hint = Doch anders entschieden? Antworte jederzeit mit JA, NEIN oder VIELLEICHT auf diese Mail; deine letzte Antwort zählt.
subject-left = Du hast { $community } verlassen
left = Du hast { $community } verlassen und bekommst keine Mails mehr von der Gruppe. Wenn du zurückkommen möchtest, frag die Koordination.
subject-calendar-unknown = Kalenderantwort nicht gespeichert
calendar-unknown = Dein Kalender hat auf eine Einladung geantwortet, die wir nicht kennen (eine alte oder gelöschte?), deshalb wurde nichts gespeichert. Antworte bitte stattdessen mit JA, NEIN oder VIELLEICHT auf die neueste Einladung.
subject-no-meeting-yet = Noch kein Treffen, auf das du antworten kannst
no-meeting-yet = Es steht noch kein Treffen an, auf das du antworten könntest. Sobald das nächste geplant ist, bekommst du eine Einladung.
subject-meeting-held = Das Treffen hat schon stattgefunden
meeting-held = Das Treffen hat schon stattgefunden, es gibt also nichts mehr zu beantworten.
subject-meeting-was-cancelled = Das Treffen wurde abgesagt
meeting-was-cancelled = Das Treffen wurde abgesagt, es gibt also nichts zu beantworten.
subject-topics-added = { $count ->
    [one] Thema aufgenommen
   *[other] Themen aufgenommen
}: { $topics }
topics-added = Danke! Auf der Liste: { $topics }. Andere können ein Thema mit „+1 #n“ unterstützen.
subject-votes = Dein +1
votes-counted = Dein +1 zählt für { $topics }.
votes-unknown = { $count ->
    [one] Ein offenes Thema { $topics } gibt es nicht
   *[other] Offene Themen { $topics } gibt es nicht
}: Schick THEMEN im Betreff, dann bekommst du die Liste.
subject-takeaways-no-meeting = Kein Treffen für diese Erkenntnisse
takeaways-no-meeting = Es gibt noch kein vergangenes Treffen, zu dem deine Erkenntnisse passen. Schick sie nach dem nächsten Treffen.
subject-takeaways-saved = Erkenntnisse gespeichert
takeaways-saved = Danke — { $count ->
    [one] eine Erkenntnis
   *[other] { $count } Erkenntnisse
} gespeichert. Sie stehen mit deinem Namen im nächsten Rückblick.
subject-join-already = Schon dabei bei { $community }
join-already = Du bist schon Mitglied von { $community }: Es gibt nichts zu tun.
subject-declined = Danke für deinen Besuch
declined = Danke für Bescheid. Von { $community } hörst du nichts mehr, außer jemand lädt dich wieder ein.
subject-passed-on = Weitergeleitet an { $names }
passed-on = Deine Nachricht ist bei { $names } angekommen; du bekommst direkt eine Antwort.
question-passed-on = Deine Frage ist bei { $names } angekommen; du bekommst direkt eine Antwort.
stranger-answer = Danke für deine Mail an { $community }. Diese Adresse liest ein Programm, das die Gruppe für ihre Mitglieder organisiert, und deine Adresse gehört nicht dazu – deshalb ist mit deiner Mail nichts passiert. Sie wurde an die Koordination weitergegeben, die sich vielleicht bei dir meldet.

## Rückfragen, wenn eine Antwort nicht zu lesen war.
subject-unproven = Bitte antworte auf eine unserer Mails
unproven = Wir konnten nicht erkennen, dass diese Mail von dir kommt, deshalb wurde nichts geändert. Antworte bitte direkt auf eine unserer Mails (deren Antwortadresse gehört nur dir), dann zählt es.
subject-ask-topic = Welches Thema?
ask-topic = Wolltest du ein Thema vorschlagen? Schreib jedes in eine eigene Zeile („Thema: …“ und Einzelheiten darunter), oder „+1 #3“, um eins zu unterstützen.
subject-ask-takeaways = Deine Erkenntnisse?
ask-takeaways = Wolltest du Erkenntnisse schicken? Schreib eine pro Absatz oder Listenpunkt, dann kommen sie mit deinem Namen in den Rückblick.
subject-ask-join = Möchtest du mitmachen?
ask-join = Möchtest du mitmachen? Antworte mit JOIN, oder mit „nein danke“.
subject-ask-rsvp = Meintest du JA, NEIN oder VIELLEICHT?
ask-rsvp = Meintest du JA, NEIN oder VIELLEICHT? Antworte mit einem dieser Wörter (gern mit einer Notiz: „ja, 15 Minuten später“).

## Beiträge an die Liste: der Fuß jeder Kopie, und was ihre Absender erfahren.
post-footer = { $community }: Schreib an { $list }, um alle zu erreichen.
post-footer-leave = Die Gruppe verlassen: { $link }
subject-post-too-big = Nicht verschickt: Dein Beitrag ist größer als { $limit }
post-too-big = Dein Beitrag „{ $subject }“ ist { $size } groß, mehr als die { $limit }, die diese Gruppe erlaubt (max_post_size), deshalb wurde er nicht verschickt. Schick ihn bitte kleiner, z. B. mit einem Link statt des Anhangs.
subject-post-held = Dein Beitrag wartet auf Freigabe
post-held = Dein Beitrag „{ $subject }“ wartet darauf, dass die Koordination ihn freigibt, bevor er an die Gruppe geht. Du hörst von uns, falls er nicht verschickt wird.
post-held-stranger = Dein Beitrag an { $community } wartet auf die Freigabe durch die Koordination, weil diese Adresse kein Mitglied ist. Du hörst von uns, falls er nicht verschickt wird.
subject-post-rejected = Dein Beitrag wurde nicht verschickt
post-rejected = Dein Beitrag „{ $subject }“ an { $community } wurde nicht an die Gruppe verschickt.
post-rejected-reason = Dein Beitrag „{ $subject }“ an { $community } wurde nicht an die Gruppe verschickt. Die Koordination schreibt dazu: { $reason }
subject-post-expired = Dein Beitrag ist unverschickt abgelaufen
post-expired = Dein Beitrag „{ $subject }“ an { $community } wurde nicht innerhalb von { $days } Tagen freigegeben und deshalb nicht verschickt. Schick ihn gern noch einmal, wenn er noch wichtig ist.

## Hinweise an die Koordination, jeweils in deren eigener Sprache.
notice-hourly = (Höchstens ein solcher Hinweis pro Stunde und Absender; weitere werden aufbewahrt, nicht verschickt: `roundtable log` zeigt sie.)
subject-notice-joined = { $name } ist jetzt bei { $community }
notice-joined = { $name } ({ $address }) hat auf die Nachfrage mit JOIN geantwortet und ist jetzt Mitglied.
subject-notice-stranger = Zur Durchsicht: Mails von Nicht-Mitgliedern
notice-stranger = Eine Mail von { $from }, die kein Mitglied ist, zu deiner Durchsicht (es wurde nichts geändert):

    Betreff: { $subject }

    { $text }
subject-notice-unclear = Unklare Antwort von { $name }
notice-unclear = { $name } hat etwas geschrieben, das niemand als Antwort lesen konnte ({ $reason }); { $asked ->
    [yes] wir haben nachgefragt
   *[no] nicht nachgefragt (zu viele automatische Antworten an die Person in dieser Stunde)
}.

    Betreff: { $subject }

    { $text }
notice-unclear-again = { $name } hat auf unsere Rückfrage etwas geantwortet, das niemand lesen konnte ({ $reason }); wir fragen nicht noch einmal.

    Betreff: { $subject }

    { $text }
# Warum eine Antwort nicht zu lesen war, im Hinweis an die Koordination (in Klammern).
unclear-empty-reply = eine leere Antwort
unclear-empty-message = eine leere Nachricht
unclear-yes-and-no = die Antwort sagt ja und nein zugleich
unclear-no-yes-no-maybe = darin steht weder ja, nein noch vielleicht
unclear-no-topic = in der Antwort steht kein Thema
unclear-no-takeaway = in der Antwort steht keine Erkenntnis
unclear-not-an-answer = es antwortet auf nichts, was wir gefragt haben, und enthält weder ja oder nein, +1 noch TOPIC
unclear-no-partstat = eine Kalenderantwort ohne Zusage oder Absage
unclear-question-not-join = eine Frage oder eine Bedingung, keine Zusage zum Beitritt
unclear-join-on-condition = eine Zusage zum Beitritt, aber unter einer Bedingung
unclear-maybe-join = weder Beitritt noch Absage (ein Vielleicht)
unclear-no-join-or-decline = darin steht weder ein Beitritt noch ein Nein danke
subject-notice-coordinator-bounces = Mails an { $address } kommen zurück
notice-coordinator-bounces = Mails an { $name } ({ $address }) aus der Koordination sind { $count } Mal zurückgekommen. Die Koordination wird wegen Rückläufern nie gestoppt; prüf die Adresse oder ändere die Koordination in der Konfiguration.
subject-notice-bouncing = { $address } gestoppt: Mails kommen zurück
notice-bouncing = Mails an { $name } ({ $address }) sind { $count } Mal zurückgekommen, deshalb schreibt roundtable nicht mehr an diese Adresse. Funktioniert sie wieder, nimm die Person neu auf: roundtable member add { $slug } { $address }
subject-notice-quarantined = Eine Nachricht konnte nicht verarbeitet werden
notice-quarantined = Eine Nachricht von { $from } (Betreff: { $subject }) konnte nicht verarbeitet werden: { $error }. Sie wurde { $count } Mal versucht und liegt im Ordner Quarantine des Postfachs; nichts, worum sie bat, wurde getan. `roundtable log` zeigt sie.
subject-notice-held = Zur Freigabe: #{ $id } { $subject }
notice-held = Ein Beitrag an { $community } wartet auf deine Freigabe ({ $reason }).

    Von: { $from }
    Betreff: { $subject }
    Größe: { $size }

    { $words }

    Antworte mit APPROVE, um ihn an alle zu schicken, oder mit REJECT und einem Grund, um ihn abzulehnen (der Absender bekommt den Grund). Auf der Kommandozeile: roundtable held approve { $slug } { $id } (oder reject). Ohne Entscheidung läuft er nach { $days } Tagen ab.
# Warum ein Beitrag zurückgehalten wird, im Hinweis an die Koordination (in Klammern).
held-not-member = { $from } ist kein Mitglied
held-forged = unser Mailserver sagt, dass er nicht von { $from } kommt
held-guest = { $name } ist zu Gast
held-moderated = Beiträge von { $name } werden vorher geprüft
held-too-many = { $name } hat in dieser Stunde { $count ->
        [one] einen Beitrag
       *[other] { $count } Beiträge
    } geschickt (posts_per_hour = { $limit })
subject-notice-job-failed = { $community }: { $kind ->
    [announcement] die Einladung
    [call-for-topics] der Themenaufruf
    [agenda] die Tagesordnung
    [reminder] die Erinnerung
    [takeaway-request] die Frage nach Erkenntnissen
    [guest-followup] die Nachfrage an Gäste
    [digest] der Rückblick
   *[other] { $kind }
} vom { $when } konnte nicht verschickt werden
notice-job-failed = { $kind ->
    [announcement] Die Einladung
    [call-for-topics] Der Themenaufruf
    [agenda] Die Tagesordnung
    [reminder] Die Erinnerung
    [takeaway-request] Die Frage nach Erkenntnissen
    [guest-followup] Die Nachfrage an Gäste
    [digest] Der Rückblick
   *[other] { $kind }
}, fällig am { $when }, ist { $count } Mal fehlgeschlagen und wurde aufgegeben:

    { $error }

    Davon wurde nichts verschickt. `roundtable timeline --all` zeigt es; sobald die Ursache behoben ist, kann die Koordination es erneut schicken (AGENDA oder DIGEST per Mail, oder das Treffen verschieben).
subject-forwarded-words = { $member } hat geantwortet auf: { $subject }
subject-forwarded-asked = { $member } fragt zu: { $subject }
chart-attendance = Wer bei den letzten Treffen dabei war
chart-votes = +1 für die offenen Themen
when-at-place = { $when }, Ort: { $place }
## ---- Post digests and conversations (issue 15, helper posts2) ----
post-digest-intro = Die Beiträge an { $community } seit deiner letzten Beitragsübersicht:
post-digest-by = { $author }, { $when }
post-digest-reply = Der Gruppe antworten
post-digest-how = Um auf einen Beitrag zu antworten, schreib an { $list } mit seinem Betreff nach „Re:“ (oder nimm den Link „Der Gruppe antworten“). Du bekommst die Beiträge einmal am Tag, weil deine Zustellung DIGEST ist: mit DELIVERY EACH kommt jeder Beitrag sofort.
subject-post-digest = { $community }: { $count ->
    [one] ein neuer Beitrag
   *[other] { $count } neue Beiträge
}
digest-conversations = Gespräche seit dem letzten Rückblick:
digest-conversation-by = #{ $number }, begonnen von { $author }, { $replies ->
    [0] noch keine Antwort
    [one] eine Antwort
   *[other] { $replies } Antworten
}
conversations = { $count ->
    [one] ein Gespräch
   *[other] { $count } Gespräche
}
delivery-digest = Du bekommst die Beiträge an { $community } einmal am Tag, gesammelt in einer Übersicht. Mit DELIVERY EACH kommt jeder Beitrag sofort.

## TOPIC FROM THREAD and the threads STATUS lists (merge of lang and posts2).
cmd-thread-none = Ein Gespräch #{ $number } gibt es nicht: STATUS und die Zusammenfassung nummerieren die Gespräche.
cmd-thread-already = Gespräch #{ $number } ist schon ein offenes Thema.
cmd-thread-topic = Gespräch #{ $number } „{ $title }“ ist jetzt Thema #{ $topic } für die nächste Tagesordnung, vorgeschlagen von { $name }.
topic-from-thread = Aus Gespräch #{ $number }, begonnen von { $author }
status-threads = Gespräche (TOPIC FROM THREAD n macht eines zum Thema):
status-thread = #{ $number } { $subject } – { $author }, { $replies ->
    [one] 1 Antwort
   *[other] { $replies } Antworten
}
