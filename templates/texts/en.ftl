# roundtable's words in English. One message per thing the robot says; the templates in
# templates/ keep the structure and ask this catalog for the words. A coordinator may override
# any message (roundtable texts export --language en DIR; texts_dir = "DIR"): keep its
# { $placeholders }, they are filled in when a mail is written.

## Dates and times, as people write them: "Tuesday 6 October 2026, 18:30 CEST".
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# $weekday, $day, $month, $year, $time (24-hour "18:30"), $zone ("CEST")
date-time = { $weekday } { $day } { $month } { $year }, { $time } { $zone }

## Greetings and the footer of every mail.
hello = Hello { $name },
footer-answer = Reply to this mail to answer. To stop these mails, reply with LEAVE in the subject.

## Counts, with the plural each language needs.
takeaways = { $count ->
    [one] one takeaway
   *[other] { $count } takeaways
}
open-topics = { $count ->
    [one] one open topic
   *[other] { $count } open topics
}
