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
footer-answer = Répondez simplement à ce message. Pour ne plus rien recevoir, répondez avec DÉSINSCRIRE en objet.

takeaways = { $count ->
    [one] { $count } enseignement
   *[other] { $count } enseignements
}
open-topics = { $count ->
    [one] { $count } sujet ouvert
   *[other] { $count } sujets ouverts
}
