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
# $leave: o comando LEAVE em português (SAIR)
footer-answer = Responda a este e-mail para participar. Para não receber mais e-mails, responda com { $leave } no assunto.

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

### ---- Issue 13, parte 2: cada frase que o robô escreve (respostas, perguntas de volta,
### avisos, AJUDA). No fim do arquivo para as fusões continuarem simples.

## Um dia sem a hora: "6 de outubro de 2026".
date-day = { $day } de { $month } de { $year }

## AJUDA, tirada da tabela de comandos: $word é a palavra do comando em português.
help-or = { $usage } (ou { $word })
help-rsvp = responder para o próximo encontro
help-topics = os temas abertos, numerados
help-search = procurar em aprendizados, temas e mensagens anteriores
help-pause = nenhum e-mail do grupo até você enviar { $resume }
help-resume = voltar a receber e-mails depois de { $pause }
help-leave = sair do grupo
help-join = virar membro depois de uma visita como convidado
help-language = o idioma dos seus próprios e-mails
help-delivery = as mensagens da lista uma a uma, num resumo diário, ou nenhuma (os e-mails dos encontros continuam chegando)
help-help = esta lista
help-schedule = um novo encontro
help-reschedule = mudar o próximo encontro, ou #id
help-cancel = cancelar o próximo encontro, ou #id
help-invite = convidar alguém para o próximo encontro
help-add = adicionar um membro
help-remove = remover alguém
help-promote = tornar um convidado membro
help-attended = quem veio ao último encontro
help-agenda = enviar a pauta agora
help-digest = enviar o resumo agora
help-topic = encerrar ou adiar um tema, ou transformar uma conversa em tema
help-status = próximo encontro, respostas, temas, convidados, e-mails na fila
help-usage-rsvp = { $word } YES|NO|MAYBE
help-usage-search = { $word } palavras
help-usage-leave = { $word }
help-usage-language = { $word } xx
help-usage-delivery = { $word } CADA|RESUMO|NENHUMA
help-usage-schedule = { $word } data hora [local]
help-usage-reschedule = { $word } [#id] data hora [local]
help-usage-cancel = { $word } [next|#id] [motivo]
help-usage-invite = { $word } endereço [nome]
help-usage-add = { $word } endereço [nome]
help-usage-remove = { $word } endereço
help-usage-promote = { $word } endereço
help-usage-attended = { $word } nome, endereço, …
help-usage-topic = { $word } CLOSE n | { $word } DEFER n | { $word } FROM THREAD n
help-example-search = { $word } preços oficinas
help-example-delivery = { $word } NENHUMA
help-example-cancel = { $word } next sala fechada

## Respostas a comandos: $word é o comando como foi escrito.
subject-cmd-result = { $word }: { $status ->
    [done] feito
   *[other] não feito
}
subject-cmd-not-understood = { $word }: não entendido
subject-cmd-coordinator-only = { $word }: só para a coordenação
subject-cmd-refused = { $word }: recusado
subject-cmd-confirm = Confirme: { $line }
usage = { $problem }
    Como escrever: { $usage }
    Exemplo: { $example }
usage-unknown = Não conheço esse comando: { $word }.
usage-send-help = envie { $word } para receber a lista de comandos
usage-at-line = Linha { $line } da mensagem: { $problem }
usage-reschedule-needs-when = Faltam a nova data e a hora no RESCHEDULE.
usage-reschedule-needs-when-after = Depois do encontro, faltam a nova data e a hora no RESCHEDULE.
usage-cancel-date = O CANCEL espera o número de um encontro, não uma data ({ $date }): o STATUS mostra os números.
usage-not-meeting-number = { $written } não é número de encontro: escreva #12 ou 12 (o STATUS mostra os números).
usage-needs-address = Falta um endereço de e-mail no { $word }.
usage-no-address-in = Falta um endereço de e-mail no { $word }: { $written } não tem nenhum.
usage-one-address-at-a-time = O { $word } aceita um endereço de cada vez; encontrei { $count }: { $addresses }.
usage-just-one-address = O { $word } aceita só um endereço; tire { $extra }.
usage-attended-needs = Falta no ATTENDED quem compareceu: endereços ou nomes no assunto, ou uma pessoa por linha na mensagem.
usage-attended-too-many = O ATTENDED lista { $count } pessoas; no máximo { $max } de cada vez.
usage-attended-not-a-person = { $written } não é uma pessoa: o ATTENDED vale para o último encontro e não leva número.
usage-attended-who-is-who = Não dá para saber quem é quem em { $written }: separe as pessoas com vírgulas.
usage-topic-needs = Faltam no TOPIC o CLOSE ou DEFER e o número de um tema.
usage-topic-takes = Depois de TOPIC vem CLOSE, DEFER ou FROM THREAD, não { $written }.
usage-topic-needs-number = Falta no TOPIC { $sub } o número do tema (o TOPICS mostra os números).
usage-topic-one-number = O TOPIC { $sub } aceita só um número de tema; tire { $extra }.
usage-not-topic-number = { $written } não é número de tema: escreva 3 ou #3 (o TOPICS mostra os números).
usage-topic-from-thread = Falta no TOPIC FROM THREAD o número da conversa: TOPIC FROM THREAD 12 (o STATUS e o resumo numeram as conversas).
usage-not-thread-number = { $written } não é número de conversa: escreva 12 ou #12 (o STATUS mostra os números).
usage-rsvp-needs = Falta YES, NO ou MAYBE depois do RSVP.
usage-rsvp-not = { $written } não é YES, NO nem MAYBE (o RSVP só entende essas palavras em inglês; respondendo direto ao convite, você pode dizer com suas palavras).
usage-delivery-needs = Falta CADA, RESUMO ou NENHUMA depois do DELIVERY.
usage-delivery-not = { $written } não é CADA, RESUMO nem NENHUMA.
usage-language-needs = Falta o idioma: en, de, fr, es, nl ou pt.
usage-language-not = { $written } não está entre en, de, fr, es, nl, pt.
usage-search-needs = Faltam as palavras que você quer procurar.
usage-takes-nothing = Depois de { $word } não vem nada (veio { $extra }); envie só { $word } como assunto.
usage-control-character = { $what ->
        [place] O local
        [name] O nome
        [search] A pesquisa
       *[reason] O motivo
    } contém um caractere de controle ({ $code }); escreva texto simples.
usage-too-long = { $what ->
        [place] O local
        [name] O nome
        [search] A pesquisa
       *[reason] O motivo
    } tem { $count } caracteres; são permitidos no máximo { $max }.
usage-name-may-not-contain = O nome { $name } não pode conter { $char }.
usage-needs-date-time = Faltam a data e a hora no { $word }.
usage-needs-date-first = Depois de { $word } vem primeiro a data, e { $written } não é uma (escreva 2026-12-08, 08.12.2026 ou 8 Dec 2026).
usage-wrong-weekday = { $date } é { $is }, não { $written }.
usage-needs-time = Falta a hora no { $word }: escreva depois da data, por exemplo { $date } 18:30.
usage-not-a-time-after = Depois da data, o { $word } espera uma hora, e { $written } não é uma (escreva { $date } 18:30).
usage-no-such-month = { $written } não é uma data: não existe o mês { $month }.
usage-no-such-day = { $written } não é uma data: esse mês não tem dia { $day }.
usage-no-time-after-t = Em { $written } não dá para ler a hora depois do T (escreva { $date }T18:30, hora local sem fuso).
usage-two-digit-year = Em { $written } o ano tem só dois dígitos: escreva com quatro, por exemplo { $example }.
usage-ambiguous-date = { $written } é ambíguo (primeiro o dia ou o mês?): escreva a data como 2026-12-08 ou 8 Dec 2026.
usage-needs-day-and-year = Faltam o dia e o ano em { $written }, por exemplo 8 Dec 2026.
usage-needs-year = Falta o ano em { $written }, por exemplo 8 Dec 2026 18:30.
usage-not-a-time = { $written } não é uma hora do dia.
address-space = { $address } não é um endereço de e-mail: ele contém um espaço ou um caractere de controle.
address-too-long = { $address } não é um endereço de e-mail: ele tem { $detail } caracteres (no máximo 254).
address-no-at = { $address } não é um endereço de e-mail: falta o @.
address-two-at = { $address } não é um endereço de e-mail: ele tem mais de um @.
address-nothing-before = { $address } não é um endereço de e-mail: não há nada antes do @.
address-nothing-after = { $address } não é um endereço de e-mail: não há nada depois do @.
address-local-too-long = { $address } não é um endereço de e-mail: a parte antes do @ passa de 64 caracteres.
address-contains = { $address } não é um endereço de e-mail: ele contém { $detail }.
address-domain-contains = { $address } não é um endereço de e-mail: o domínio contém { $detail }.
address-domain-no-dot = { $address } não é um endereço de e-mail: falta um ponto no domínio { $detail } (como em example.org).
address-domain-malformed = { $address } não é um endereço de e-mail: o domínio { $detail } está malformado.
address-dots = { $address } não é um endereço de e-mail: a parte antes do @ começa ou termina com ponto, ou tem dois seguidos.
address-refused = { $address } não é um endereço de e-mail: os servidores de e-mail o recusariam.
cmd-failed = Não deu certo: { $error }
    Nada foi alterado.
cmd-coordinator-only = Só a coordenação de { $community } pode usar { $word }.
cmd-refused = Um comando em seu nome foi recusado: { $why }.
    Se foi você, envie-o da sua conta de sempre (o servidor de e-mail dela precisa assiná-lo), ou peça à administração para permitir confirmações (coordinator_auth = "dmarc-or-confirm").
refused-name-shows-other-address = o nome do remetente (“{ $name }”) mostra outro endereço que não { $address }
refused-auth-failed = nosso servidor de e-mail diz que ele não foi enviado de { $address }
refused-auth-missing = nosso servidor de e-mail não conseguiu confirmar que ele veio de { $address }
cmd-confirm = Confirme, por favor: { $line }

    Responda CONFIRM (ou SIM / OK) a este e-mail em até 24 horas e será feito. Qualquer outra resposta cancela. Se não foi você, ignore este e-mail ou responda NÃO: nada acontece.
subject-confirm-cancelled = Não confirmado: cancelado
confirm-cancelled = Não feito: { $line }

    Sua resposta não dizia CONFIRM (nem YES / OK), então o comando foi cancelado e esta confirmação não vale mais. Se foi você que enviou, mande o comando de novo e responda CONFIRM.
subject-confirm-refused = Confirmação recusada
confirm-refused = Esta confirmação não pode ser usada: { $why }. Envie o comando de novo para receber outra.
confirm-unknown = não a conhecemos
confirm-not-yours = ela foi enviada para outra pessoa
confirm-used = ela já foi usada
confirm-expired = ela expirou
cmd-already = { $address } já é { $role ->
    [coordinator] da coordenação
    [guest] convidado
   *[member] membro
} de { $community }{ $state ->
    [active] {""}
    [paused] {" "}(em pausa)
    [bouncing] {" "}(os e-mails para esse endereço voltam)
   *[other] {" "}({ $state })
}.
cmd-scheduled = Encontro { $id } marcado para { $when }. Os e-mails dele seguem o cronograma (roundtable timeline mostra).
cmd-scheduled-at = Encontro { $id } marcado para { $when } em { $place }. Os e-mails dele seguem o cronograma (roundtable timeline mostra).
cmd-rescheduled = O encontro { $id } passou para { $when }; { $count ->
    [one] a pessoa convidada até agora foi avisada.
   *[other] as { $count } pessoas convidadas até agora foram avisadas.
}
cmd-cancelled = O encontro { $id } de { $when } foi cancelado; { $count ->
    [one] uma pessoa foi avisada.
   *[other] { $count } pessoas foram avisadas.
}
cmd-added = { $address } agora é membro e recebeu um e-mail de boas-vindas.
cmd-removed = { $address } foi removido: não recebe mais e-mails.
cmd-not-member = { $address } não é membro ativo de { $community }.
cmd-promoted = { $address } agora é membro e recebeu um e-mail de boas-vindas.
cmd-promote-not-guest = { $address } já é { $role ->
    [coordinator] da coordenação
   *[other] membro
}, não convidado.
cmd-promote-unknown = { $address } não é convidado de { $community }: convide primeiro com INVITE.
cmd-no-meeting-held = Nenhum encontro aconteceu ainda.
cmd-attended = Presentes em { $when } ({ $count }): { $names }.
cmd-attended-unknown = Não encontrados (confira a grafia ou use o endereço): { $names }.
cmd-agenda-now = A pauta de { $when } está saindo agora.
cmd-digest-now = O resumo está saindo agora.
cmd-topic-status = O tema #{ $number } foi { $status ->
    [closed] encerrado
   *[deferred] adiado
}.
cmd-topic-none = Não há tema aberto #{ $number }.
cmd-left = { $address } saiu de { $community }.
cmd-rsvp = { $address } respondeu { $answer ->
    [yes] SIM
    [no] NÃO
   *[maybe] TALVEZ
} para { $when }.
cmd-invited = { $address } foi convidado para { $when }. A pessoa pode responder SIM, NÃO ou TALVEZ; depois do encontro, perguntamos se quer entrar no grupo.
join-guest-already = { $address } já é { $role ->
    [coordinator] da coordenação
   *[member] membro
}.
joined-as-member = { $address } entrou em { $community } como membro.
search-none = Nada encontrado para "{ $words }".
search-hits = { $count ->
    [one] Um resultado
   *[other] { $count } resultados
} para "{ $words }":
search-hit = { $kind ->
    [takeaway] Aprendizado
    [post] Mensagem
   *[topic] Tema
} de { $author }, { $day }: { $text }

## Recusas, ditas a quem pediu.
err-past = { $when } já passou: informe uma data e uma hora no futuro.
err-meeting-exists = { $community } já tem um encontro em { $when }.
err-no-such-meeting = { $community } não tem encontro marcado com o número { $id } (STATUS mostra os números).
err-no-upcoming-meeting = { $community } não tem nenhum encontro pela frente.
err-invite-no-meeting = Não há encontro pela frente para convidar { $address }: marque um primeiro com SCHEDULE.
err-time-does-not-exist = { $time } não existe em { $zone } (nessa hora o relógio é adiantado): escolha outro horário.

## STATUS, para a coordenação.
status-next = Próximo encontro: { $when } (encontro { $id })
status-next-at = Próximo encontro: { $when } (encontro { $id }), { $place }
status-answers = Respostas: { $yes } sim, { $maybe } talvez, { $no } não, { $open } ainda sem resposta
status-none-planned = Nenhum encontro planejado ainda (meeting_cron planeja cada um quando o anúncio se aproxima)
status-none-scheduled = Nenhum encontro marcado: SCHEDULE AAAA-MM-DD HH:MM [local]
status-then = Depois, pelo meeting_cron:
status-then-job = { $when } ({ $kind ->
    [announcement] anúncio
    [call-for-topics] chamada de temas
    [agenda] pauta
    [reminder] lembrete
   *[other] { $kind }
} { $due })
status-topics = Temas abertos: { $count }{ $count ->
    [0] {""}
   *[other] {" "}— { $topics }
}
status-guests-none = Convidados: nenhum em andamento
status-guests = Convidados:
status-guest-declined = recusou
status-guest-nudged = acompanhado em { $followed }, lembrado em { $nudged }, sem resposta
status-guest-followed = acompanhado em { $followed }, aguardando
status-guest-invited = convidado em { $invited }
status-guest-state = { $state }
status-mail = E-mails: { $pending } na fila, { $failed } com falha{ $failed ->
    [0] {""}
   *[other] {" "}(roundtable outbox list --status failed)
}
status-unclear = Respostas que ninguém conseguiu ler esta semana: { $count } (roundtable log)

## Respostas ao que um membro responde.
subject-rsvp-yes = Você vem: { $community } em { $when }
subject-rsvp-no = Você não vem: { $community } em { $when }
subject-rsvp-maybe = Talvez: { $community } em { $when }
rsvp-yes = Obrigado! Você vem a { $community } em { $when }. Até lá!
rsvp-no = Obrigado por avisar: você não estará em { $community } em { $when }.
rsvp-maybe = Anotado: talvez você venha a { $community } em { $when }. Vamos lembrar você na véspera.
change-hint = Mudou de ideia? Responda SIM, NÃO ou TALVEZ a este e-mail a qualquer momento; vale a sua última resposta.
subject-left = Você saiu de { $community }
left = Você saiu de { $community } e não vai mais receber os e-mails do grupo. Para voltar, fale com a coordenação.
subject-calendar-unknown = Resposta do calendário não registrada
calendar-unknown = Seu calendário respondeu a um convite que não conhecemos (um antigo ou apagado?), então nada foi registrado. Responda SIM, NÃO ou TALVEZ ao convite mais recente.
subject-no-meeting-yet = Ainda não há encontro para responder
no-meeting-yet = Ainda não há nenhum encontro pela frente para responder. Você recebe um convite assim que o próximo for marcado.
subject-meeting-held = Esse encontro já aconteceu
meeting-held = Esse encontro já aconteceu, então não há mais nada a responder.
subject-meeting-was-cancelled = Esse encontro foi cancelado
meeting-was-cancelled = Esse encontro foi cancelado, então não há nada a responder.
subject-topics-added = { $count ->
    [one] Tema adicionado
   *[other] Temas adicionados
}: { $topics }
topics-added = Obrigado! Entrou na lista: { $topics }. Os outros podem apoiar um tema respondendo "+1 #n".
subject-votes = Seu +1
votes-counted = Seu +1 foi contado para { $topics }.
votes-unknown = { $count ->
    [one] Não há tema aberto { $topics }
   *[other] Não há temas abertos { $topics }
}: envie TEMAS no assunto para ver a lista.
subject-takeaways-no-meeting = Nenhum encontro para esses aprendizados
takeaways-no-meeting = Ainda não há encontro passado para associar seus aprendizados. Envie-os depois do próximo encontro.
subject-takeaways-saved = Aprendizados salvos
takeaways-saved = Obrigado — { $count ->
    [one] um aprendizado salvo
   *[other] { $count } aprendizados salvos
}. Eles vão aparecer com o seu nome no próximo resumo.
subject-join-already = Você já está em { $community }
join-already = Você já é membro de { $community }: não há nada a fazer.
subject-declined = Obrigado pela visita
declined = Obrigado por avisar. { $community } não vai mais escrever para você, a menos que alguém convide você de novo.
subject-passed-on = Encaminhado para { $names }
passed-on = Sua mensagem foi para { $names }, que vai responder diretamente.
question-passed-on = Sua pergunta foi para { $names }, que vai responder diretamente.
stranger-answer = Obrigado por escrever para { $community }. Este endereço é lido por um programa que organiza o grupo para os seus membros, e o seu endereço não é um deles, então nada foi feito com o seu e-mail. Ele foi repassado à coordenação, que talvez entre em contato.

## Perguntas de volta, quando não foi possível ler uma resposta.
subject-unproven = Por favor, responda a um dos nossos e-mails
unproven = Não conseguimos confirmar que este e-mail veio de você, então nada foi alterado. Responda diretamente a um dos nossos e-mails (o endereço de resposta é só seu) e vai valer.
subject-ask-topic = Qual tema?
ask-topic = Você queria propor um tema? Escreva cada um na sua própria linha ("Tema: …" com os detalhes embaixo), ou "+1 #3" para apoiar um.
subject-ask-takeaways = Seus aprendizados?
ask-takeaways = Você queria enviar aprendizados? Escreva um por parágrafo ou item de lista e eles vão para o resumo com o seu nome.
subject-ask-join = Quer participar?
ask-join = Quer participar? Responda JOIN, ou "não, obrigado".
subject-ask-rsvp = Você quis dizer SIM, NÃO ou TALVEZ?
ask-rsvp = Você quis dizer SIM, NÃO ou TALVEZ? Responda com uma dessas palavras (e uma observação, se quiser: "sim, chego 15 min atrasado").

## Mensagens para a lista: o rodapé de cada cópia, e o que se diz a quem as enviou.
post-footer = { $community }: escreva para { $list } para falar com todos.
post-footer-leave = Sair do grupo: { $link }
subject-post-too-big = Não enviada: sua mensagem passa de { $limit }
post-too-big = Sua mensagem "{ $subject }" tem { $size }, acima do limite de { $limit } deste grupo (max_post_size), então não foi enviada. Envie uma versão menor, por exemplo com um link no lugar do anexo.
subject-post-held = Sua mensagem aguarda aprovação
post-held = Sua mensagem "{ $subject }" aguarda a aprovação da coordenação antes de ir para o grupo. Você fica sabendo se ela não for enviada.
post-held-stranger = Sua mensagem para { $community } aguarda a aprovação da coordenação, porque este endereço não é membro. Você fica sabendo se ela não for enviada.
subject-post-rejected = Sua mensagem não foi enviada
post-rejected = Sua mensagem "{ $subject }" para { $community } não foi enviada ao grupo.
post-rejected-reason = Sua mensagem "{ $subject }" para { $community } não foi enviada ao grupo. A coordenação disse: { $reason }
subject-post-expired = Sua mensagem expirou sem ser enviada
post-expired = Sua mensagem "{ $subject }" para { $community } não foi revisada em { $days } dias e não foi enviada. Envie de novo se ainda for importante.

## Avisos à coordenação, cada um no idioma de quem recebe.
notice-hourly = (No máximo um aviso assim por hora e remetente; os demais ficam guardados, sem envio: `roundtable log` mostra.)
subject-notice-joined = { $name } entrou em { $community }
notice-joined = { $name } ({ $address }) respondeu JOIN ao acompanhamento e agora é membro.
subject-notice-stranger = Para revisar: e-mails de quem não é membro
notice-stranger = Um e-mail de { $from }, que não é membro, para você revisar (nada foi alterado):

    Assunto: { $subject }

    { $text }
subject-notice-unclear = Resposta pouco clara de { $name }
notice-unclear = { $name } escreveu algo que ninguém conseguiu ler como resposta ({ $reason }); { $asked ->
    [yes] perguntamos de volta
   *[no] não perguntamos de volta (respostas automáticas demais para essa pessoa nesta hora)
}.

    Assunto: { $subject }

    { $text }
notice-unclear-again = { $name } respondeu à nossa pergunta com algo que ninguém conseguiu ler ({ $reason }); não perguntamos de novo.

    Assunto: { $subject }

    { $text }
# Por que uma resposta não pôde ser lida, no aviso à coordenação (entre parênteses).
unclear-empty-reply = uma resposta vazia
unclear-empty-message = uma mensagem vazia
unclear-yes-and-no = a resposta diz sim e não ao mesmo tempo
unclear-no-yes-no-maybe = não diz sim, não nem talvez
unclear-no-topic = nenhum tema na resposta
unclear-no-takeaway = nenhum aprendizado na resposta
unclear-not-an-answer = não responde a nada que perguntamos e não tem sim ou não, +1 nem TOPIC
unclear-no-partstat = uma resposta de calendário sem resposta
unclear-question-not-join = uma pergunta ou uma condição, não um sim para entrar
unclear-join-on-condition = um sim para entrar, mas com uma condição
unclear-maybe-join = nem entra nem recusa (um talvez)
unclear-no-join-or-decline = não diz que entra nem que não, obrigado
subject-notice-coordinator-bounces = Os e-mails para { $address } estão voltando
notice-coordinator-bounces = Os e-mails para { $name } ({ $address }), da coordenação, voltaram { $count } vezes. A coordenação nunca é bloqueada por isso; confira o endereço, ou mude a coordenação na configuração.
subject-notice-bouncing = { $address } bloqueado: os e-mails voltam
notice-bouncing = Os e-mails para { $name } ({ $address }) voltaram { $count } vezes, então o roundtable parou de escrever para esse endereço. Se ele voltar a funcionar, adicione a pessoa de novo: roundtable member add { $slug } { $address }
subject-notice-quarantined = Uma mensagem não pôde ser processada
notice-quarantined = Uma mensagem de { $from } (assunto: { $subject }) não pôde ser processada: { $error }. Ela foi tentada { $count } vezes e está guardada na pasta Quarantine da caixa; nada do que pedia foi feito. `roundtable log` mostra.
subject-notice-held = Para aprovar: #{ $id } { $subject }
notice-held = Uma mensagem para { $community } aguarda a sua aprovação ({ $reason }).

    De: { $from }
    Assunto: { $subject }
    Tamanho: { $size }

    { $words }

    Responda APPROVE para enviá-la a todos, ou REJECT e um motivo para recusá-la (quem enviou recebe o motivo). Pela linha de comando: roundtable held approve { $slug } { $id } (ou reject). Sem decisão em { $days } dias, ela expira.
# Por que uma mensagem está retida, no aviso à coordenação (entre parênteses).
held-not-member = { $from } não é membro
held-forged = nosso servidor de e-mail diz que ela não vem de { $from }
held-guest = { $name } é convidado/a
held-moderated = as mensagens de { $name } são revisadas antes do envio
held-too-many = { $name } enviou { $count ->
        [one] uma mensagem
       *[other] { $count } mensagens
    } nesta hora (posts_per_hour = { $limit })
subject-notice-job-failed = { $community }: não foi possível enviar { $kind ->
    [announcement] o anúncio
    [call-for-topics] a chamada de temas
    [agenda] a pauta
    [reminder] o lembrete
    [takeaway-request] o pedido de aprendizados
    [guest-followup] o acompanhamento dos convidados
    [digest] o resumo
   *[other] { $kind }
} de { $when }
notice-job-failed = { $kind ->
    [announcement] O anúncio
    [call-for-topics] A chamada de temas
    [agenda] A pauta
    [reminder] O lembrete
    [takeaway-request] O pedido de aprendizados
    [guest-followup] O acompanhamento dos convidados
    [digest] O resumo
   *[other] { $kind }
} previsto para { $when } falhou { $count } vezes e foi abandonado:

    { $error }

    Nada dele foi enviado. `roundtable timeline --all` mostra; depois de resolver a causa, a coordenação pode enviá-lo de novo (AGENDA ou DIGEST por e-mail, ou mudando o encontro).
subject-forwarded-words = { $member } respondeu a: { $subject }
subject-forwarded-asked = { $member } pergunta sobre: { $subject }
chart-attendance = Quem veio aos últimos encontros
chart-votes = +1 para os temas abertos
when-at-place = { $when }, local: { $place }
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

## TOPIC FROM THREAD and the threads STATUS lists (merge of lang and posts2).
cmd-thread-none = Não há nenhuma conversa n.º { $number }: o STATUS e o resumo numeram as conversas.
cmd-thread-already = A conversa n.º { $number } já é um tema aberto.
cmd-thread-topic = A conversa n.º { $number } “{ $title }” é agora o tema n.º { $topic } da próxima pauta, proposto por { $name }.
topic-from-thread = Da conversa n.º { $number }, iniciada por { $author }
status-threads = Conversas (TOPIC FROM THREAD n transforma uma em tema):
status-thread = n.º { $number } { $subject } — { $author }, { $replies ->
    [one] 1 resposta
   *[other] { $replies } respostas
}
