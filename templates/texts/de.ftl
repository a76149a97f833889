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
footer-answer = Antworte einfach auf diese Mail. Keine Mails mehr? Antworte mit ABMELDEN im Betreff.

takeaways = { $count ->
    [one] eine Erkenntnis
   *[other] { $count } Erkenntnisse
}
open-topics = { $count ->
    [one] ein offenes Thema
   *[other] { $count } offene Themen
}
