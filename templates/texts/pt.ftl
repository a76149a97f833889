# As palavras do roundtable em português (ver en.ftl).

## Datas: "terça-feira, 6 de outubro de 2026, às 18:30 CEST".
weekday-1 = segunda-feira
weekday-2 = terça-feira
weekday-3 = quarta-feira
weekday-4 = quinta-feira
weekday-5 = sexta-feira
weekday-6 = sábado
weekday-7 = domingo
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro
date-time = { $weekday }, { $day } de { $month } de { $year }, às { $time } { $zone }

hello = Olá, { $name }!
footer-answer = Responda a este e-mail para participar. Para não receber mais e-mails, responda com SAIR no assunto.

takeaways = { $count ->
    [one] { $count } aprendizado
   *[other] { $count } aprendizados
}
open-topics = { $count ->
    [one] { $count } tema em aberto
   *[other] { $count } temas em aberto
}
