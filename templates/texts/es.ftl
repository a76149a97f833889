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
footer-answer = Responde a este correo para contestar. Para no recibir más correos, responde con BAJA en el asunto.

takeaways = { $count ->
    [one] un aprendizaje
   *[other] { $count } aprendizajes
}
open-topics = { $count ->
    [one] un tema abierto
   *[other] { $count } temas abiertos
}
