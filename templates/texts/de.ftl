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
footer-answer = Antworte einfach auf diese Mail. Keine Mails mehr? Antworte mit LEAVE im Betreff.

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
