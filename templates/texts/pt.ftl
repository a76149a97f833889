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
footer-answer = Responda a este e-mail para participar. Para não receber mais e-mails, responda com LEAVE no assunto.

takeaways = { $count ->
    [one] { $count } aprendizado
   *[other] { $count } aprendizados
}
open-topics = { $count ->
    [one] { $count } tema em aberto
   *[other] { $count } temas em aberto
}

## O link do rodapé e os botões (abrem uma resposta; nada muda até ela ser enviada).
footer-leave-link = Sair com um e-mail
button-yes = Sim, eu vou
button-maybe = Talvez
button-no = Não
button-propose = Propor um tema
button-plus-one = +1 para este tema
button-takeaway = Enviar um aprendizado
button-join = Entrar no grupo
button-no-thanks = Não, obrigado
button-help = O que posso fazer? (HELP)
topic-carried = da vez anterior
guest-mark = { $name } (convidado/a)

## O anúncio.
meets-on = { $community } se reúne em { $when }.
meets-on-at = { $community } se reúne em { $when }, local: { $place }.
will-you-come = Você vem? É só responder a este e-mail com SIM, NÃO ou TALVEZ (com um recado, se quiser: "sim, chego 15 min atrasado").
will-you-come-html = Você vem? Clique numa resposta abaixo (ela abre um e-mail que você só precisa enviar) ou responda a este e-mail com SIM, NÃO ou TALVEZ (com um recado, se quiser: "sim, chego 15 min atrasado").
preheader-announcement = { $community } se reúne em { $when }. Você vem?

## A chamada de temas.
cft-intro = { $community } se reúne em { $when }. Sobre o que vamos conversar?
cft-how = Responda com seus temas, um por linha, com uma linha de detalhes se quiser. Para apoiar um tema abaixo, responda "+1 #3" (ou "+1 para 2 e 5").
cft-none = Ainda não há temas: o seu pode ser o primeiro.
cft-open = Temas abertos:
preheader-cft = Sobre o que vamos conversar em { $when }?

## A pauta.
agenda-intro = A pauta de { $community } em { $when }.
agenda-intro-at = A pauta de { $community } em { $when }, local: { $place }.
agenda-no-topics = Nenhum tema foi proposto: traga o que estiver na sua cabeça.
agenda-topics = Temas, os mais apoiados primeiro:
agenda-coming = Vêm ({ $count }):
agenda-nobody = ninguém disse sim ainda
agenda-maybe = Talvez ({ $count }):
agenda-late = Ainda não respondeu? Responda SIM, NÃO ou TALVEZ. Um tema de última hora? Envie-o, ou "+1 #n".
preheader-agenda = { $topics ->
    [one] Um tema
   *[other] { $topics } temas
} para { $when }; { $coming } confirmados.

## O lembrete.
reminder-intro = Um lembrete: { $community } se reúne em { $when }.
reminder-intro-at = Um lembrete: { $community } se reúne em { $when }, local: { $place }.
reminder-yes = Você disse SIM: até lá! Não vai dar mais? Responda NÃO.
reminder-maybe = Você disse TALVEZ. Já sabe? Responda SIM ou NÃO.
reminder-none = Você ainda não respondeu. Você vem? Responda SIM, NÃO ou TALVEZ.

## Depois do encontro.
takeaway-thanks = Obrigado por vir a { $community } em { $when }.
takeaway-ask = O que você leva daqui? Responda com um ou mais aprendizados, um por parágrafo ou item. Eles entram com o seu nome no próximo resumo, para o grupo guardar o que aprendeu.
preheader-takeaway = O que você leva de { $community }?

## O resumo.
digest-intro = O que { $community } aprendeu nos últimos tempos.
digest-there = { $count } presentes:
digest-open = Temas abertos (responda "+1 #n" para apoiar um, ou envie um novo):
digest-next = Próximo encontro: { $when }. Responda SIM, NÃO ou TALVEZ ao anúncio.
preheader-digest-next = Próximo encontro: { $when }.

## Convidados: o convite e a mensagem depois da visita.
invite-intro = { $inviter } convida você a conhecer { $community }.
invite-next = O próximo encontro é em { $when }.
invite-next-at = O próximo encontro é em { $when }, local: { $place }.
invite-no-sales = Venha ver se o grupo é para você; ninguém vai tentar vender nada.
invite-rsvp = Você vem? Responda SIM, NÃO ou TALVEZ, ou use os botões de calendário do convite anexo.
preheader-invitation = { $inviter } convida você para { $community } em { $when }.
followup-thanks = Obrigado pela visita a { $community } em { $when }.
followup-join = Quer entrar no grupo? Responda JOIN e a partir de agora você recebe os e-mails do grupo. Se não for para você, responda "não, obrigado": não escreveremos mais.
preheader-followup = Quer entrar em { $community }?

## Encontro remarcado ou cancelado: $old é a data anterior.
cancelled = { $community } de { $when } está cancelado.
cancelled-calendar = A atualização anexa tira o compromisso da sua agenda.
moved = { $community } mudou de data: agora é em { $when } (antes era { $old }).
moved-at = { $community } mudou de data: agora é em { $when }, local: { $place } (antes era { $old }).
moved-answer = Sua resposta continua valendo. Se a nova data mudar algo, responda SIM, NÃO ou TALVEZ.
preheader-moved = { $community } agora é em { $when }.

## Boas-vindas, respostas e perguntas.
welcome-intro = Boas-vindas a { $community }! A partir de agora você recebe os e-mails do grupo: convites, pautas e resumos.
welcome-help = Responda a qualquer e-mail para participar. Envie HELP no assunto para ver o que mais pode fazer.
preheader-welcome = Boas-vindas a { $community }.
question-thanks = Obrigado pela resposta.
you-wrote = Você escreveu:
your-note = Seu recado:
help-intro = Envie um comando como assunto de um e-mail para o endereço do grupo (maiúsculas ou minúsculas).
help-coordinators = Para coordenadores
help-example = ex.
help-dates = Os horários são locais: 2026-12-08 18:30, 08.12.2026 18:30 ou 8 Dec 2026 18:30.

## Palavras de um membro, encaminhadas à coordenação.
forwarded-asked = { $member } <{ $address }> respondeu a "{ $subject }" (registrado como { $answer }) e pergunta:
forwarded-words = { $member } <{ $address }> respondeu a "{ $subject }" com palavras para pessoas, não para o robô:
forwarded-answer = Responda a este e-mail para responder a { $member }: sua resposta vai direto para a pessoa.

## Assuntos.
subject-announcement = { $community }: { $when } — você vem?
subject-cancelled = Cancelado: { $community }, { $when }
subject-moved = Remarcado: { $community } agora é em { $when }
subject-nudge = Ainda pensando em { $community }?
subject-cft = { $community }, { $when }: sobre o que vamos conversar?
subject-agenda = Pauta: { $community }, { $when }
subject-reminder = Lembrete: { $community }, { $when }
subject-takeaways = O que você leva de { $community }?
subject-followup = Quer entrar em { $community }?
subject-invitation = Um convite para { $community }, { $when }
subject-welcome = Boas-vindas a { $community }
subject-your-mail = Seu e-mail para { $community }
subject-digest = Resumo de { $community }: { $news }
digest-next-meeting = o próximo encontro

## LANGUAGE xx, answered.
language-set = A partir de agora você recebe os e-mails de { $community } em português.

## Respostas aos comandos de um membro.
paused = Em pausa: você não recebe e-mails de { $community } até enviar RESUME.
resumed = Bem-vindo de volta: você volta a receber os e-mails de { $community }.
delivery-each = Você recebe cada mensagem para { $community } assim que chega.
delivery-none = Você não recebe mais as mensagens para { $community }; os e-mails dos encontros continuam. DELIVERY EACH traz as mensagens de volta.
topics-none = Nenhum tema aberto. Responda a uma chamada de temas ou envie um e-mail com "TOPIC: seu tema" no assunto.
topics-list = Temas abertos, os mais apoiados primeiro (responda "+1 #n" para apoiar um):

## ---- Post digests and conversations (issue 15, helper posts2) ----
post-digest-intro = As mensagens enviadas para { $community } desde o seu último resumo de mensagens:
post-digest-by = { $author }, { $when }
post-digest-reply = Responder ao grupo
post-digest-how = Para responder a uma mensagem, escreva para { $list } com o assunto dela depois de "Re:" (ou use o link "Responder ao grupo"). Você recebe as mensagens uma vez por dia porque o seu modo de entrega é DIGEST: com DELIVERY EACH cada mensagem chega assim que é enviada.
subject-post-digest = { $community }: { $count ->
    [one] uma mensagem nova
   *[other] { $count } mensagens novas
}
digest-conversations = Conversas desde o último resumo:
digest-conversation-by = n.º { $number }, iniciada por { $author }, { $replies ->
    [0] ainda sem respostas
    [one] uma resposta
   *[other] { $replies } respostas
}
conversations = { $count ->
    [one] uma conversa
   *[other] { $count } conversas
}
delivery-digest = Você recebe as mensagens de { $community } uma vez por dia, reunidas num resumo. Com DELIVERY EACH cada mensagem chega assim que é enviada.
