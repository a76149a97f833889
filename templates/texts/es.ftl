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
footer-answer = Responde a este correo para contestar. Para no recibir más correos, responde con LEAVE en el asunto.

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
