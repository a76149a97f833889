# Las palabras de roundtable en español (ver en.ftl).

## Fechas: «martes, 6 de octubre de 2026, 18:30 CEST».
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-time = { $weekday }, { $day } de { $month } de { $year }, { $time } { $zone }

hello = Hola, { $name }:
# $leave: la orden LEAVE en español (BAJA)
footer-answer = Responde a este correo para contestar. Para no recibir más correos, responde con { $leave } en el asunto.

takeaways = { $count ->
    [one] un aprendizaje
   *[other] { $count } aprendizajes
}
open-topics = { $count ->
    [one] un tema abierto
   *[other] { $count } temas abiertos
}

## El enlace del pie y los botones (abren una respuesta; nada cambia hasta que se envía).
footer-leave-link = Darse de baja con un correo
button-yes = Sí, voy
button-maybe = Quizás
button-no = No
button-propose = Proponer un tema
button-plus-one = +1 a este tema
button-takeaway = Enviar un aprendizaje
button-join = Unirme al grupo
button-no-thanks = No, gracias
button-help = ¿Qué puedo hacer? (HELP)
topic-carried = pendiente de la vez anterior
guest-mark = { $name } (invitado/a)

## El anuncio.
meets-on = { $community } se reúne el { $when }.
meets-on-at = { $community } se reúne el { $when } en { $place }.
will-you-come = ¿Vienes? Responde a este correo con SÍ, NO o QUIZÁS (y una nota si quieres: «sí, llego 15 min tarde»).
will-you-come-html = ¿Vienes? Pulsa una respuesta aquí abajo (abre un correo que solo tienes que enviar) o responde a este correo con SÍ, NO o QUIZÁS (y una nota si quieres: «sí, llego 15 min tarde»).
preheader-announcement = { $community } se reúne el { $when }. ¿Vienes?

## La llamada a temas.
cft-intro = { $community } se reúne el { $when }. ¿De qué hablamos?
cft-how = Responde con tus temas, uno por línea, con una línea de detalles si quieres. Para apoyar un tema de abajo, responde «+1 #3» (o «+1 para 2 y 5»).
cft-none = Aún no hay temas: el tuyo puede ser el primero.
cft-open = Temas abiertos:
preheader-cft = ¿De qué hablamos el { $when }?

## El orden del día.
agenda-intro = El orden del día de { $community } el { $when }.
agenda-intro-at = El orden del día de { $community } el { $when } en { $place }.
agenda-no-topics = No se propuso ningún tema: trae lo que tengas en mente.
agenda-topics = Temas, primero los más apoyados:
agenda-coming = Vienen ({ $count }):
agenda-nobody = nadie ha dicho que sí todavía
agenda-maybe = Quizás ({ $count }):
agenda-late = ¿Aún no has respondido? Responde SÍ, NO o QUIZÁS. ¿Un tema de última hora? Envíalo, o «+1 #n».
preheader-agenda = { $topics ->
    [one] Un tema
   *[other] { $topics } temas
} para el { $when }; vienen { $coming }.

## El recordatorio.
reminder-intro = Un recordatorio: { $community } se reúne el { $when }.
reminder-intro-at = Un recordatorio: { $community } se reúne el { $when } en { $place }.
reminder-yes = Dijiste que SÍ: ¡nos vemos! ¿Al final no puedes? Responde NO.
reminder-maybe = Dijiste QUIZÁS. ¿Ya lo sabes? Responde SÍ o NO.
reminder-none = Aún no has respondido. ¿Vienes? Responde SÍ, NO o QUIZÁS.

## Después del encuentro.
takeaway-thanks = Gracias por venir a { $community } el { $when }.
takeaway-ask = ¿Qué te llevas? Responde con uno o más aprendizajes, uno por párrafo o viñeta. Irán con tu nombre en el próximo resumen, para que el grupo guarde lo que aprendió.
preheader-takeaway = ¿Qué te llevas de { $community }?

## El resumen.
digest-intro = Lo que { $community } ha aprendido últimamente.
digest-there = Asistieron { $count }:
digest-open = Temas abiertos (responde «+1 #n» para apoyar uno, o envía uno nuevo):
digest-next = Próximo encuentro: { $when }. Responde SÍ, NO o QUIZÁS a su anuncio.
preheader-digest-next = Próximo encuentro: { $when }.

## Invitados: la invitación y el mensaje después de la visita.
invite-intro = { $inviter } te invita a conocer { $community }.
invite-next = El próximo encuentro es el { $when }.
invite-next-at = El próximo encuentro es el { $when } en { $place }.
invite-no-sales = Ven a ver si el grupo es para ti; nadie te va a vender nada.
invite-rsvp = ¿Vienes? Responde SÍ, NO o QUIZÁS, o usa los botones de calendario de la invitación adjunta.
preheader-invitation = { $inviter } te invita a { $community } el { $when }.
followup-thanks = Gracias por visitar { $community } el { $when }.
followup-join = ¿Te gustaría unirte? Responde JOIN y desde ahora recibirás los correos del grupo. Si no es para ti, responde «no, gracias» y no volveremos a escribirte.
preheader-followup = ¿Te gustaría unirte a { $community }?

## Encuentro movido o cancelado: $old es la fecha anterior.
cancelled = { $community } del { $when } se cancela.
cancelled-calendar = La actualización adjunta quita la cita de tu calendario.
moved = { $community } cambia de fecha: ahora es el { $when } (antes, el { $old }).
moved-at = { $community } cambia de fecha: ahora es el { $when } en { $place } (antes, el { $old }).
moved-answer = Tu respuesta sigue valiendo. Si la nueva fecha la cambia, responde SÍ, NO o QUIZÁS.
preheader-moved = { $community } es ahora el { $when }.

## Bienvenida, respuestas y preguntas.
welcome-intro = ¡Bienvenido/a a { $community }! Desde ahora recibes los correos del grupo: invitaciones, órdenes del día y resúmenes.
welcome-help = Responde a cualquier correo para contestar. Envía HELP en el asunto para ver qué más puedes hacer.
preheader-welcome = Bienvenido/a a { $community }.
question-thanks = Gracias por tu respuesta.
you-wrote = Escribiste:
your-note = Tu nota:
help-intro = Envía un comando como asunto de un correo a la dirección del grupo (en mayúsculas o minúsculas).
help-coordinators = Para coordinadores
help-example = p. ej.
help-dates = Las horas son locales: 2026-12-08 18:30, 08.12.2026 18:30 o 8 Dec 2026 18:30.

## Palabras de un miembro, reenviadas a la coordinación.
forwarded-asked = { $member } <{ $address }> respondió a «{ $subject }» (anotado como { $answer }) y pregunta:
forwarded-words = { $member } <{ $address }> respondió a «{ $subject }» con palabras para personas, no para el robot:
forwarded-answer = Responde a este correo para contestar a { $member }: tu respuesta le llega directamente.

## Asuntos.
subject-announcement = { $community }: { $when } — ¿vienes?
subject-cancelled = Cancelado: { $community }, { $when }
subject-moved = Cambio de fecha: { $community } es ahora el { $when }
subject-nudge = ¿Sigues pensándolo? { $community }
subject-cft = { $community }, { $when }: ¿de qué hablamos?
subject-agenda = Orden del día: { $community }, { $when }
subject-reminder = Recordatorio: { $community }, { $when }
subject-takeaways = ¿Qué te llevas de { $community }?
subject-followup = ¿Te gustaría unirte a { $community }?
subject-invitation = Una invitación a { $community }, { $when }
subject-welcome = Bienvenido/a a { $community }
subject-your-mail = Tu correo a { $community }
subject-digest = Resumen de { $community }: { $news }
digest-next-meeting = el próximo encuentro

## LANGUAGE xx, answered.
language-set = A partir de ahora recibirás los correos de { $community } en español.

## Respuestas a los comandos de un miembro.
paused = En pausa: no recibirás correos de { $community } hasta que envíes RESUME.
resumed = ¡Bienvenido/a de nuevo! Vuelves a recibir los correos de { $community }.
delivery-each = Recibes cada mensaje a { $community } en cuanto llega.
delivery-none = Ya no recibes los mensajes a { $community }; los correos de los encuentros siguen llegando. DELIVERY EACH los recupera.
topics-none = No hay temas abiertos. Responde a una llamada a temas o envía un correo con «TOPIC: tu tema» en el asunto.
topics-list = Temas abiertos, primero los más apoyados (responde «+1 #n» para apoyar uno):

### ---- Issue 13, parte 2: cada frase que escribe el robot (respuestas, preguntas de vuelta,
### avisos, AYUDA). Al final del archivo para que las fusiones sigan siendo fáciles.

## Un día sin la hora: «6 de octubre de 2026».
date-day = { $day } de { $month } de { $year }

## AYUDA, sacada de la tabla de comandos: $word es la palabra del comando en español.
help-or = { $usage } (o { $word })
help-rsvp = responder para el próximo encuentro
help-topics = los temas abiertos, numerados
help-search = buscar en aprendizajes, temas y mensajes anteriores
help-pause = ningún correo del grupo hasta que envíes { $resume }
help-resume = volver a recibir correos después de { $pause }
help-leave = dejar el grupo
help-join = hacerte miembro después de visitarnos como invitado
help-language = el idioma de tus propios correos
help-delivery = los mensajes de la lista uno a uno, en un resumen diario, o ninguno (los correos de los encuentros siguen llegando)
help-help = esta lista
help-schedule = un encuentro nuevo
help-reschedule = mover el próximo encuentro, o #id
help-cancel = cancelar el próximo encuentro, o #id
help-invite = invitar a alguien al próximo encuentro
help-add = añadir un miembro
help-remove = dar de baja a alguien
help-promote = hacer miembro a un invitado
help-attended = quién vino al último encuentro
help-agenda = enviar el orden del día ahora
help-digest = enviar el resumen ahora
help-topic = cerrar o aplazar un tema, o convertir una conversación en tema
help-status = próximo encuentro, respuestas, temas, invitados, correo en espera
help-usage-rsvp = { $word } YES|NO|MAYBE
help-usage-search = { $word } palabras
help-usage-leave = { $word }
help-usage-language = { $word } xx
help-usage-delivery = { $word } CADA|RESUMEN|NINGUNA
help-usage-schedule = { $word } fecha hora [lugar]
help-usage-reschedule = { $word } [#id] fecha hora [lugar]
help-usage-cancel = { $word } [next|#id] [motivo]
help-usage-invite = { $word } dirección [nombre]
help-usage-add = { $word } dirección [nombre]
help-usage-remove = { $word } dirección
help-usage-promote = { $word } dirección
help-usage-attended = { $word } nombre, dirección, …
help-usage-topic = { $word } CLOSE n | { $word } DEFER n | { $word } FROM THREAD n
help-example-search = { $word } precios talleres
help-example-delivery = { $word } NINGUNA
help-example-cancel = { $word } next sala cerrada

## Respuestas a comandos: $word es el comando tal como se escribió.
subject-cmd-result = { $word }: { $status ->
    [done] hecho
   *[other] no hecho
}
subject-cmd-not-understood = { $word }: no entendido
subject-cmd-coordinator-only = { $word }: solo para la coordinación
subject-cmd-refused = { $word }: rechazado
subject-cmd-confirm = Confirma: { $line }
usage = { $problem }
    Cómo se escribe: { $usage }
    Ejemplo: { $example }
usage-unknown = No conozco ese comando: { $word }.
usage-send-help = envía { $word } y recibirás la lista de comandos
usage-at-line = Línea { $line } del mensaje: { $problem }
usage-reschedule-needs-when = A RESCHEDULE le faltan la nueva fecha y la hora.
usage-reschedule-needs-when-after = Después de la reunión, a RESCHEDULE le faltan la nueva fecha y la hora.
usage-cancel-date = CANCEL espera el número de una reunión, no una fecha ({ $date }): STATUS muestra los números.
usage-not-meeting-number = { $written } no es un número de reunión: escribe #12 o 12 (STATUS muestra los números).
usage-needs-address = A { $word } le falta una dirección de correo.
usage-no-address-in = A { $word } le falta una dirección de correo: { $written } no tiene ninguna.
usage-one-address-at-a-time = { $word } acepta una sola dirección cada vez; he encontrado { $count }: { $addresses }.
usage-just-one-address = { $word } acepta una sola dirección; quita { $extra }.
usage-attended-needs = A ATTENDED le falta quién asistió: direcciones o nombres en el asunto, o una persona por línea en el mensaje.
usage-attended-too-many = ATTENDED nombra a { $count } personas; como mucho { $max } cada vez.
usage-attended-not-a-person = { $written } no es una persona: ATTENDED es para la última reunión y no lleva número.
usage-attended-who-is-who = No se distingue quién es quién en { $written }: separa a las personas con comas.
usage-topic-needs = A TOPIC le faltan CLOSE o DEFER y un número de tema.
usage-topic-takes = Después de TOPIC va CLOSE, DEFER o FROM THREAD, no { $written }.
usage-topic-needs-number = A TOPIC { $sub } le falta el número del tema (TOPICS los muestra).
usage-topic-one-number = TOPIC { $sub } acepta un solo número de tema; quita { $extra }.
usage-not-topic-number = { $written } no es un número de tema: escribe 3 o #3 (TOPICS los muestra).
usage-topic-from-thread = A TOPIC FROM THREAD le falta el número de la conversación: TOPIC FROM THREAD 12 (STATUS y el resumen numeran las conversaciones).
usage-not-thread-number = { $written } no es un número de conversación: escribe 12 o #12 (STATUS los muestra).
usage-rsvp-needs = Después de RSVP falta YES, NO o MAYBE.
usage-rsvp-not = { $written } no es YES, NO ni MAYBE (RSVP solo entiende estas palabras en inglés; si respondes sin más a la invitación, puedes decirlo con tus palabras).
usage-delivery-needs = Después de DELIVERY falta CADA, RESUMEN o NINGUNA.
usage-delivery-not = { $written } no es CADA, RESUMEN ni NINGUNA.
usage-language-needs = Falta el idioma: en, de, fr, es, nl o pt.
usage-language-not = { $written } no está entre en, de, fr, es, nl, pt.
usage-search-needs = Faltan las palabras que quieres buscar.
usage-takes-nothing = Después de { $word } no va nada (había { $extra }); envía solo { $word } como asunto.
usage-control-character = { $what ->
        [place] El lugar
        [name] El nombre
        [search] La búsqueda
       *[reason] El motivo
    } contiene un carácter de control ({ $code }); escribe texto normal.
usage-too-long = { $what ->
        [place] El lugar
        [name] El nombre
        [search] La búsqueda
       *[reason] El motivo
    } tiene { $count } caracteres; se permiten como mucho { $max }.
usage-name-may-not-contain = El nombre { $name } no puede contener { $char }.
usage-needs-date-time = A { $word } le faltan la fecha y la hora.
usage-needs-date-first = Después de { $word } va primero la fecha, y { $written } no lo es (escribe 2026-12-08, 08.12.2026 o 8 Dec 2026).
usage-wrong-weekday = El { $date } es { $is }, no { $written }.
usage-needs-time = A { $word } le falta la hora: escríbela después de la fecha, por ejemplo { $date } 18:30.
usage-not-a-time-after = Después de la fecha, { $word } espera una hora, y { $written } no lo es (escribe { $date } 18:30).
usage-no-such-month = { $written } no es una fecha: no existe el mes { $month }.
usage-no-such-day = { $written } no es una fecha: ese mes no tiene día { $day }.
usage-no-time-after-t = En { $written } no se puede leer la hora después de la T (escribe { $date }T18:30, hora local sin zona).
usage-two-digit-year = En { $written } el año tiene solo dos cifras: escríbelo con cuatro, por ejemplo { $example }.
usage-ambiguous-date = { $written } es ambiguo (¿primero el día o el mes?): escribe la fecha como 2026-12-08 o 8 Dec 2026.
usage-needs-day-and-year = A { $written } le faltan el día y el año, por ejemplo 8 Dec 2026.
usage-needs-year = A { $written } le falta el año, por ejemplo 8 Dec 2026 18:30.
usage-not-a-time = { $written } no es una hora del día.
address-space = { $address } no es una dirección de correo: contiene un espacio o un carácter de control.
address-too-long = { $address } no es una dirección de correo: tiene { $detail } caracteres (como mucho 254).
address-no-at = { $address } no es una dirección de correo: le falta la @.
address-two-at = { $address } no es una dirección de correo: tiene más de una @.
address-nothing-before = { $address } no es una dirección de correo: no hay nada antes de la @.
address-nothing-after = { $address } no es una dirección de correo: no hay nada después de la @.
address-local-too-long = { $address } no es una dirección de correo: la parte antes de la @ pasa de 64 caracteres.
address-contains = { $address } no es una dirección de correo: contiene { $detail }.
address-domain-contains = { $address } no es una dirección de correo: el dominio contiene { $detail }.
address-domain-no-dot = { $address } no es una dirección de correo: al dominio { $detail } le falta un punto (como en example.org).
address-domain-malformed = { $address } no es una dirección de correo: el dominio { $detail } está mal formado.
address-dots = { $address } no es una dirección de correo: la parte antes de la @ empieza o acaba con un punto, o tiene dos seguidos.
address-refused = { $address } no es una dirección de correo: los servidores de correo la rechazarían.
cmd-failed = No ha funcionado: { $error }
    No se ha cambiado nada.
cmd-coordinator-only = Solo la coordinación de { $community } puede usar { $word }.
cmd-refused = Se rechazó un comando enviado en tu nombre: { $why }.
    Si fuiste tú, envíalo desde tu cuenta de siempre (su servidor de correo tiene que firmarlo), o pide a la administración que permita confirmaciones (coordinator_auth = "dmarc-or-confirm").
refused-name-shows-other-address = el nombre del remitente («{ $name }») muestra otra dirección que { $address }
refused-auth-failed = nuestro servidor de correo dice que no se envió desde { $address }
refused-auth-missing = nuestro servidor de correo no pudo confirmar que viniera de { $address }
cmd-confirm = Confirma, por favor: { $line }

    Responde CONFIRM (o SÍ / OK) a este correo en las próximas 24 horas y se hará. Cualquier otra respuesta lo cancela. Si no fuiste tú, ignora este correo o responde NO: no pasará nada.
subject-confirm-cancelled = No confirmado: cancelado
confirm-cancelled = No se ha hecho: { $line }

    Tu respuesta no decía CONFIRM (ni YES / OK), así que el comando se canceló y esta confirmación ya no vale. Si sí lo enviaste tú, vuelve a enviar el comando y responde CONFIRM.
subject-confirm-refused = Confirmación rechazada
confirm-refused = Esta confirmación no se puede usar: { $why }. Vuelve a enviar el comando y recibirás una nueva.
confirm-unknown = no la conocemos
confirm-not-yours = se envió a otra persona
confirm-used = ya se ha usado
confirm-expired = ha caducado
cmd-already = { $address } ya es { $role ->
    [coordinator] parte de la coordinación
    [guest] invitado
   *[member] miembro
} de { $community }{ $state ->
    [active] {""}
    [paused] {" "}(en pausa)
    [bouncing] {" "}(el correo a esa dirección rebota)
   *[other] {" "}({ $state })
}.
cmd-scheduled = Encuentro { $id } previsto para el { $when }. Sus correos siguen el calendario (roundtable timeline lo muestra).
cmd-scheduled-at = Encuentro { $id } previsto para el { $when } en { $place }. Sus correos siguen el calendario (roundtable timeline lo muestra).
cmd-rescheduled = El encuentro { $id } pasa al { $when }; { $count ->
    [one] se avisó a la persona invitada hasta ahora.
   *[other] se avisó a las { $count } personas invitadas hasta ahora.
}
cmd-cancelled = El encuentro { $id } del { $when } queda cancelado; { $count ->
    [one] se avisó a una persona.
   *[other] se avisó a { $count } personas.
}
cmd-added = { $address } ya es miembro y ha recibido un correo de bienvenida.
cmd-removed = { $address } ya no está en el grupo: no recibirá más correos.
cmd-not-member = { $address } no es miembro activo de { $community }.
cmd-promoted = { $address } ya es miembro y ha recibido un correo de bienvenida.
cmd-promote-not-guest = { $address } ya es { $role ->
    [coordinator] parte de la coordinación
   *[other] miembro
}, no invitado.
cmd-promote-unknown = { $address } no es invitado de { $community }: invítalo primero con INVITE.
cmd-no-meeting-held = Todavía no se ha celebrado ningún encuentro.
cmd-attended = Asistentes del { $when } ({ $count }): { $names }.
cmd-attended-unknown = No encontrados (revisa cómo se escribe o usa la dirección): { $names }.
cmd-agenda-now = El orden del día del { $when } sale ahora.
cmd-digest-now = El resumen sale ahora.
cmd-topic-status = El tema #{ $number } queda { $status ->
    [closed] cerrado
   *[deferred] aplazado
}.
cmd-topic-none = No hay ningún tema abierto #{ $number }.
cmd-left = { $address } ha dejado { $community }.
cmd-rsvp = { $address } respondió { $answer ->
    [yes] SÍ
    [no] NO
   *[maybe] QUIZÁS
} para el { $when }.
cmd-invited = { $address } está invitado al encuentro del { $when }. Puede responder SÍ, NO o QUIZÁS; después del encuentro le preguntaremos si quiere unirse.
join-guest-already = { $address } ya es { $role ->
    [coordinator] parte de la coordinación
   *[member] miembro
}.
joined-as-member = { $address } se ha unido a { $community } como miembro.
search-none = No se encontró nada para «{ $words }».
search-hits = { $count ->
    [one] Un resultado
   *[other] { $count } resultados
} para «{ $words }»:
search-hit = { $kind ->
    [takeaway] Aprendizaje
    [post] Mensaje
   *[topic] Tema
} de { $author }, { $day }: { $text }

## Negativas, dichas a quien lo pidió.
err-past = El { $when } ya ha pasado: indica una fecha y una hora futuras.
err-meeting-exists = { $community } ya tiene un encuentro el { $when }.
err-no-such-meeting = { $community } no tiene ningún encuentro previsto con el número { $id } (STATUS muestra los números).
err-no-upcoming-meeting = { $community } no tiene ningún encuentro próximo.
err-invite-no-meeting = No hay ningún encuentro próximo al que invitar a { $address }: programa uno primero con SCHEDULE.
err-time-does-not-exist = { $time } no existe en { $zone } (a esa hora se adelantan los relojes): elige otra hora.

## STATUS, para la coordinación.
status-next = Próximo encuentro: { $when } (encuentro { $id })
status-next-at = Próximo encuentro: { $when } (encuentro { $id }), { $place }
status-answers = Respuestas: { $yes } sí, { $maybe } quizás, { $no } no, { $open } sin responder
status-none-planned = Aún no hay encuentro previsto (meeting_cron planifica cada uno cuando se acerca su anuncio)
status-none-scheduled = No hay ningún encuentro previsto: SCHEDULE AAAA-MM-DD HH:MM [lugar]
status-then = Después, según meeting_cron:
status-then-job = { $when } ({ $kind ->
    [announcement] anuncio
    [call-for-topics] llamada a temas
    [agenda] orden del día
    [reminder] recordatorio
   *[other] { $kind }
} { $due })
status-topics = Temas abiertos: { $count }{ $count ->
    [0] {""}
   *[other] {" "}— { $topics }
}
status-guests-none = Invitados: ninguno en curso
status-guests = Invitados:
status-guest-declined = no quiso unirse
status-guest-nudged = preguntado el { $followed }, recordado el { $nudged }, sin respuesta
status-guest-followed = preguntado el { $followed }, esperando
status-guest-invited = invitado el { $invited }
status-guest-state = { $state }
status-mail = Correo: { $pending } en espera, { $failed } fallidos{ $failed ->
    [0] {""}
   *[other] {" "}(roundtable outbox list --status failed)
}
status-unclear = Respuestas que nadie pudo leer esta semana: { $count } (roundtable log)

## Respuestas a lo que contesta un miembro.
subject-rsvp-yes = Vienes: { $community } el { $when }
subject-rsvp-no = No vienes: { $community } el { $when }
subject-rsvp-maybe = Quizás: { $community } el { $when }
rsvp-yes = ¡Gracias! Vienes a { $community } el { $when }. ¡Nos vemos!
rsvp-no = Gracias por avisar: no estarás en { $community } el { $when }.
rsvp-maybe = Apuntado: quizás vengas a { $community } el { $when }. Te lo recordaremos el día antes.
change-hint = ¿Has cambiado de idea? Responde SÍ, NO o QUIZÁS a este correo cuando quieras; cuenta tu última respuesta.
subject-left = Has dejado { $community }
left = Has dejado { $community }. Ya no recibirás sus correos. Si quieres volver, pídeselo a la coordinación.
subject-calendar-unknown = Respuesta del calendario no registrada
calendar-unknown = Tu calendario respondió a una invitación que no conocemos (¿una antigua o una borrada?), así que no se registró nada. Responde mejor SÍ, NO o QUIZÁS a la última invitación.
subject-no-meeting-yet = Aún no hay encuentro al que responder
no-meeting-yet = Todavía no hay ningún encuentro próximo al que responder. Recibirás una invitación en cuanto se programe el siguiente.
subject-meeting-held = Ese encuentro ya se celebró
meeting-held = Ese encuentro ya se celebró, así que no hay nada que responder.
subject-meeting-was-cancelled = Ese encuentro se canceló
meeting-was-cancelled = Ese encuentro se canceló, así que no hay nada que responder.
subject-topics-added = { $count ->
    [one] Tema añadido
   *[other] Temas añadidos
}: { $topics }
topics-added = ¡Gracias! Añadido a la lista: { $topics }. Los demás pueden apoyar un tema respondiendo «+1 #n».
subject-votes = Tu +1
votes-counted = Contamos tu +1 para { $topics }.
votes-unknown = { $count ->
    [one] No hay ningún tema abierto { $topics }
   *[other] No hay temas abiertos { $topics }
}: envía TEMAS en el asunto para ver la lista.
subject-takeaways-no-meeting = No hay encuentro para estos aprendizajes
takeaways-no-meeting = Aún no hay ningún encuentro pasado al que asociar tus aprendizajes. Envíalos después del próximo encuentro.
subject-takeaways-saved = Aprendizajes guardados
takeaways-saved = Gracias — { $count ->
    [one] un aprendizaje guardado
   *[other] { $count } aprendizajes guardados
}. Saldrán con tu nombre en el próximo resumen.
subject-join-already = Ya estás en { $community }
join-already = Ya eres miembro de { $community }: no hay nada que hacer.
subject-declined = Gracias por tu visita
declined = Gracias por avisar. { $community } no volverá a escribirte, salvo que alguien te invite de nuevo.
subject-passed-on = Enviado a { $names }
passed-on = Tu mensaje le ha llegado a { $names }, que te responderá directamente.
question-passed-on = Tu pregunta le ha llegado a { $names }, que te responderá directamente.
stranger-answer = Gracias por escribir a { $community }. Esta dirección la lee un programa que organiza el grupo para sus miembros, y tu dirección no es una de ellas, así que tu correo no ha cambiado nada. Se lo hemos pasado a la coordinación, que quizás se ponga en contacto contigo.

## Preguntas de vuelta, cuando no se pudo leer una respuesta.
subject-unproven = Responde a uno de nuestros correos, por favor
unproven = No pudimos comprobar que este correo sea tuyo, así que no se ha cambiado nada. Responde directamente a uno de nuestros correos (su dirección de respuesta es solo tuya) y contará.
subject-ask-topic = ¿Qué tema?
ask-topic = ¿Querías proponer un tema? Escribe cada uno en su propia línea («Tema: …» con los detalles debajo), o «+1 #3» para apoyar uno.
subject-ask-takeaways = ¿Tus aprendizajes?
ask-takeaways = ¿Querías enviar aprendizajes? Escribe uno por párrafo o punto de lista y saldrán en el resumen con tu nombre.
subject-ask-join = ¿Quieres unirte?
ask-join = ¿Quieres unirte? Responde JOIN, o «no, gracias».
subject-ask-rsvp = ¿Querías decir SÍ, NO o QUIZÁS?
ask-rsvp = ¿Querías decir SÍ, NO o QUIZÁS? Responde con una de esas palabras (y una nota si quieres: «sí, llego 15 min tarde»).

## Mensajes a la lista: el pie de cada copia, y lo que se dice a sus autores.
post-footer = { $community }: escribe a { $list } para llegar a todos.
post-footer-leave = Dejar el grupo: { $link }
subject-post-too-big = No enviado: tu mensaje supera { $limit }
post-too-big = Tu mensaje «{ $subject }» ocupa { $size }, más que el límite de { $limit } de este grupo (max_post_size), así que no se envió. Envíalo más ligero, por ejemplo con un enlace en lugar del adjunto.
subject-post-held = Tu mensaje espera revisión
post-held = Tu mensaje «{ $subject }» espera a que la coordinación lo revise antes de llegar al grupo. Te avisaremos si no se envía.
post-held-stranger = Tu mensaje a { $community } espera la revisión de la coordinación, porque esta dirección no es miembro. Te avisaremos si no se envía.
subject-post-rejected = Tu mensaje no se envió
post-rejected = Tu mensaje «{ $subject }» a { $community } no se envió al grupo.
post-rejected-reason = Tu mensaje «{ $subject }» a { $community } no se envió al grupo. La coordinación dice: { $reason }
subject-post-expired = Tu mensaje caducó sin enviarse
post-expired = Tu mensaje «{ $subject }» a { $community } no se revisó en { $days } días y no se envió. Vuelve a enviarlo si todavía importa.

## Avisos a la coordinación, cada uno en el idioma de quien lo recibe.
notice-hourly = (Como mucho un aviso así por hora y remitente; los demás se guardan sin enviarse: `roundtable log` los muestra.)
subject-notice-joined = { $name } se ha unido a { $community }
notice-joined = { $name } ({ $address }) respondió JOIN al seguimiento y ya es miembro.
subject-notice-stranger = Para revisar: correo de personas que no son miembros
notice-stranger = Un correo de { $from }, que no es miembro, para que lo revises (no se ha cambiado nada):

    Asunto: { $subject }

    { $text }
subject-notice-unclear = Respuesta poco clara de { $name }
notice-unclear = { $name } escribió algo que nadie pudo leer como respuesta ({ $reason }); { $asked ->
    [yes] se le preguntó de vuelta
   *[no] no se le preguntó (demasiadas respuestas automáticas a esa persona en esta hora)
}.

    Asunto: { $subject }

    { $text }
notice-unclear-again = { $name } respondió a nuestra pregunta con algo que nadie pudo leer ({ $reason }); no se vuelve a preguntar.

    Asunto: { $subject }

    { $text }
# Por qué no se pudo leer una respuesta, en el aviso a la coordinación (entre paréntesis).
unclear-empty-reply = una respuesta vacía
unclear-empty-message = un mensaje vacío
unclear-yes-and-no = la respuesta dice sí y no a la vez
unclear-no-yes-no-maybe = no dice sí, no ni quizás
unclear-no-topic = la respuesta no trae ningún tema
unclear-no-takeaway = la respuesta no trae ninguna conclusión
unclear-not-an-answer = no responde a nada de lo que preguntamos y no trae sí o no, +1 ni TOPIC
unclear-no-partstat = una respuesta de calendario sin respuesta
unclear-question-not-join = una pregunta o una condición, no un sí a unirse
unclear-join-on-condition = un sí a unirse, pero con una condición
unclear-maybe-join = ni se une ni lo rechaza (un quizás)
unclear-no-join-or-decline = no dice ni que se une ni que no, gracias
subject-notice-coordinator-bounces = El correo a { $address } rebota
notice-coordinator-bounces = El correo a { $name } ({ $address }), de la coordinación, ha rebotado { $count } veces. A la coordinación nunca se la detiene por rebotes; revisa la dirección, o cambia la coordinación en la configuración.
subject-notice-bouncing = { $address } detenido: el correo rebota
notice-bouncing = El correo a { $name } ({ $address }) ha rebotado { $count } veces, así que roundtable ha dejado de escribir a esa dirección. Si vuelve a funcionar, añade a la persona de nuevo: roundtable member add { $slug } { $address }
subject-notice-quarantined = No se pudo procesar un mensaje
notice-quarantined = Un mensaje de { $from } (asunto: { $subject }) no se pudo procesar: { $error }. Se intentó { $count } veces y está guardado en la carpeta Quarantine del buzón; no se hizo nada de lo que pedía. `roundtable log` lo muestra.
subject-notice-held = Para revisar: #{ $id } { $subject }
notice-held = Un mensaje a { $community } espera tu revisión ({ $reason }).

    De: { $from }
    Asunto: { $subject }
    Tamaño: { $size }

    { $words }

    Responde APPROVE para enviarlo a todos, o REJECT y un motivo para rechazarlo (el autor recibe el motivo). Desde la línea de comandos: roundtable held approve { $slug } { $id } (o reject). Si no se decide en { $days } días, caduca.
# Por qué se retiene un mensaje, en el aviso a la coordinación (entre paréntesis).
held-not-member = { $from } no es miembro
held-forged = nuestro servidor de correo dice que no viene de { $from }
held-guest = { $name } es invitado/a
held-moderated = los mensajes de { $name } se revisan antes de enviarse
held-too-many = { $name } envió { $count ->
        [one] un mensaje
       *[other] { $count } mensajes
    } en esta hora (posts_per_hour = { $limit })
subject-notice-job-failed = { $community }: no se pudo enviar { $kind ->
    [announcement] el anuncio
    [call-for-topics] la llamada a temas
    [agenda] el orden del día
    [reminder] el recordatorio
    [takeaway-request] la petición de aprendizajes
    [guest-followup] el seguimiento a invitados
    [digest] el resumen
   *[other] { $kind }
} del { $when }
notice-job-failed = { $kind ->
    [announcement] El anuncio
    [call-for-topics] La llamada a temas
    [agenda] El orden del día
    [reminder] El recordatorio
    [takeaway-request] La petición de aprendizajes
    [guest-followup] El seguimiento a invitados
    [digest] El resumen
   *[other] { $kind }
} previsto para el { $when } falló { $count } veces y se abandonó:

    { $error }

    No se envió nada. `roundtable timeline --all` lo muestra; cuando se resuelva la causa, la coordinación puede enviarlo de nuevo (AGENDA o DIGEST por correo, o moviendo el encuentro).
subject-forwarded-words = { $member } respondió a: { $subject }
subject-forwarded-asked = { $member } pregunta sobre: { $subject }
chart-attendance = Quién vino a los últimos encuentros
chart-votes = +1 para los temas abiertos
when-at-place = { $when }, en { $place }
## ---- Post digests and conversations (issue 15, helper posts2) ----
post-digest-intro = Los mensajes enviados a { $community } desde tu último resumen de mensajes:
post-digest-by = { $author }, { $when }
post-digest-reply = Responder al grupo
post-digest-how = Para responder a un mensaje, escribe a { $list } con su asunto después de «Re:» (o usa su enlace «Responder al grupo»). Recibes los mensajes una vez al día porque tu modo de entrega es DIGEST: con DELIVERY EACH te llega cada mensaje en cuanto se envía.
subject-post-digest = { $community }: { $count ->
    [one] un mensaje nuevo
   *[other] { $count } mensajes nuevos
}
digest-conversations = Conversaciones desde el último resumen:
digest-conversation-by = n.º { $number }, iniciada por { $author }, { $replies ->
    [0] aún sin respuestas
    [one] una respuesta
   *[other] { $replies } respuestas
}
conversations = { $count ->
    [one] una conversación
   *[other] { $count } conversaciones
}
delivery-digest = Recibes los mensajes de { $community } una vez al día, reunidos en un resumen. Con DELIVERY EACH te llega cada mensaje en cuanto se envía.

## TOPIC FROM THREAD and the threads STATUS lists (merge of lang and posts2).
cmd-thread-none = No hay ninguna conversación n.º { $number }: STATUS y el resumen numeran las conversaciones.
cmd-thread-already = La conversación n.º { $number } ya es un tema abierto.
cmd-thread-topic = La conversación n.º { $number } «{ $title }» es ahora el tema n.º { $topic } del próximo orden del día, propuesto por { $name }.
topic-from-thread = De la conversación n.º { $number }, iniciada por { $author }
status-threads = Conversaciones (TOPIC FROM THREAD n convierte una en tema):
status-thread = n.º { $number } { $subject } — { $author }, { $replies ->
    [one] 1 respuesta
   *[other] { $replies } respuestas
}
