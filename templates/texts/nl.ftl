# De woorden van roundtable in het Nederlands (zie en.ftl).

## Datums: "dinsdag 6 oktober 2026, 18:30 CEST".
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
date-time = { $weekday } { $day } { $month } { $year }, { $time } { $zone }

hello = Hoi { $name },
footer-answer = Beantwoord deze mail om te reageren. Geen mail meer? Antwoord met AFMELDEN in het onderwerp.

takeaways = { $count ->
    [one] één inzicht
   *[other] { $count } inzichten
}
open-topics = { $count ->
    [one] één open onderwerp
   *[other] { $count } open onderwerpen
}
