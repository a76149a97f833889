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
# $leave: het commando LEAVE in het Nederlands (AFMELDEN)
footer-answer = Beantwoord deze mail om te reageren. Geen mail meer? Antwoord met { $leave } in het onderwerp.

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

### ---- Issue 13, deel 2: elke zin die de robot schrijft (antwoorden, wedervragen,
### meldingen, HULP). Aan het eind van het bestand, zodat samenvoegen makkelijk blijft.

## Een dag zonder tijd: "6 oktober 2026".
date-day = { $day } { $month } { $year }

## HULP, uit de tabel met opdrachten: $word is het woord van de opdracht in het Nederlands.
help-or = { $usage } (of { $word })
help-rsvp = antwoorden voor de volgende bijeenkomst
help-topics = de open onderwerpen, genummerd
help-search = zoeken in eerdere inzichten, onderwerpen en berichten
help-pause = geen mail van de groep tot je { $resume } stuurt
help-resume = weer mail na { $pause }
help-leave = de groep verlaten
help-join = lid worden na een bezoek als gast
help-language = de taal van je eigen mail
help-delivery = berichten aan de lijst een voor een, in een dagelijks overzicht, of geen (mail over de bijeenkomsten blijft komen)
help-help = deze lijst
help-schedule = een nieuwe bijeenkomst
help-reschedule = de volgende bijeenkomst verzetten, of #id
help-cancel = de volgende bijeenkomst afzeggen, of #id
help-invite = iemand uitnodigen voor de volgende bijeenkomst
help-add = een lid toevoegen
help-remove = iemand verwijderen
help-promote = een gast lid maken
help-attended = wie er bij de laatste bijeenkomst was
help-agenda = de agenda nu versturen
help-digest = het overzicht nu versturen
help-topic = een onderwerp afsluiten of uitstellen, of van een gesprek een onderwerp maken
help-status = volgende bijeenkomst, antwoorden, onderwerpen, gasten, wachtende mail
help-usage-rsvp = { $word } YES|NO|MAYBE
help-usage-search = { $word } zoekwoorden
help-usage-leave = { $word }
help-usage-language = { $word } xx
help-usage-delivery = { $word } ELK|OVERZICHT|GEEN
help-usage-schedule = { $word } datum tijd [plaats]
help-usage-reschedule = { $word } [#id] datum tijd [plaats]
help-usage-cancel = { $word } [next|#id] [reden]
help-usage-invite = { $word } adres [naam]
help-usage-add = { $word } adres [naam]
help-usage-remove = { $word } adres
help-usage-promote = { $word } adres
help-usage-attended = { $word } naam, adres, …
help-usage-topic = { $word } CLOSE n | { $word } DEFER n | { $word } FROM THREAD n
help-example-search = { $word } prijzen workshops
help-example-delivery = { $word } GEEN
help-example-cancel = { $word } next zaal dicht

## Antwoorden op opdrachten: $word is de opdracht zoals geschreven.
subject-cmd-result = { $word }: { $status ->
    [done] gedaan
   *[other] niet gedaan
}
subject-cmd-not-understood = { $word }: niet begrepen
subject-cmd-coordinator-only = { $word }: alleen voor de coördinatie
subject-cmd-refused = { $word }: geweigerd
subject-cmd-confirm = Bevestig: { $line }
usage = { $problem }
    Zo schrijf je het: { $usage }
    Voorbeeld: { $example }
usage-unknown = Die opdracht ken ik niet: { $word }.
usage-send-help = stuur { $word } voor de lijst met opdrachten
usage-at-line = Regel { $line } van je bericht: { $problem }
usage-reschedule-needs-when = Bij RESCHEDULE ontbreken de nieuwe datum en tijd.
usage-reschedule-needs-when-after = Na de bijeenkomst ontbreken bij RESCHEDULE de nieuwe datum en tijd.
usage-cancel-date = CANCEL verwacht het nummer van een bijeenkomst, geen datum ({ $date }); STATUS laat de nummers zien.
usage-not-meeting-number = { $written } is geen nummer van een bijeenkomst: schrijf #12 of 12 (STATUS laat de nummers zien).
usage-needs-address = Bij { $word } ontbreekt een e-mailadres.
usage-no-address-in = Bij { $word } ontbreekt een e-mailadres: in { $written } staat er geen.
usage-one-address-at-a-time = { $word } neemt één adres tegelijk; ik vond er { $count }: { $addresses }.
usage-just-one-address = { $word } neemt maar één adres; laat { $extra } weg.
usage-attended-needs = Bij ATTENDED ontbreekt wie er was: adressen of namen in het onderwerp, of één persoon per regel in het bericht.
usage-attended-too-many = ATTENDED noemt { $count } mensen; hooguit { $max } tegelijk.
usage-attended-not-a-person = { $written } is geen persoon: ATTENDED gaat over de laatste bijeenkomst en neemt geen nummer.
usage-attended-who-is-who = In { $written } is niet te zien wie wie is: scheid de mensen met komma's.
usage-topic-needs = Bij TOPIC ontbreken CLOSE of DEFER en een onderwerpnummer.
usage-topic-takes = Na TOPIC komt CLOSE, DEFER of FROM THREAD, niet { $written }.
usage-topic-needs-number = Bij TOPIC { $sub } ontbreekt het onderwerpnummer (TOPICS laat ze zien).
usage-topic-one-number = TOPIC { $sub } neemt maar één onderwerpnummer; laat { $extra } weg.
usage-not-topic-number = { $written } is geen onderwerpnummer: schrijf 3 of #3 (TOPICS laat ze zien).
usage-topic-from-thread = Bij TOPIC FROM THREAD ontbreekt het nummer van het gesprek: TOPIC FROM THREAD 12 (STATUS en het overzicht nummeren de gesprekken).
usage-not-thread-number = { $written } is geen gespreksnummer: schrijf 12 of #12 (STATUS laat ze zien).
usage-rsvp-needs = Na RSVP ontbreekt YES, NO of MAYBE.
usage-rsvp-not = { $written } is geen YES, NO of MAYBE (RSVP kent alleen deze Engelse woorden; antwoord je gewoon op de uitnodiging, dan mag je het in je eigen woorden zeggen).
usage-delivery-needs = Na DELIVERY ontbreekt ELK, OVERZICHT of GEEN.
usage-delivery-not = { $written } is geen ELK, OVERZICHT of GEEN.
usage-language-needs = De taal ontbreekt: en, de, fr, es, nl of pt.
usage-language-not = { $written } is niet een van en, de, fr, es, nl, pt.
usage-search-needs = De woorden om naar te zoeken ontbreken.
usage-takes-nothing = Na { $word } komt niets meer (er stond { $extra }); stuur alleen { $word } als onderwerp.
usage-control-character = { $what ->
        [place] De plaats
        [name] De naam
        [search] De zoekopdracht
       *[reason] De reden
    } bevat een stuurteken ({ $code }); schrijf gewone tekst.
usage-too-long = { $what ->
        [place] De plaats
        [name] De naam
        [search] De zoekopdracht
       *[reason] De reden
    } is { $count } tekens lang; hooguit { $max } mag.
usage-name-may-not-contain = De naam { $name } mag geen { $char } bevatten.
usage-needs-date-time = Bij { $word } ontbreken datum en tijd.
usage-needs-date-first = Na { $word } komt eerst de datum, en { $written } is er geen (schrijf 2026-12-08, 08.12.2026 of 8 Dec 2026).
usage-wrong-weekday = { $date } is een { $is }, geen { $written }.
usage-needs-time = Bij { $word } ontbreekt de tijd: zet die achter de datum, bijvoorbeeld { $date } 18:30.
usage-not-a-time-after = Na de datum verwacht { $word } een tijd, en { $written } is er geen (schrijf { $date } 18:30).
usage-no-such-month = { $written } is geen datum: maand { $month } bestaat niet.
usage-no-such-day = { $written } is geen datum: die maand heeft geen dag { $day }.
usage-no-time-after-t = In { $written } staat na de T geen leesbare tijd (schrijf { $date }T18:30, lokale tijd zonder zone).
usage-two-digit-year = In { $written } heeft het jaar maar twee cijfers: schrijf het met vier, bijvoorbeeld { $example }.
usage-ambiguous-date = { $written } is dubbelzinnig (eerst de dag of de maand?): schrijf de datum als 2026-12-08 of 8 Dec 2026.
usage-needs-day-and-year = Bij { $written } ontbreken dag en jaar, bijvoorbeeld 8 Dec 2026.
usage-needs-year = Bij { $written } ontbreekt het jaar, bijvoorbeeld 8 Dec 2026 18:30.
usage-not-a-time = { $written } is geen tijdstip.
address-space = { $address } is geen e-mailadres: het bevat een spatie of een stuurteken.
address-too-long = { $address } is geen e-mailadres: het is { $detail } tekens lang (hooguit 254).
address-no-at = { $address } is geen e-mailadres: er ontbreekt een @.
address-two-at = { $address } is geen e-mailadres: het bevat meer dan één @.
address-nothing-before = { $address } is geen e-mailadres: er staat niets voor de @.
address-nothing-after = { $address } is geen e-mailadres: er staat niets na de @.
address-local-too-long = { $address } is geen e-mailadres: het deel voor de @ is langer dan 64 tekens.
address-contains = { $address } is geen e-mailadres: het bevat { $detail }.
address-domain-contains = { $address } is geen e-mailadres: het domein bevat { $detail }.
address-domain-no-dot = { $address } is geen e-mailadres: het domein { $detail } heeft geen punt (zoals in example.org).
address-domain-malformed = { $address } is geen e-mailadres: het domein { $detail } klopt niet.
address-dots = { $address } is geen e-mailadres: het deel voor de @ begint of eindigt met een punt, of heeft er twee achter elkaar.
address-refused = { $address } is geen e-mailadres: mailservers zouden het weigeren.
cmd-failed = Dat lukte niet: { $error }
    Er is niets veranderd.
cmd-coordinator-only = Alleen de coördinatie van { $community } kan { $word } gebruiken.
cmd-refused = Een opdracht uit jouw naam is geweigerd: { $why }.
    Was jij het? Stuur hem dan vanaf je gewone account (de mailserver daarvan moet hem ondertekenen), of vraag de beheerder om bevestigingen toe te staan (coordinator_auth = "dmarc-or-confirm").
refused-name-shows-other-address = de naam van de afzender (‘{ $name }’) toont een ander adres dan { $address }
refused-auth-failed = onze mailserver zegt dat hij niet vanaf { $address } is verstuurd
refused-auth-missing = onze mailserver kon niet bevestigen dat hij van { $address } kwam
cmd-confirm = Graag bevestigen: { $line }

    Antwoord binnen 24 uur CONFIRM (of JA / OK) op deze mail en het gebeurt. Elk ander antwoord annuleert het. Was jij het niet? Negeer deze mail dan of antwoord NEE: er gebeurt niets.
subject-confirm-cancelled = Niet bevestigd: geannuleerd
confirm-cancelled = Niet uitgevoerd: { $line }

    In je antwoord stond geen CONFIRM (of YES / OK), dus de opdracht is geannuleerd en deze bevestiging geldt niet meer. Heb je hem wel gestuurd? Stuur de opdracht dan opnieuw en antwoord CONFIRM.
subject-confirm-refused = Bevestiging geweigerd
confirm-refused = Deze bevestiging is niet te gebruiken: { $why }. Stuur de opdracht opnieuw voor een nieuwe.
confirm-unknown = we kennen hem niet
confirm-not-yours = hij is naar iemand anders gestuurd
confirm-used = hij is al gebruikt
confirm-expired = hij is verlopen
cmd-already = { $address } is al { $role ->
    [coordinator] coördinator
    [guest] gast
   *[member] lid
} van { $community }{ $state ->
    [active] {""}
    [paused] {" "}(gepauzeerd)
    [bouncing] {" "}(mail naar dat adres komt terug)
   *[other] {" "}({ $state })
}.
cmd-scheduled = Bijeenkomst { $id } gepland op { $when }. De mail erover volgt het schema (roundtable timeline laat het zien).
cmd-scheduled-at = Bijeenkomst { $id } gepland op { $when } in { $place }. De mail erover volgt het schema (roundtable timeline laat het zien).
cmd-rescheduled = Bijeenkomst { $id } is verzet naar { $when }; { $count ->
    [one] de persoon die al was uitgenodigd, weet het.
   *[other] de { $count } mensen die al waren uitgenodigd, weten het.
}
cmd-cancelled = Bijeenkomst { $id } op { $when } gaat niet door; { $count ->
    [one] één persoon heeft het bericht gekregen.
   *[other] { $count } mensen hebben het bericht gekregen.
}
cmd-added = { $address } is nu lid en heeft een welkomstmail gekregen.
cmd-removed = { $address } is verwijderd: geen mail meer naar dit adres.
cmd-not-member = { $address } is geen actief lid van { $community }.
cmd-promoted = { $address } is nu lid en heeft een welkomstmail gekregen.
cmd-promote-not-guest = { $address } is al { $role ->
    [coordinator] coördinator
   *[other] lid
}, geen gast.
cmd-promote-unknown = { $address } is geen gast van { $community }: nodig dit adres eerst uit met INVITE.
cmd-no-meeting-held = Er is nog geen bijeenkomst geweest.
cmd-attended = Aanwezig op { $when } ({ $count }): { $names }.
cmd-attended-unknown = Niet gevonden (controleer de spelling of gebruik het adres): { $names }.
cmd-agenda-now = De agenda voor { $when } gaat nu de deur uit.
cmd-digest-now = Het overzicht gaat nu de deur uit.
cmd-topic-status = Onderwerp #{ $number } is { $status ->
    [closed] afgesloten
   *[deferred] uitgesteld
}.
cmd-topic-none = Er is geen open onderwerp #{ $number }.
cmd-left = { $address } heeft { $community } verlaten.
cmd-rsvp = { $address } heeft { $answer ->
    [yes] JA
    [no] NEE
   *[maybe] MISSCHIEN
} geantwoord voor { $when }.
cmd-invited = { $address } is uitgenodigd voor { $when }. Diegene kan JA, NEE of MISSCHIEN antwoorden; na de bijeenkomst vragen we of hij of zij lid wil worden.
join-guest-already = { $address } is al { $role ->
    [coordinator] coördinator
   *[member] lid
}.
joined-as-member = { $address } is nu lid van { $community }.
search-none = Niets gevonden voor "{ $words }".
search-hits = { $count ->
    [one] Eén resultaat
   *[other] { $count } resultaten
} voor "{ $words }":
search-hit = { $kind ->
    [takeaway] Inzicht
    [post] Bericht
   *[topic] Onderwerp
} van { $author }, { $day }: { $text }

## Weigeringen, aan wie het vroeg.
err-past = { $when } ligt in het verleden: geef een datum en tijd in de toekomst.
err-meeting-exists = { $community } heeft al een bijeenkomst op { $when }.
err-no-such-meeting = { $community } heeft geen geplande bijeenkomst { $id } (STATUS toont de nummers).
err-no-upcoming-meeting = { $community } heeft geen komende bijeenkomst.
err-invite-no-meeting = Er is geen komende bijeenkomst om { $address } voor uit te nodigen: plan er eerst een met SCHEDULE.
err-time-does-not-exist = { $time } bestaat niet in { $zone } (dan gaat de klok vooruit): kies een andere tijd.

## STATUS, voor de coördinatie.
status-next = Volgende bijeenkomst: { $when } (bijeenkomst { $id })
status-next-at = Volgende bijeenkomst: { $when } (bijeenkomst { $id }), { $place }
status-answers = Antwoorden: { $yes } ja, { $maybe } misschien, { $no } nee, { $open } nog niet
status-none-planned = Nog geen bijeenkomst gepland (meeting_cron plant elke bijeenkomst als de aankondiging nadert)
status-none-scheduled = Geen bijeenkomst gepland: SCHEDULE JJJJ-MM-DD UU:MM [plaats]
status-then = Daarna, volgens meeting_cron:
status-then-job = { $when } ({ $kind ->
    [announcement] aankondiging
    [call-for-topics] oproep voor onderwerpen
    [agenda] agenda
    [reminder] herinnering
   *[other] { $kind }
} { $due })
status-topics = Open onderwerpen: { $count }{ $count ->
    [0] {""}
   *[other] {" "}— { $topics }
}
status-guests-none = Gasten: geen in behandeling
status-guests = Gasten:
status-guest-declined = heeft bedankt
status-guest-nudged = nagevraagd op { $followed }, herinnerd op { $nudged }, geen antwoord
status-guest-followed = nagevraagd op { $followed }, wacht
status-guest-invited = uitgenodigd op { $invited }
status-guest-state = { $state }
status-mail = Mail: { $pending } wachtend, { $failed } mislukt{ $failed ->
    [0] {""}
   *[other] {" "}(roundtable outbox list --status failed)
}
status-unclear = Antwoorden die deze week niemand kon lezen: { $count } (roundtable log)

## Antwoorden op wat een lid antwoordt.
subject-rsvp-yes = Je komt: { $community } op { $when }
subject-rsvp-no = Je komt niet: { $community } op { $when }
subject-rsvp-maybe = Misschien: { $community } op { $when }
rsvp-yes = Dank je! Je komt naar { $community } op { $when }. Tot dan!
rsvp-no = Fijn dat je het laat weten: je bent er niet bij, bij { $community } op { $when }.
rsvp-maybe = Genoteerd: misschien kom je naar { $community } op { $when }. We herinneren je er de dag ervoor aan.
change-hint = Toch van gedachten veranderd? Antwoord op elk moment JA, NEE of MISSCHIEN op deze mail; je laatste antwoord telt.
subject-left = Je hebt { $community } verlaten
left = Je hebt { $community } verlaten en krijgt de mail van de groep niet meer. Wil je terugkomen? Vraag het de coördinatie.
subject-calendar-unknown = Agenda-antwoord niet opgeslagen
calendar-unknown = Je agenda antwoordde op een uitnodiging die we niet kennen (een oude of verwijderde?), dus er is niets opgeslagen. Antwoord liever JA, NEE of MISSCHIEN op de nieuwste uitnodiging.
subject-no-meeting-yet = Nog geen bijeenkomst om op te antwoorden
no-meeting-yet = Er is nog geen komende bijeenkomst om op te antwoorden. Je krijgt een uitnodiging zodra de volgende gepland is.
subject-meeting-held = Die bijeenkomst is al geweest
meeting-held = Die bijeenkomst is al geweest, er valt dus niets meer te antwoorden.
subject-meeting-was-cancelled = Die bijeenkomst is afgezegd
meeting-was-cancelled = Die bijeenkomst is afgezegd, er valt dus niets te antwoorden.
subject-topics-added = { $count ->
    [one] Onderwerp toegevoegd
   *[other] Onderwerpen toegevoegd
}: { $topics }
topics-added = Dank je! Op de lijst gezet: { $topics }. Anderen kunnen een onderwerp steunen door "+1 #n" te antwoorden.
subject-votes = Je +1
votes-counted = Je +1 telt mee voor { $topics }.
votes-unknown = { $count ->
    [one] Er is geen open onderwerp { $topics }
   *[other] Er zijn geen open onderwerpen { $topics }
}: stuur ONDERWERPEN als onderwerp voor de lijst.
subject-takeaways-no-meeting = Geen bijeenkomst voor deze inzichten
takeaways-no-meeting = Er is nog geen eerdere bijeenkomst om je inzichten aan te koppelen. Stuur ze na de volgende bijeenkomst.
subject-takeaways-saved = Inzichten bewaard
takeaways-saved = Dank je — { $count ->
    [one] één inzicht bewaard
   *[other] { $count } inzichten bewaard
}. Ze staan met je naam in het volgende overzicht.
subject-join-already = Al lid van { $community }
join-already = Je bent al lid van { $community }: er hoeft niets te gebeuren.
subject-declined = Bedankt voor je bezoek
declined = Fijn dat je het laat weten. Je hoort niets meer van { $community }, tenzij iemand je opnieuw uitnodigt.
subject-passed-on = Doorgestuurd naar { $names }
passed-on = Je bericht is bij { $names } terechtgekomen, die je direct antwoordt.
question-passed-on = Je vraag is bij { $names } terechtgekomen, die je direct antwoordt.
stranger-answer = Bedankt voor je mail aan { $community }. Dit adres wordt gelezen door een programma dat de groep voor haar leden regelt, en jouw adres hoort daar niet bij, dus er is niets met je mail gedaan. Hij is doorgegeven aan de coördinatie, die misschien contact met je opneemt.

## Wedervragen, als een antwoord niet te lezen was.
subject-unproven = Antwoord alsjeblieft op een van onze mails
unproven = We konden niet zien dat deze mail van jou kwam, dus er is niets veranderd. Antwoord rechtstreeks op een van onze mails (het antwoordadres daarvan is alleen van jou), dan telt het.
subject-ask-topic = Welk onderwerp?
ask-topic = Wilde je een onderwerp voorstellen? Zet elk onderwerp op een eigen regel ("Onderwerp: …" met details eronder), of "+1 #3" om er een te steunen.
subject-ask-takeaways = Je inzichten?
ask-takeaways = Wilde je inzichten sturen? Schrijf er één per alinea of opsommingsteken, dan komen ze met je naam in het overzicht.
subject-ask-join = Wil je lid worden?
ask-join = Wil je lid worden? Antwoord JOIN, of "nee, dank je".
subject-ask-rsvp = Bedoelde je JA, NEE of MISSCHIEN?
ask-rsvp = Bedoelde je JA, NEE of MISSCHIEN? Antwoord met een van die woorden (en een notitie als je wilt: "ja, 15 min later").

## Berichten aan de lijst: de voettekst van elke kopie, en wat de afzenders te horen krijgen.
post-footer = { $community }: schrijf naar { $list } om iedereen te bereiken.
post-footer-leave = De groep verlaten: { $link }
subject-post-too-big = Niet verstuurd: je bericht is groter dan { $limit }
post-too-big = Je bericht "{ $subject }" is { $size }, meer dan de limiet van { $limit } van deze groep (max_post_size), dus het is niet verstuurd. Stuur het kleiner, bijvoorbeeld met een link in plaats van de bijlage.
subject-post-held = Je bericht wacht op goedkeuring
post-held = Je bericht "{ $subject }" wacht op goedkeuring door de coördinatie voordat het naar de groep gaat. Je hoort het als het niet verstuurd wordt.
post-held-stranger = Je bericht aan { $community } wacht op goedkeuring door de coördinatie, omdat dit adres geen lid is. Je hoort het als het niet verstuurd wordt.
subject-post-rejected = Je bericht is niet verstuurd
post-rejected = Je bericht "{ $subject }" aan { $community } is niet naar de groep gestuurd.
post-rejected-reason = Je bericht "{ $subject }" aan { $community } is niet naar de groep gestuurd. De coördinatie zegt: { $reason }
subject-post-expired = Je bericht is verlopen zonder verstuurd te worden
post-expired = Je bericht "{ $subject }" aan { $community } is niet binnen { $days } dagen beoordeeld en is niet verstuurd. Stuur het gerust opnieuw als het nog belangrijk is.

## Meldingen aan de coördinatie, elk in de eigen taal van de ontvanger.
notice-hourly = (Hoogstens één zo'n melding per uur per afzender; de rest wordt bewaard, niet verstuurd: `roundtable log` laat ze zien.)
subject-notice-joined = { $name } is lid geworden van { $community }
notice-joined = { $name } ({ $address }) antwoordde JOIN op de nabelmail en is nu lid.
subject-notice-stranger = Ter beoordeling: mail van niet-leden
notice-stranger = Mail van { $from }, geen lid, ter beoordeling (er is niets veranderd):

    Onderwerp: { $subject }

    { $text }
subject-notice-unclear = Onduidelijk antwoord van { $name }
notice-unclear = { $name } schreef iets wat niemand als antwoord kon lezen ({ $reason }); { $asked ->
    [yes] er is een wedervraag gestuurd
   *[no] geen wedervraag gestuurd (te veel automatische antwoorden aan diegene dit uur)
}.

    Onderwerp: { $subject }

    { $text }
notice-unclear-again = { $name } antwoordde op onze vraag met iets wat niemand kon lezen ({ $reason }); we vragen het niet nog eens.

    Onderwerp: { $subject }

    { $text }
# Waarom een antwoord niet te lezen was, in het bericht aan de coördinatie (tussen haakjes).
unclear-empty-reply = een leeg antwoord
unclear-empty-message = een leeg bericht
unclear-yes-and-no = het antwoord zegt tegelijk ja en nee
unclear-no-yes-no-maybe = er staat geen ja, nee of misschien in
unclear-no-topic = er staat geen onderwerp in het antwoord
unclear-no-takeaway = er staat geen inzicht in het antwoord
unclear-not-an-answer = het is geen antwoord op iets wat we vroegen, en er staat geen ja of nee, +1 of TOPIC in
unclear-no-partstat = een agenda-antwoord zonder antwoord
unclear-question-not-join = een vraag of een voorwaarde, geen ja om lid te worden
unclear-join-on-condition = een ja om lid te worden, maar onder een voorwaarde
unclear-maybe-join = geen ja en geen nee om lid te worden (een misschien)
unclear-no-join-or-decline = er staat geen aanmelding of nee-bedankt in
subject-notice-coordinator-bounces = Mail naar { $address } komt terug
notice-coordinator-bounces = Mail naar { $name } ({ $address }), coördinator, is { $count } keer teruggekomen. Coördinatoren worden nooit gestopt vanwege teruggekomen mail; controleer het adres, of wijzig de coördinatoren in de configuratie.
subject-notice-bouncing = { $address } gestopt: mail komt terug
notice-bouncing = Mail naar { $name } ({ $address }) is { $count } keer teruggekomen, dus roundtable schrijft niet meer naar dit adres. Werkt het weer, voeg de persoon dan opnieuw toe: roundtable member add { $slug } { $address }
subject-notice-quarantined = Een bericht kon niet verwerkt worden
notice-quarantined = Een bericht van { $from } (onderwerp: { $subject }) kon niet verwerkt worden: { $error }. Het is { $count } keer geprobeerd en staat in de map Quarantine van de mailbox; niets van wat het vroeg is gedaan. `roundtable log` laat het zien.
subject-notice-held = Ter goedkeuring: #{ $id } { $subject }
notice-held = Een bericht aan { $community } wacht op je goedkeuring ({ $reason }).

    Van: { $from }
    Onderwerp: { $subject }
    Grootte: { $size }

    { $words }

    Antwoord APPROVE om het naar iedereen te sturen, of REJECT met een reden om het af te wijzen (de afzender krijgt de reden). Via de opdrachtregel: roundtable held approve { $slug } { $id } (of reject). Zonder besluit binnen { $days } dagen verloopt het.
# Waarom een bericht wordt vastgehouden, in het bericht aan de coördinatie (tussen haakjes).
held-not-member = { $from } is geen lid
held-forged = onze mailserver zegt dat het niet van { $from } komt
held-guest = { $name } is te gast
held-moderated = berichten van { $name } worden eerst nagekeken
held-too-many = { $name } stuurde dit uur { $count ->
        [one] één bericht
       *[other] { $count } berichten
    } (posts_per_hour = { $limit })
subject-notice-job-failed = { $community }: { $kind ->
    [announcement] de aankondiging
    [call-for-topics] de oproep voor onderwerpen
    [agenda] de agenda
    [reminder] de herinnering
    [takeaway-request] de vraag om inzichten
    [guest-followup] de nabelmail aan gasten
    [digest] het overzicht
   *[other] { $kind }
} van { $when } kon niet verstuurd worden
notice-job-failed = { $kind ->
    [announcement] De aankondiging
    [call-for-topics] De oproep voor onderwerpen
    [agenda] De agenda
    [reminder] De herinnering
    [takeaway-request] De vraag om inzichten
    [guest-followup] De nabelmail aan gasten
    [digest] Het overzicht
   *[other] { $kind }
} voor { $when } is { $count } keer mislukt en opgegeven:

    { $error }

    Er is niets van verstuurd. `roundtable timeline --all` laat het zien; zodra de oorzaak is opgelost, kan de coördinatie het opnieuw sturen (AGENDA of DIGEST per mail, of de bijeenkomst verzetten).
subject-forwarded-words = { $member } antwoordde op: { $subject }
subject-forwarded-asked = { $member } vraagt over: { $subject }
chart-attendance = Wie er bij de laatste bijeenkomsten was
chart-votes = +1 voor de open onderwerpen
when-at-place = { $when }, locatie: { $place }
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

## TOPIC FROM THREAD and the threads STATUS lists (merge of lang and posts2).
cmd-thread-none = Er is geen gesprek #{ $number }: STATUS en het overzicht nummeren de gesprekken.
cmd-thread-already = Gesprek #{ $number } is al een open onderwerp.
cmd-thread-topic = Gesprek #{ $number } ‘{ $title }’ is nu onderwerp #{ $topic } voor de volgende agenda, voorgesteld door { $name }.
topic-from-thread = Uit gesprek #{ $number }, begonnen door { $author }
status-threads = Gesprekken (TOPIC FROM THREAD n maakt er een onderwerp van):
status-thread = #{ $number } { $subject } – { $author }, { $replies ->
    [one] 1 antwoord
   *[other] { $replies } antwoorden
}
