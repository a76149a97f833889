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
footer-answer = Beantwoord deze mail om te reageren. Geen mail meer? Antwoord met LEAVE in het onderwerp.

takeaways = { $count ->
    [one] één inzicht
   *[other] { $count } inzichten
}
open-topics = { $count ->
    [one] één open onderwerp
   *[other] { $count } open onderwerpen
}

## De link onderaan en de knoppen (ze beginnen een antwoord; pas versturen verandert iets).
footer-leave-link = Afmelden met één mail
button-yes = Ja, ik kom
button-maybe = Misschien
button-no = Nee
button-propose = Onderwerp voorstellen
button-plus-one = +1 voor dit onderwerp
button-takeaway = Inzicht sturen
button-join = Lid worden
button-no-thanks = Nee, dank je
button-help = Wat kan ik doen? (HELP)
topic-carried = doorgeschoven
guest-mark = { $name } (gast)

## De aankondiging.
meets-on = { $community } komt samen op { $when }.
meets-on-at = { $community } komt samen op { $when }, plek: { $place }.
will-you-come = Kom je? Antwoord gewoon met JA, NEE of MISSCHIEN (met een notitie als je wilt: "ja, 15 min later").
will-you-come-html = Kom je? Klik hieronder op een antwoord (het begint een mail die je alleen nog hoeft te versturen), of antwoord gewoon met JA, NEE of MISSCHIEN (met een notitie als je wilt: "ja, 15 min later").
preheader-announcement = { $community } komt samen op { $when }. Kom je?

## Onderwerpen gevraagd.
cft-intro = { $community } komt samen op { $when }. Waar zullen we het over hebben?
cft-how = Antwoord met je onderwerpen, één per regel, eventueel met een regel toelichting. Steun je een onderwerp hieronder, antwoord dan "+1 #3" (of "+1 voor 2 en 5").
cft-none = Nog geen onderwerpen: het jouwe kan het eerste zijn.
cft-open = Open onderwerpen:
preheader-cft = Waar zullen we het op { $when } over hebben?

## De agenda.
agenda-intro = De agenda van { $community } op { $when }.
agenda-intro-at = De agenda van { $community } op { $when }, plek: { $place }.
agenda-no-topics = Er zijn geen onderwerpen voorgesteld: neem mee wat je bezighoudt.
agenda-topics = Onderwerpen, meest gesteunde eerst:
agenda-coming = Komen ({ $count }):
agenda-nobody = nog niemand heeft ja gezegd
agenda-maybe = Misschien ({ $count }):
agenda-late = Nog niet geantwoord? Antwoord JA, NEE of MISSCHIEN. Nog een onderwerp? Stuur het, of "+1 #n".
preheader-agenda = { $topics ->
    [one] Eén onderwerp
   *[other] { $topics } onderwerpen
} voor { $when }; { $coming } komen.

## De herinnering.
reminder-intro = Een herinnering: { $community } komt samen op { $when }.
reminder-intro-at = Een herinnering: { $community } komt samen op { $when }, plek: { $place }.
reminder-yes = Je zei JA: tot dan! Lukt het toch niet? Antwoord NEE.
reminder-maybe = Je zei MISSCHIEN. Weet je het nu? Antwoord JA of NEE.
reminder-none = Je hebt nog niet geantwoord. Kom je? Antwoord JA, NEE of MISSCHIEN.

## Na de bijeenkomst.
takeaway-thanks = Bedankt voor je komst bij { $community } op { $when }.
takeaway-ask = Wat neem je mee? Antwoord met een of meer inzichten, één per alinea of opsommingsteken. Ze komen met je naam in het volgende overzicht, zodat de groep bewaart wat ze geleerd heeft.
preheader-takeaway = Wat neem je mee van { $community }?

## Het overzicht.
digest-intro = Wat { $community } onlangs heeft geleerd.
digest-there = { $count } aanwezig:
digest-open = Open onderwerpen (antwoord "+1 #n" om er een te steunen, of stuur een nieuw):
digest-next = Volgende bijeenkomst: { $when }. Antwoord JA, NEE of MISSCHIEN op de aankondiging.
preheader-digest-next = Volgende bijeenkomst: { $when }.

## Gasten: de uitnodiging en het bericht na het bezoek.
invite-intro = { $inviter } nodigt je uit om { $community } te bezoeken.
invite-next = De volgende bijeenkomst is op { $when }.
invite-next-at = De volgende bijeenkomst is op { $when }, plek: { $place }.
invite-no-sales = Kom kijken of de groep iets voor je is; niemand gaat je iets verkopen.
invite-rsvp = Kom je? Antwoord JA, NEE of MISSCHIEN, of gebruik de agendaknoppen van de bijgevoegde uitnodiging.
preheader-invitation = { $inviter } nodigt je uit voor { $community } op { $when }.
followup-thanks = Bedankt voor je bezoek aan { $community } op { $when }.
followup-join = Wil je lid worden? Antwoord JOIN en je krijgt voortaan de mail van de groep. Is het niets voor je, antwoord dan "nee, dank je": dan schrijven we niet meer.
preheader-followup = Wil je lid worden van { $community }?

## Verplaatst of afgelast: $old is het eerdere tijdstip.
cancelled = { $community } op { $when } gaat niet door.
cancelled-calendar = De bijgevoegde update haalt de afspraak uit je agenda.
moved = { $community } is verplaatst: nu op { $when } (was { $old }).
moved-at = { $community } is verplaatst: nu op { $when }, plek: { $place } (was { $old }).
moved-answer = Je eerdere antwoord blijft gelden. Verandert de nieuwe tijd iets, antwoord dan JA, NEE of MISSCHIEN.
preheader-moved = { $community } is nu op { $when }.

## Welkom, antwoorden en vragen terug.
welcome-intro = Welkom bij { $community }! Vanaf nu krijg je de mail van de groep: uitnodigingen, agenda's en overzichten.
welcome-help = Beantwoord een mail gewoon om te reageren. Stuur HELP als onderwerp om te zien wat je nog meer kunt doen.
preheader-welcome = Welkom bij { $community }.
question-thanks = Bedankt voor je antwoord.
you-wrote = Je schreef:
your-note = Je notitie:
help-intro = Stuur een opdracht als onderwerp van een mail naar het adres van de groep (hoofd- of kleine letters).
help-coordinators = Voor coördinatoren
help-example = bijv.
help-dates = Tijden zijn lokaal: 2026-12-08 18:30, 08.12.2026 18:30 of 8 Dec 2026 18:30.

## Woorden van een lid, doorgestuurd naar de coördinatie.
forwarded-asked = { $member } <{ $address }> antwoordde op "{ $subject }" (genoteerd als { $answer }) en vraagt:
forwarded-words = { $member } <{ $address }> antwoordde op "{ $subject }" met woorden voor mensen, niet voor de robot:
forwarded-answer = Beantwoord deze mail om { $member } te antwoorden: je antwoord gaat direct naar diegene.

## Onderwerpregels.
subject-announcement = { $community }: { $when } — kom je?
subject-cancelled = Afgelast: { $community }, { $when }
subject-moved = Verplaatst: { $community } is nu op { $when }
subject-nudge = Nog aan het twijfelen over { $community }?
subject-cft = { $community }, { $when }: waar zullen we het over hebben?
subject-agenda = Agenda: { $community }, { $when }
subject-reminder = Herinnering: { $community }, { $when }
subject-takeaways = Wat neem je mee van { $community }?
subject-followup = Wil je lid worden van { $community }?
subject-invitation = Een uitnodiging voor { $community }, { $when }
subject-welcome = Welkom bij { $community }
subject-your-mail = Je mail aan { $community }
subject-digest = Overzicht { $community }: { $news }
digest-next-meeting = de volgende bijeenkomst

## LANGUAGE xx, answered.
language-set = Vanaf nu krijg je de mail van { $community } in het Nederlands.

## Antwoorden op de eigen opdrachten van een lid.
paused = Gepauzeerd: je krijgt geen mail van { $community } tot je RESUME stuurt.
resumed = Welkom terug: je krijgt weer de mail van { $community }.
delivery-each = Je krijgt elk bericht aan { $community } zodra het komt.
delivery-none = Je krijgt geen berichten aan { $community } meer; de mail over de bijeenkomsten blijft komen. Met DELIVERY EACH komen de berichten terug.
topics-none = Geen open onderwerpen. Antwoord op een oproep voor onderwerpen, of stuur een mail met "TOPIC: je onderwerp" als onderwerp.
topics-list = Open onderwerpen, meest gesteunde eerst (antwoord "+1 #n" om er een te steunen):

## ---- Post digests and conversations (issue 15, helper posts2) ----
post-digest-intro = De berichten aan { $community } sinds je laatste berichtenoverzicht:
post-digest-by = { $author }, { $when }
post-digest-reply = Antwoord aan de groep
post-digest-how = Om op een bericht te antwoorden, schrijf je naar { $list } met het onderwerp na "Re:" (of gebruik de link "Antwoord aan de groep"). Je krijgt de berichten één keer per dag omdat je bezorging DIGEST is: met DELIVERY EACH krijg je elk bericht meteen.
subject-post-digest = { $community }: { $count ->
    [one] één nieuw bericht
   *[other] { $count } nieuwe berichten
}
digest-conversations = Gesprekken sinds het vorige overzicht:
digest-conversation-by = #{ $number }, begonnen door { $author }, { $replies ->
    [0] nog geen antwoorden
    [one] één antwoord
   *[other] { $replies } antwoorden
}
conversations = { $count ->
    [one] één gesprek
   *[other] { $count } gesprekken
}
delivery-digest = Je krijgt de berichten aan { $community } één keer per dag, gebundeld in één overzicht. Met DELIVERY EACH krijg je elk bericht meteen.
