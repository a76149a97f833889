# Les mots de roundtable en français (voir en.ftl).

## Dates : « mardi 6 octobre 2026 à 18:30 CEST ».
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-time = { $weekday } { $day } { $month } { $year } à { $time } { $zone }

hello = Bonjour { $name },
# $leave : la commande LEAVE en français (DÉSINSCRIRE)
footer-answer = Répondez simplement à ce message. Pour ne plus rien recevoir, répondez avec { $leave } en objet.

takeaways = { $count ->
    [one] { $count } enseignement
   *[other] { $count } enseignements
}
open-topics = { $count ->
    [one] { $count } sujet ouvert
   *[other] { $count } sujets ouverts
}

## Le lien du pied de page et les boutons (ils ouvrent une réponse ; rien ne change avant l'envoi).
footer-leave-link = Se désinscrire en un message
button-yes = Oui, je viens
button-maybe = Peut-être
button-no = Non
button-propose = Proposer un sujet
button-plus-one = +1 pour ce sujet
button-takeaway = Envoyer un enseignement
button-join = Rejoindre le groupe
button-no-thanks = Non merci
button-help = Que puis-je faire ? (HELP)
topic-carried = reporté
guest-mark = { $name } (invité·e)

## L'annonce.
meets-on = { $community } se réunit le { $when }.
meets-on-at = { $community } se réunit le { $when }, lieu : { $place }.
will-you-come = Vous venez ? Répondez simplement OUI, NON ou PEUT-ÊTRE (avec un mot si vous voulez : « oui, 15 min de retard »).
will-you-come-html = Vous venez ? Cliquez sur une réponse ci-dessous (elle prépare un message qu'il suffit d'envoyer), ou répondez simplement OUI, NON ou PEUT-ÊTRE (avec un mot si vous voulez : « oui, 15 min de retard »).
preheader-announcement = { $community } se réunit le { $when }. Vous venez ?

## L'appel à sujets.
cft-intro = { $community } se réunit le { $when }. De quoi parlons-nous ?
cft-how = Répondez avec vos sujets, un par ligne, avec une ligne de détails si vous voulez. Pour soutenir un sujet ci-dessous, répondez « +1 #3 » (ou « +1 pour 2 et 5 »).
cft-none = Pas encore de sujet : le vôtre pourrait être le premier.
cft-open = Sujets ouverts :
preheader-cft = De quoi parlons-nous le { $when } ?

## L'ordre du jour.
agenda-intro = L'ordre du jour de { $community } le { $when }.
agenda-intro-at = L'ordre du jour de { $community } le { $when }, lieu : { $place }.
agenda-no-topics = Aucun sujet proposé : venez avec ce qui vous occupe.
agenda-topics = Les sujets, les plus soutenus d'abord :
agenda-coming = Présents ({ $count }) :
agenda-nobody = personne n'a encore dit oui
agenda-maybe = Peut-être ({ $count }) :
agenda-late = Pas encore répondu ? Répondez OUI, NON ou PEUT-ÊTRE. Un sujet de dernière minute ? Envoyez-le, ou « +1 #n ».
preheader-agenda = { $topics ->
    [one] Un sujet
   *[other] { $topics } sujets
} pour le { $when } ; { $coming } présents.

## Le rappel.
reminder-intro = Petit rappel : { $community } se réunit le { $when }.
reminder-intro-at = Petit rappel : { $community } se réunit le { $when }, lieu : { $place }.
reminder-yes = Vous avez dit OUI : à bientôt ! Finalement empêché·e ? Répondez NON.
reminder-maybe = Vous avez dit PEUT-ÊTRE. Vous savez maintenant ? Répondez OUI ou NON.
reminder-none = Vous n'avez pas encore répondu. Vous venez ? Répondez OUI, NON ou PEUT-ÊTRE.

## Après la rencontre.
takeaway-thanks = Merci d'être venu·e à { $community } le { $when }.
takeaway-ask = Qu'en retenez-vous ? Répondez avec un ou plusieurs enseignements, un par paragraphe ou par puce. Ils paraîtront avec votre nom dans le prochain résumé, pour que le groupe garde ce qu'il a appris.
preheader-takeaway = Que retenez-vous de { $community } ?

## Le résumé.
digest-intro = Ce que { $community } a appris dernièrement.
digest-there = { $count } présents :
digest-open = Sujets ouverts (répondez « +1 #n » pour en soutenir un, ou envoyez-en un nouveau) :
digest-next = Prochaine rencontre : { $when }. Répondez OUI, NON ou PEUT-ÊTRE à son annonce.
preheader-digest-next = Prochaine rencontre : { $when }.

## Les invité·es : l'invitation, et le message après la visite.
invite-intro = { $inviter } vous invite à découvrir { $community }.
invite-next = La prochaine rencontre a lieu le { $when }.
invite-next-at = La prochaine rencontre a lieu le { $when }, lieu : { $place }.
invite-no-sales = Venez voir si le groupe vous convient ; personne ne cherchera à vous vendre quoi que ce soit.
invite-rsvp = Vous venez ? Répondez OUI, NON ou PEUT-ÊTRE, ou utilisez les boutons de calendrier de l'invitation jointe.
preheader-invitation = { $inviter } vous invite à { $community } le { $when }.
followup-thanks = Merci de votre visite à { $community } le { $when }.
followup-join = Vous aimeriez rejoindre le groupe ? Répondez JOIN et vous recevrez désormais ses messages. Si ce n'est pas pour vous, répondez « non merci » : nous ne vous écrirons plus.
preheader-followup = Envie de rejoindre { $community } ?

## Rencontre déplacée ou annulée : $old est l'ancienne date.
cancelled = { $community } du { $when } est annulé.
cancelled-calendar = La mise à jour jointe retire l'événement de votre calendrier.
moved = { $community } est déplacé : désormais le { $when } (au lieu du { $old }).
moved-at = { $community } est déplacé : désormais le { $when }, lieu : { $place } (au lieu du { $old }).
moved-answer = Votre réponse reste valable. Si la nouvelle date la change, répondez OUI, NON ou PEUT-ÊTRE.
preheader-moved = { $community } a désormais lieu le { $when }.

## Bienvenue, réponses et questions.
welcome-intro = Bienvenue dans { $community } ! Vous recevez désormais les messages du groupe : invitations, ordres du jour et résumés.
welcome-help = Répondez simplement à n'importe quel message. Envoyez HELP en objet pour voir tout ce que vous pouvez faire.
preheader-welcome = Bienvenue dans { $community }.
question-thanks = Merci de votre réponse.
you-wrote = Vous avez écrit :
your-note = Votre mot :
help-intro = Envoyez une commande en objet d'un message à l'adresse du groupe (majuscules ou minuscules).
help-coordinators = Pour les coordinateurs
help-example = p. ex.
help-dates = Les heures sont locales : 2026-12-08 18:30, 08.12.2026 18:30 ou 8 Dec 2026 18:30.

## Les mots d'un membre, transmis à la coordination.
forwarded-asked = { $member } <{ $address }> a répondu à « { $subject } » (noté { $answer }) et demande :
forwarded-words = { $member } <{ $address }> a répondu à « { $subject } » avec des mots pour des personnes, pas pour le robot :
forwarded-answer = Répondez à ce message pour répondre à { $member } : votre réponse lui parvient directement.

## Objets.
subject-announcement = { $community } : { $when } — vous venez ?
subject-cancelled = Annulé : { $community }, { $when }
subject-moved = Déplacé : { $community } a désormais lieu le { $when }
subject-nudge = Toujours en réflexion pour { $community } ?
subject-cft = { $community }, { $when } : de quoi parlons-nous ?
subject-agenda = Ordre du jour : { $community }, { $when }
subject-reminder = Rappel : { $community }, { $when }
subject-takeaways = Que retenez-vous de { $community } ?
subject-followup = Envie de rejoindre { $community } ?
subject-invitation = Une invitation à { $community }, { $when }
subject-welcome = Bienvenue dans { $community }
subject-your-mail = Votre message à { $community }
subject-digest = Résumé de { $community } : { $news }
digest-next-meeting = la prochaine rencontre

## LANGUAGE xx, answered.
language-set = Désormais, vos messages de { $community } sont en français.

## Réponses aux commandes d'un membre.
paused = En pause : vous ne recevez plus rien de { $community } jusqu'à ce que vous envoyiez RESUME.
resumed = Bon retour : vous recevez à nouveau les messages de { $community }.
delivery-each = Vous recevez chaque message envoyé à { $community } dès qu'il arrive.
delivery-none = Vous ne recevez plus les messages envoyés à { $community } ; ceux des rencontres continuent. DELIVERY EACH les rétablit.
topics-none = Aucun sujet ouvert. Répondez à un appel à sujets, ou envoyez un message avec « TOPIC: votre sujet » en objet.
topics-list = Sujets ouverts, les plus soutenus d'abord (répondez « +1 #n » pour en soutenir un) :

### ---- Ticket 13, 2e partie : chaque phrase que le robot écrit (réponses, questions en retour,
### avis, AIDE). En fin de fichier pour que les fusions restent simples.

## Un jour sans l'heure : « 6 octobre 2026 ».
date-day = { $day } { $month } { $year }

## AIDE, tirée du tableau des commandes : $word est le mot de la commande en français.
help-or = { $usage } (ou { $word })
help-rsvp = répondre pour la prochaine rencontre
help-topics = les sujets ouverts, numérotés
help-search = chercher dans les enseignements, sujets et messages passés
help-pause = plus aucun message du groupe jusqu'à ce que vous envoyiez { $resume }
help-resume = recevoir à nouveau les messages après { $pause }
help-leave = quitter le groupe
help-join = devenir membre après une visite en tant qu'invité
help-language = la langue de vos propres messages
help-delivery = les messages de la liste un par un, en un résumé quotidien, ou aucun (les messages des rencontres continuent)
help-help = cette liste
help-schedule = une nouvelle rencontre
help-reschedule = déplacer la prochaine rencontre, ou #id
help-cancel = annuler la prochaine rencontre, ou #id
help-invite = inviter quelqu'un à la prochaine rencontre
help-add = ajouter un membre
help-remove = retirer quelqu'un
help-promote = faire d'un invité un membre
help-attended = qui est venu à la dernière rencontre
help-agenda = envoyer l'ordre du jour maintenant
help-digest = envoyer le résumé maintenant
help-topic = clore ou reporter un sujet, ou faire d’une discussion un sujet
help-status = prochaine rencontre, réponses, sujets, invités, messages en attente
help-usage-rsvp = { $word } YES|NO|MAYBE
help-usage-search = { $word } mots
help-usage-leave = { $word }
help-usage-language = { $word } xx
help-usage-delivery = { $word } CHAQUE|RÉSUMÉ|AUCUNE
help-usage-schedule = { $word } date heure [lieu]
help-usage-reschedule = { $word } [#id] date heure [lieu]
help-usage-cancel = { $word } [next|#id] [raison]
help-usage-invite = { $word } adresse [nom]
help-usage-add = { $word } adresse [nom]
help-usage-remove = { $word } adresse
help-usage-promote = { $word } adresse
help-usage-attended = { $word } nom, adresse, …
help-usage-topic = { $word } CLOSE n | { $word } DEFER n | { $word } FROM THREAD n
help-example-search = { $word } tarifs ateliers
help-example-delivery = { $word } AUCUNE
help-example-cancel = { $word } next salle fermée

## Réponses aux commandes : $word est la commande telle qu'écrite.
subject-cmd-result = { $word } : { $status ->
    [done] fait
   *[other] pas fait
}
subject-cmd-not-understood = { $word } : pas compris
subject-cmd-coordinator-only = { $word } : réservé à la coordination
subject-cmd-refused = { $word } : refusé
subject-cmd-confirm = À confirmer : { $line }
usage = { $problem }
    Syntaxe : { $usage }
    Exemple : { $example }
usage-unknown = Commande inconnue : { $word }.
usage-send-help = envoyez { $word } pour recevoir la liste des commandes
usage-at-line = Ligne { $line } du message : { $problem }
usage-reschedule-needs-when = Il manque à RESCHEDULE la nouvelle date et l'heure.
usage-reschedule-needs-when-after = Après la réunion, il manque à RESCHEDULE la nouvelle date et l'heure.
usage-cancel-date = CANCEL attend un numéro de réunion, pas une date ({ $date }) : STATUS affiche les numéros.
usage-not-meeting-number = { $written } n'est pas un numéro de réunion : écrivez #12 ou 12 (STATUS affiche les numéros).
usage-needs-address = Il manque une adresse e-mail à { $word }.
usage-no-address-in = Il manque une adresse e-mail à { $word } : { $written } n'en contient pas.
usage-one-address-at-a-time = { $word } ne prend qu'une adresse à la fois ; j'en ai trouvé { $count } : { $addresses }.
usage-just-one-address = { $word } ne prend qu'une adresse ; retirez { $extra }.
usage-attended-needs = Il manque à ATTENDED qui était présent : des adresses ou des noms dans l'objet, ou une personne par ligne dans le message.
usage-attended-too-many = ATTENDED cite { $count } personnes ; { $max } au plus à la fois.
usage-attended-not-a-person = { $written } n'est pas une personne : ATTENDED porte sur la dernière réunion et ne prend pas de numéro.
usage-attended-who-is-who = Impossible de savoir qui est qui dans { $written } : séparez les personnes par des virgules.
usage-topic-needs = Il manque à TOPIC CLOSE ou DEFER et un numéro de sujet.
usage-topic-takes = Après TOPIC viennent CLOSE, DEFER ou FROM THREAD, pas { $written }.
usage-topic-needs-number = Il manque à TOPIC { $sub } un numéro de sujet (TOPICS les affiche).
usage-topic-one-number = TOPIC { $sub } ne prend qu'un numéro de sujet ; retirez { $extra }.
usage-not-topic-number = { $written } n'est pas un numéro de sujet : écrivez 3 ou #3 (TOPICS les affiche).
usage-topic-from-thread = Il manque à TOPIC FROM THREAD le numéro de la discussion : TOPIC FROM THREAD 12 (STATUS et le résumé numérotent les discussions).
usage-not-thread-number = { $written } n'est pas un numéro de discussion : écrivez 12 ou #12 (STATUS les affiche).
usage-rsvp-needs = Il manque YES, NO ou MAYBE après RSVP.
usage-rsvp-not = { $written } n'est pas YES, NO ou MAYBE (RSVP ne comprend que ces mots anglais ; en répondant simplement à l'invitation, vous pouvez le dire avec vos propres mots).
usage-delivery-needs = Il manque CHAQUE, RÉSUMÉ ou AUCUNE après DELIVERY.
usage-delivery-not = { $written } n'est pas CHAQUE, RÉSUMÉ ou AUCUNE.
usage-language-needs = Il manque la langue : en, de, fr, es, nl ou pt.
usage-language-not = { $written } ne fait pas partie de en, de, fr, es, nl, pt.
usage-search-needs = Il manque les mots à rechercher.
usage-takes-nothing = Rien ne suit { $word } (il y avait { $extra }) ; envoyez simplement { $word } comme objet.
usage-control-character = { $what ->
        [place] Le lieu
        [name] Le nom
        [search] La recherche
       *[reason] Le motif
    } contient un caractère de contrôle ({ $code }) ; écrivez du texte simple.
usage-too-long = { $what ->
        [place] Le lieu
        [name] Le nom
        [search] La recherche
       *[reason] Le motif
    } fait { $count } caractères ; { $max } au plus sont permis.
usage-name-may-not-contain = Le nom { $name } ne peut pas contenir { $char }.
usage-needs-date-time = Il manque une date et une heure à { $word }.
usage-needs-date-first = Après { $word } vient d'abord la date, et { $written } n'en est pas une (écrivez 2026-12-08, 08.12.2026 ou 8 Dec 2026).
usage-wrong-weekday = Le { $date } est un { $is }, pas un { $written }.
usage-needs-time = Il manque l'heure à { $word } : écrivez-la après la date, par exemple { $date } 18:30.
usage-not-a-time-after = Après la date, { $word } attend une heure, et { $written } n'en est pas une (écrivez { $date } 18:30).
usage-no-such-month = { $written } n'est pas une date : il n'y a pas de mois { $month }.
usage-no-such-day = { $written } n'est pas une date : ce mois n'a pas de jour { $day }.
usage-no-time-after-t = Dans { $written }, l'heure après le T est illisible (écrivez { $date }T18:30, en heure locale sans fuseau).
usage-two-digit-year = Dans { $written }, l'année n'a que deux chiffres : écrivez-la avec quatre, par exemple { $example }.
usage-ambiguous-date = { $written } est ambigu (le jour ou le mois d'abord ?) : écrivez la date 2026-12-08 ou 8 Dec 2026.
usage-needs-day-and-year = Il manque le jour et l'année à { $written }, par exemple 8 Dec 2026.
usage-needs-year = Il manque l'année à { $written }, par exemple 8 Dec 2026 18:30.
usage-not-a-time = { $written } n'est pas une heure.
address-space = { $address } n'est pas une adresse e-mail : elle contient une espace ou un caractère de contrôle.
address-too-long = { $address } n'est pas une adresse e-mail : elle fait { $detail } caractères (254 au plus).
address-no-at = { $address } n'est pas une adresse e-mail : il lui manque le @.
address-two-at = { $address } n'est pas une adresse e-mail : elle contient plus d'un @.
address-nothing-before = { $address } n'est pas une adresse e-mail : rien avant le @.
address-nothing-after = { $address } n'est pas une adresse e-mail : rien après le @.
address-local-too-long = { $address } n'est pas une adresse e-mail : la partie avant le @ dépasse 64 caractères.
address-contains = { $address } n'est pas une adresse e-mail : elle contient { $detail }.
address-domain-contains = { $address } n'est pas une adresse e-mail : le domaine contient { $detail }.
address-domain-no-dot = { $address } n'est pas une adresse e-mail : le domaine { $detail } n'a pas de point (comme dans example.org).
address-domain-malformed = { $address } n'est pas une adresse e-mail : le domaine { $detail } est mal formé.
address-dots = { $address } n'est pas une adresse e-mail : la partie avant le @ commence ou finit par un point, ou en a deux de suite.
address-refused = { $address } n'est pas une adresse e-mail : les serveurs de messagerie la refuseraient.
cmd-failed = Ça n'a pas marché : { $error }
    Rien n'a été modifié.
cmd-coordinator-only = Seule la coordination de { $community } peut utiliser { $word }.
cmd-refused = Une commande envoyée en votre nom a été refusée : { $why }.
    Si c'était bien vous, envoyez-la depuis votre compte habituel (son serveur de messagerie doit la signer), ou demandez à l'administration d'autoriser les confirmations (coordinator_auth = "dmarc-or-confirm").
refused-name-shows-other-address = le nom de l'expéditeur (« { $name } ») affiche une autre adresse que { $address }
refused-auth-failed = notre serveur de messagerie dit qu'elle n'a pas été envoyée depuis { $address }
refused-auth-missing = notre serveur de messagerie n'a pas pu confirmer qu'elle venait de { $address }
cmd-confirm = Merci de confirmer : { $line }

    Répondez CONFIRM (ou OUI / OK) à ce message dans les 24 heures et ce sera fait. Toute autre réponse l'annule. Si ce n'était pas vous, ignorez ce message ou répondez NON : il ne se passera rien.
subject-confirm-cancelled = Non confirmé : annulé
confirm-cancelled = Non effectué : { $line }

    Votre réponse ne disait pas CONFIRM (ou YES / OK) : la commande a donc été annulée et cette confirmation n'est plus valable. Si c'est bien vous qui l'avez envoyée, renvoyez la commande et répondez CONFIRM.
subject-confirm-refused = Confirmation refusée
confirm-refused = Cette confirmation n'est pas utilisable : { $why }. Renvoyez la commande pour en recevoir une nouvelle.
confirm-unknown = nous ne la connaissons pas
confirm-not-yours = elle a été envoyée à quelqu'un d'autre
confirm-used = elle a déjà servi
confirm-expired = elle a expiré
cmd-already = { $address } est déjà { $role ->
    [coordinator] dans la coordination
    [guest] invité
   *[member] membre
} de { $community }{ $state ->
    [active] {""}
    [paused] {" "}(en pause)
    [bouncing] {" "}(les messages reviennent en erreur)
   *[other] {" "}({ $state })
}.
cmd-scheduled = Rencontre { $id } prévue le { $when }. Ses messages suivent le calendrier (roundtable timeline l'affiche).
cmd-scheduled-at = Rencontre { $id } prévue le { $when }, lieu : { $place }. Ses messages suivent le calendrier (roundtable timeline l'affiche).
cmd-rescheduled = La rencontre { $id } est déplacée au { $when } ; { $count ->
    [one] la personne déjà invitée a été prévenue.
   *[other] { $count } personnes déjà invitées ont été prévenues.
}
cmd-cancelled = La rencontre { $id } du { $when } est annulée ; { $count ->
    [one] une personne a été prévenue.
   *[other] { $count } personnes ont été prévenues.
}
cmd-added = { $address } est maintenant membre et a reçu un message de bienvenue.
cmd-removed = { $address } est retiré·e : plus aucun message pour cette adresse.
cmd-not-member = { $address } n'est pas membre actif de { $community }.
cmd-promoted = { $address } est maintenant membre et a reçu un message de bienvenue.
cmd-promote-not-guest = { $address } est déjà { $role ->
    [coordinator] dans la coordination
   *[other] membre
}, pas invité.
cmd-promote-unknown = { $address } n'est pas invité de { $community } : invitez d'abord cette adresse avec INVITE.
cmd-no-meeting-held = Aucune rencontre n'a encore eu lieu.
cmd-attended = Présents le { $when } ({ $count }) : { $names }.
cmd-attended-unknown = Introuvables (vérifiez l'orthographe ou utilisez l'adresse) : { $names }.
cmd-agenda-now = L'ordre du jour du { $when } part maintenant.
cmd-digest-now = Le résumé part maintenant.
cmd-topic-status = Le sujet #{ $number } est { $status ->
    [closed] clos
   *[deferred] reporté
}.
cmd-topic-none = Il n'y a pas de sujet ouvert #{ $number }.
cmd-left = { $address } a quitté { $community }.
cmd-rsvp = { $address } a répondu { $answer ->
    [yes] OUI
    [no] NON
   *[maybe] PEUT-ÊTRE
} pour le { $when }.
cmd-invited = { $address } est invité·e pour le { $when }. Cette personne peut répondre OUI, NON ou PEUT-ÊTRE ; après la rencontre, on lui demandera si elle veut rejoindre le groupe.
join-guest-already = { $address } est déjà { $role ->
    [coordinator] dans la coordination
   *[member] membre
}.
joined-as-member = { $address } a rejoint { $community } comme membre.
search-none = Rien trouvé pour « { $words } ».
search-hits = { $count ->
    [one] Un résultat
   *[other] { $count } résultats
} pour « { $words } » :
search-hit = { $kind ->
    [takeaway] Enseignement
    [post] Message
   *[topic] Sujet
} de { $author }, { $day } : { $text }

## Refus, dits à qui a demandé.
err-past = Le { $when } est déjà passé : donnez une date et une heure à venir.
err-meeting-exists = { $community } a déjà une rencontre le { $when }.
err-no-such-meeting = { $community } n'a pas de rencontre prévue numéro { $id } (STATUS affiche les numéros).
err-no-upcoming-meeting = { $community } n'a pas de rencontre à venir.
err-invite-no-meeting = Il n'y a pas de rencontre à venir à laquelle inviter { $address } : planifiez-en une d'abord avec SCHEDULE.
err-time-does-not-exist = { $time } n'existe pas dans le fuseau { $zone } (on avance l'heure à ce moment-là) : choisissez une autre heure.

## STATUS, pour la coordination.
status-next = Prochaine rencontre : { $when } (rencontre { $id })
status-next-at = Prochaine rencontre : { $when } (rencontre { $id }), { $place }
status-answers = Réponses : { $yes } oui, { $maybe } peut-être, { $no } non, { $open } pas encore
status-none-planned = Pas encore de rencontre prévue (meeting_cron planifie chacune à l'approche de son annonce)
status-none-scheduled = Aucune rencontre prévue : SCHEDULE AAAA-MM-JJ HH:MM [lieu]
status-then = Ensuite, d'après meeting_cron :
status-then-job = { $when } ({ $kind ->
    [announcement] annonce
    [call-for-topics] appel à sujets
    [agenda] ordre du jour
    [reminder] rappel
   *[other] { $kind }
} { $due })
status-topics = Sujets ouverts : { $count }{ $count ->
    [0] {""}
   *[other] {" "}— { $topics }
}
status-guests-none = Invités : aucun en cours
status-guests = Invités :
status-guest-declined = a décliné
status-guest-nudged = relancé le { $followed }, rappelé le { $nudged }, pas de réponse
status-guest-followed = relancé le { $followed }, en attente
status-guest-invited = invité le { $invited }
status-guest-state = { $state }
status-mail = Messages : { $pending } en attente, { $failed } en échec{ $failed ->
    [0] {""}
   *[other] {" "}(roundtable outbox list --status failed)
}
status-unclear = Réponses illisibles cette semaine : { $count } (roundtable log)

## Réponses aux réponses d'un membre.
subject-rsvp-yes = Vous venez : { $community } le { $when }
subject-rsvp-no = Vous ne venez pas : { $community } le { $when }
subject-rsvp-maybe = Peut-être : { $community } le { $when }
rsvp-yes = Merci ! Vous venez à { $community } le { $when }. À bientôt !
rsvp-no = Merci de nous prévenir : vous ne serez pas à { $community } le { $when }.
rsvp-maybe = C'est noté : vous viendrez peut-être à { $community } le { $when }. On vous le rappellera la veille.
change-hint = Vous avez changé d'avis ? Répondez OUI, NON ou PEUT-ÊTRE à ce message à tout moment ; c'est votre dernière réponse qui compte.
subject-left = Vous avez quitté { $community }
left = Vous avez quitté { $community }. Vous ne recevrez plus ses messages. Pour revenir, demandez à la coordination.
subject-calendar-unknown = Réponse de l'agenda non enregistrée
calendar-unknown = Votre agenda a répondu à une invitation que nous ne connaissons pas (une ancienne ou une supprimée ?), donc rien n'a été enregistré. Répondez plutôt OUI, NON ou PEUT-ÊTRE à la dernière invitation.
subject-no-meeting-yet = Pas encore de rencontre à laquelle répondre
no-meeting-yet = Il n'y a pas encore de rencontre à venir. Vous recevrez une invitation dès que la prochaine sera prévue.
subject-meeting-held = Cette rencontre a déjà eu lieu
meeting-held = Cette rencontre a déjà eu lieu, il n'y a donc plus rien à répondre.
subject-meeting-was-cancelled = Cette rencontre a été annulée
meeting-was-cancelled = Cette rencontre a été annulée, il n'y a donc rien à répondre.
subject-topics-added = { $count ->
    [one] Sujet ajouté
   *[other] Sujets ajoutés
} : { $topics }
topics-added = Merci ! Ajouté à la liste : { $topics }. Les autres peuvent soutenir un sujet en répondant « +1 #n ».
subject-votes = Votre +1
votes-counted = Votre +1 est compté pour { $topics }.
votes-unknown = { $count ->
    [one] Il n'y a pas de sujet ouvert { $topics }
   *[other] Il n'y a pas de sujets ouverts { $topics }
} : envoyez SUJETS en objet pour avoir la liste.
subject-takeaways-no-meeting = Pas de rencontre pour ces enseignements
takeaways-no-meeting = Il n'y a pas encore de rencontre passée à laquelle rattacher vos enseignements. Envoyez-les après la prochaine rencontre.
subject-takeaways-saved = Enseignements enregistrés
takeaways-saved = Merci — { $count ->
    [one] un enseignement enregistré
   *[other] { $count } enseignements enregistrés
}. Ils figureront avec votre nom dans le prochain résumé.
subject-join-already = Déjà dans { $community }
join-already = Vous êtes déjà membre de { $community } : rien à faire.
subject-declined = Merci de votre visite
declined = Merci de nous avoir prévenus. { $community } ne vous écrira plus, sauf si quelqu'un vous invite à nouveau.
subject-passed-on = Transmis à { $names }
passed-on = Votre message a été transmis à { $names }, qui vous répondra directement.
question-passed-on = Votre question a été transmise à { $names }, qui vous répondra directement.
stranger-answer = Merci d'avoir écrit à { $community }. Cette adresse est lue par un programme qui organise le groupe pour ses membres, et votre adresse n'en fait pas partie : votre message n'a donc rien déclenché. Il a été transmis à la coordination, qui prendra peut-être contact avec vous.

## Questions en retour, quand une réponse n'a pas pu être lue.
subject-unproven = Merci de répondre à l'un de nos messages
unproven = Nous n'avons pas pu vérifier que ce message venait bien de vous, donc rien n'a été modifié. Répondez directement à l'un de nos messages (son adresse de réponse vous est personnelle) et ce sera pris en compte.
subject-ask-topic = Quel sujet ?
ask-topic = Vouliez-vous proposer un sujet ? Écrivez-en un par ligne (« Sujet : … » avec les détails en dessous), ou « +1 #3 » pour en soutenir un.
subject-ask-takeaways = Vos enseignements ?
ask-takeaways = Vouliez-vous envoyer des enseignements ? Écrivez-en un par paragraphe ou par puce : ils iront dans le résumé avec votre nom.
subject-ask-join = Voulez-vous nous rejoindre ?
ask-join = Voulez-vous nous rejoindre ? Répondez JOIN, ou « non merci ».
subject-ask-rsvp = Vouliez-vous dire OUI, NON ou PEUT-ÊTRE ?
ask-rsvp = Vouliez-vous dire OUI, NON ou PEUT-ÊTRE ? Répondez avec l'un de ces mots (et un mot si vous voulez : « oui, 15 min de retard »).

## Messages à la liste : le pied de chaque copie, et ce qu'on dit à leurs auteurs.
post-footer = { $community } : écrivez à { $list } pour joindre tout le monde.
post-footer-leave = Quitter le groupe : { $link }
subject-post-too-big = Pas envoyé : votre message dépasse { $limit }
post-too-big = Votre message « { $subject } » fait { $size }, au-delà de la limite de { $limit } de ce groupe (max_post_size), il n'a donc pas été envoyé. Envoyez-le plus léger, par exemple avec un lien à la place de la pièce jointe.
subject-post-held = Votre message attend une validation
post-held = Votre message « { $subject } » attend la validation de la coordination avant de partir au groupe. On vous préviendra s'il n'est pas envoyé.
post-held-stranger = Votre message à { $community } attend la validation de la coordination, car cette adresse n'est pas membre. On vous préviendra s'il n'est pas envoyé.
subject-post-rejected = Votre message n'a pas été envoyé
post-rejected = Votre message « { $subject } » à { $community } n'a pas été envoyé au groupe.
post-rejected-reason = Votre message « { $subject } » à { $community } n'a pas été envoyé au groupe. La coordination précise : { $reason }
subject-post-expired = Votre message a expiré sans être envoyé
post-expired = Votre message « { $subject } » à { $community } n'a pas été validé dans les { $days } jours et n'a pas été envoyé. Renvoyez-le s'il est toujours d'actualité.

## Avis à la coordination, chacun dans la langue de la personne.
notice-hourly = (Un seul avis de ce type par heure et par expéditeur ; les suivants sont conservés, pas envoyés : `roundtable log` les liste.)
subject-notice-joined = { $name } a rejoint { $community }
notice-joined = { $name } ({ $address }) a répondu JOIN à la relance et est maintenant membre.
subject-notice-stranger = À examiner : messages de non-membres
notice-stranger = Un message de { $from }, qui n'est pas membre, à examiner (rien n'a été modifié) :

    Objet : { $subject }

    { $text }
subject-notice-unclear = Réponse peu claire de { $name }
notice-unclear = { $name } a écrit quelque chose que personne n'a pu lire comme une réponse ({ $reason }) ; { $asked ->
    [yes] une question lui a été renvoyée
   *[no] pas de question renvoyée (trop de réponses automatiques à cette personne cette heure-ci)
}.

    Objet : { $subject }

    { $text }
notice-unclear-again = { $name } a répondu à notre question par quelque chose d'illisible ({ $reason }) ; on ne redemande pas.

    Objet : { $subject }

    { $text }
# Pourquoi une réponse n'a pas pu être lue, dans l'avis à la coordination (entre parenthèses).
unclear-empty-reply = une réponse vide
unclear-empty-message = un message vide
unclear-yes-and-no = la réponse dit à la fois oui et non
unclear-no-yes-no-maybe = ni oui, ni non, ni peut-être
unclear-no-topic = aucun sujet dans la réponse
unclear-no-takeaway = aucun enseignement dans la réponse
unclear-not-an-answer = elle ne répond à aucune de nos questions et ne contient ni oui ou non, ni +1, ni TOPIC
unclear-no-partstat = une réponse d'agenda sans réponse
unclear-question-not-join = une question ou une condition, pas un oui pour rejoindre le groupe
unclear-join-on-condition = un oui pour rejoindre le groupe, mais sous condition
unclear-maybe-join = ni oui ni non pour rejoindre le groupe (un peut-être)
unclear-no-join-or-decline = ni adhésion ni « non merci »
subject-notice-coordinator-bounces = Les messages à { $address } reviennent
notice-coordinator-bounces = Les messages à { $name } ({ $address }), de la coordination, sont revenus { $count } fois. La coordination n'est jamais arrêtée pour cela ; vérifiez l'adresse, ou changez la coordination dans la configuration.
subject-notice-bouncing = { $address } arrêté : les messages reviennent
notice-bouncing = Les messages à { $name } ({ $address }) sont revenus { $count } fois, roundtable n'écrit donc plus à cette adresse. Si elle fonctionne de nouveau, ajoutez la personne à nouveau : roundtable member add { $slug } { $address }
subject-notice-quarantined = Un message n'a pas pu être traité
notice-quarantined = Un message de { $from } (objet : { $subject }) n'a pas pu être traité : { $error }. Il a été essayé { $count } fois et est conservé dans le dossier Quarantine de la boîte ; rien de ce qu'il demandait n'a été fait. `roundtable log` l'affiche.
subject-notice-held = À valider : #{ $id } { $subject }
notice-held = Un message à { $community } attend votre validation ({ $reason }).

    De : { $from }
    Objet : { $subject }
    Taille : { $size }

    { $words }

    Répondez APPROVE pour l'envoyer à tout le monde, ou REJECT suivi d'une raison pour le refuser (l'auteur reçoit la raison). En ligne de commande : roundtable held approve { $slug } { $id } (ou reject). Sans décision sous { $days } jours, il expire.
# Pourquoi un message est retenu, dans l'avis à la coordination (entre parenthèses).
held-not-member = { $from } n'est pas membre
held-forged = notre serveur de messagerie dit qu'il ne vient pas de { $from }
held-guest = { $name } est invité·e
held-moderated = les messages de { $name } sont relus avant envoi
held-too-many = { $name } a envoyé { $count ->
        [one] un message
       *[other] { $count } messages
    } cette heure-ci (posts_per_hour = { $limit })
subject-notice-job-failed = { $community } : { $kind ->
    [announcement] l'annonce
    [call-for-topics] l'appel à sujets
    [agenda] l'ordre du jour
    [reminder] le rappel
    [takeaway-request] la demande d'enseignements
    [guest-followup] la relance des invités
    [digest] le résumé
   *[other] { $kind }
} du { $when } n'a pas pu être envoyé
notice-job-failed = { $kind ->
    [announcement] L'annonce
    [call-for-topics] L'appel à sujets
    [agenda] L'ordre du jour
    [reminder] Le rappel
    [takeaway-request] La demande d'enseignements
    [guest-followup] La relance des invités
    [digest] Le résumé
   *[other] { $kind }
} prévu le { $when } a échoué { $count } fois et a été abandonné :

    { $error }

    Rien n'en a été envoyé. `roundtable timeline --all` l'affiche ; une fois la cause corrigée, la coordination peut le renvoyer (AGENDA ou DIGEST par message, ou en déplaçant la rencontre).
subject-forwarded-words = { $member } a répondu à : { $subject }
subject-forwarded-asked = { $member } pose une question sur : { $subject }
chart-attendance = Qui est venu aux dernières rencontres
chart-votes = +1 pour les sujets ouverts
when-at-place = { $when }, lieu : { $place }
## ---- Post digests and conversations (issue 15, helper posts2) ----
post-digest-intro = Les messages envoyés à { $community } depuis votre dernier récapitulatif :
post-digest-by = { $author }, { $when }
post-digest-reply = Répondre au groupe
post-digest-how = Pour répondre à un message, écrivez à { $list } en reprenant son objet après « Re: » (ou utilisez son lien « Répondre au groupe »). Vous recevez les messages une fois par jour, car votre mode de réception est DIGEST : DELIVERY EACH vous les envoie un par un, dès leur arrivée.
subject-post-digest = { $community } : { $count ->
    [one] un nouveau message
   *[other] { $count } nouveaux messages
}
digest-conversations = Les discussions depuis le dernier résumé :
digest-conversation-by = n° { $number }, lancée par { $author }, { $replies ->
    [0] pas encore de réponse
    [one] une réponse
   *[other] { $replies } réponses
}
conversations = { $count ->
    [one] une discussion
   *[other] { $count } discussions
}
delivery-digest = Vous recevez les messages de { $community } une fois par jour, réunis en un récapitulatif. DELIVERY EACH vous les envoie un par un, dès leur arrivée.

## TOPIC FROM THREAD and the threads STATUS lists (merge of lang and posts2).
cmd-thread-none = Il n’y a pas de discussion n° { $number } : STATUS et le résumé numérotent les discussions.
cmd-thread-already = La discussion n° { $number } est déjà un sujet ouvert.
cmd-thread-topic = La discussion n° { $number } « { $title } » devient le sujet n° { $topic } du prochain ordre du jour, proposé par { $name }.
topic-from-thread = Tiré de la discussion n° { $number }, lancée par { $author }
status-threads = Discussions (TOPIC FROM THREAD n en fait un sujet) :
status-thread = n° { $number } { $subject } — { $author }, { $replies ->
    [one] 1 réponse
   *[other] { $replies } réponses
}
