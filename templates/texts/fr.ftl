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
footer-answer = Répondez simplement à ce message. Pour ne plus rien recevoir, répondez avec LEAVE en objet.

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
