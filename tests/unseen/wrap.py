# Wraps hand-written bodies (batches 7 and 8 of tests/unseen/hand) into the envelope a client
# writes. hand2/wrap.py plus: agendas and calls for topics in the community's language (as the robot
# writes them), kind new:SUBJECT (a fresh mail, no quote) and kind re:SUBJECT (a reply in a
# members' thread quoting a member), and client 'latin1' (Outlook-style, ISO-8859-1 8bit).
# Batch 8 added kind agenda:LANG (the agenda in LANG, the answer in the member's language).
# Usage: python3 wrap.py BATCH OUTDIR < specs (e.g. 8 hand8 < hand8/specs.txt; BATCH tags the
# Message-IDs) ; spec blocks separated by lines "=====":
#   path | expect-json | client | lang | kind(ann|call|agenda|take|follow) | From
#   <body lines>
import sys, os, base64, quopri, json, zlib
batch, out = sys.argv[1], sys.argv[2]
ANN = {
 "en": ("Roundtable: Thursday 10 October, 18:30", "Hello everyone,\n\nThe next Roundtable is on Thursday 10 October at 18:30 in the back room of Café Lindt.\nAnswer YES, NO or MAYBE."),
 "de": ("Roundtable am Donnerstag, 10. Oktober", "Hallo zusammen,\n\nder nächste Roundtable ist am Donnerstag, 10. Oktober, um 18:30 Uhr.\nBitte antwortet mit JA, NEIN oder VIELLEICHT."),
 "fr": ("Table ronde du jeudi 10 octobre", "Bonjour à toutes et à tous,\n\nla prochaine table ronde a lieu le jeudi 10 octobre à 18h30.\nRépondez OUI, NON ou PEUT-ÊTRE."),
 "es": ("Mesa redonda el jueves 10 de octubre", "Hola a todos,\n\nla próxima mesa redonda es el jueves 10 de octubre a las 18:30.\nResponded SÍ, NO o QUIZÁS."),
 "nl": ("Ronde tafel op donderdag 10 oktober", "Hallo allemaal,\n\nde volgende ronde tafel is op donderdag 10 oktober om 18:30.\nAntwoord JA, NEE of MISSCHIEN."),
 "pt": ("Mesa redonda na quinta-feira, 10 de outubro", "Olá a todos,\n\na próxima mesa redonda é na quinta-feira, 10 de outubro, às 18h30.\nRespondam SIM, NÃO ou TALVEZ."),
}
OTHER = {
 "call": ("Call for topics: Roundtable on 10 October", "What should we talk about on 10 October? Reply with your topics."),
 "agenda": ("Agenda: Roundtable on 10 October", "Agenda for 10 October:\n#1 Cash flow in the quiet months\n#2 Working with an assistant\n#3 Mentoring newcomers\n#4 Contracts and liability\n\nReply +1 #N to vote."),
 "take": ("Your takeaways from Thursday?", "What did you take away from Thursday? Reply with a line or two."),
 "follow": ("Thanks for visiting the Roundtable", "Thanks for visiting us on Thursday. Would you like to join the group?"),
}
PREFIX = {"en":"Re: ","de":"AW: ","fr":"RE: ","es":"RE: ","nl":"Re: ","pt":"RE: "}
ATTR = {
 "gmail": {"en":"On Mon, 30 Sept 2024 at 17:02, Roundtable <circle@example.org> wrote:",
           "de":"Am Mo., 30. Sept. 2024 um 17:02 Uhr schrieb Roundtable <circle@example.org>:",
           "fr":"Le lun. 30 sept. 2024 à 17:02, Roundtable <circle@example.org> a écrit :",
           "es":"El lun, 30 sept 2024 a las 17:02, Roundtable (<circle@example.org>) escribió:",
           "nl":"Op ma 30 sep 2024 om 17:02 schreef Roundtable <circle@example.org>:",
           "pt":"Em seg., 30 de set. de 2024 às 12:02, Roundtable <circle@example.org> escreveu:"},
 "apple": {"en":"On 30 Sep 2024, at 17:02, Roundtable <circle@example.org> wrote:",
           "de":"Am 30.09.2024 um 17:02 schrieb Roundtable <circle@example.org>:",
           "fr":"Le 30 sept. 2024 à 17:02, Roundtable <circle@example.org> a écrit :",
           "es":"El 30 sept 2024, a las 17:02, Roundtable <circle@example.org> escribió:",
           "nl":"Op 30 sep 2024 om 17:02 heeft Roundtable <circle@example.org> het volgende geschreven:",
           "pt":"Em 30 de set. de 2024, à(s) 17:02, Roundtable <circle@example.org> escreveu:"},
}
OUTLOOK = {"en":("From","Sent","To","Subject","Monday, September 30, 2024 5:02 PM"),
           "de":("Von","Gesendet","An","Betreff","Montag, 30. September 2024 17:02"),
           "fr":("De","Envoyé","À","Objet","lundi 30 septembre 2024 17:02"),
           "es":("De","Enviado el","Para","Asunto","lunes, 30 de septiembre de 2024 17:02"),
           "nl":("Van","Verzonden","Aan","Onderwerp","maandag 30 september 2024 17:02"),
           "pt":("De","Enviada","Para","Assunto","30 de setembro de 2024 17:02")}
PHONE = {"en":"Sent from my iPhone","de":"Von meinem iPhone gesendet","fr":"Envoyé de mon iPhone","es":"Enviado desde mi iPhone","nl":"Verstuurd vanaf mijn iPhone","pt":"Enviado do meu iPhone"}

TITLES = {
 "en": ["Cash flow in the quiet months", "Working with an assistant", "Mentoring newcomers", "Contracts and liability"],
 "de": ["Liquidität in ruhigen Monaten", "Arbeiten mit einer Assistenz", "Neue Mitglieder begleiten", "Verträge und Haftung"],
 "fr": ["La trésorerie pendant les mois creux", "Travailler avec un assistant", "Accompagner les nouveaux", "Contrats et responsabilité"],
 "es": ["La tesorería en los meses flojos", "Trabajar con un asistente", "Acompañar a los nuevos", "Contratos y responsabilidad"],
 "nl": ["Cashflow in rustige maanden", "Werken met een assistent", "Nieuwe leden begeleiden", "Contracten en aansprakelijkheid"],
 "pt": ["O fluxo de caixa nos meses fracos", "Trabalhar com um assistente", "Acompanhar os novos membros", "Contratos e responsabilidade"],
}
WHO = ["Anna", "Ben", "Carla", "Dev"]
AG = {
 "en": ("Agenda: Roundtable on Thursday 10 October", "The agenda for Roundtable on Thursday 10 October.", "Topics, most supported first:", "Coming (5): Anna, Ben, Carla, Dev, Eli", 'Not answered yet? Reply YES, NO or MAYBE. Late topic? Reply with it, or "+1 #n".'),
 "de": ("Tagesordnung: Roundtable am Donnerstag, 10. Oktober", "Die Tagesordnung für Roundtable am Donnerstag, 10. Oktober.", "Themen, die meistunterstützten zuerst:", "Dabei (5): Anna, Ben, Carla, Dev, Eli", "Noch nicht geantwortet? Antworte mit JA, NEIN oder VIELLEICHT. Ein Thema fällt dir noch ein? Schick es, oder „+1 #n“."),
 "fr": ("Ordre du jour : table ronde du jeudi 10 octobre", "L'ordre du jour de la table ronde le jeudi 10 octobre.", "Les sujets, les plus soutenus d'abord :", "Présents (5) : Anna, Ben, Carla, Dev, Eli", "Pas encore répondu ? Répondez OUI, NON ou PEUT-ÊTRE. Un sujet de dernière minute ? Envoyez-le, ou « +1 #n »."),
 "es": ("Orden del día: mesa redonda del jueves 10 de octubre", "El orden del día de la mesa redonda el jueves 10 de octubre.", "Temas, primero los más apoyados:", "Vienen (5): Anna, Ben, Carla, Dev, Eli", "¿Aún no has respondido? Responde SÍ, NO o QUIZÁS. ¿Un tema de última hora? Envíalo, o «+1 #n»."),
 "nl": ("Agenda: ronde tafel op donderdag 10 oktober", "De agenda van de ronde tafel op donderdag 10 oktober.", "Onderwerpen, meest gesteunde eerst:", "Komen (5): Anna, Ben, Carla, Dev, Eli", 'Nog niet geantwoord? Antwoord JA, NEE of MISSCHIEN. Nog een onderwerp? Stuur het, of "+1 #n".'),
 "pt": ("Pauta: mesa redonda de quinta-feira, 10 de outubro", "A pauta da mesa redonda em quinta-feira, 10 de outubro.", "Temas, os mais apoiados primeiro:", "Vêm (5): Anna, Ben, Carla, Dev, Eli", 'Ainda não respondeu? Responda SIM, NÃO ou TALVEZ. Um tema de última hora? Envie-o, ou "+1 #n".'),
}
def agenda(lang):
    subj, intro, head, coming, late = AG[lang]
    votes = [" (+3)", " (+2)", "", ""]
    lines = [f"  #{i+1} {t}{votes[i]} — {WHO[i]}" for i, t in enumerate(TITLES[lang])]
    return subj, intro + "\n\n" + head + "\n" + "\n".join(lines) + "\n\n" + coming + "\n\n" + late
CFT = {
 "en": ("Call for topics: Roundtable on 10 October", "Roundtable meets on Thursday 10 October. What should we talk about?\nReply to this mail with your topics — one per line, or \"Topic: …\" with a line of details. To support a topic below, reply \"+1 #3\" (or \"+1 for 2 and 5\")."),
 "de": ("Themensammlung: Roundtable am 10. Oktober", "Roundtable trifft sich am Donnerstag, 10. Oktober. Worüber wollen wir reden?\nAntworte mit deinen Themen – eins pro Zeile, gern mit einer Zeile Details darunter. Um ein Thema unten zu unterstützen, antworte „+1 #3“ (oder „+1 für 2 und 5“)."),
 "fr": ("Appel à sujets : table ronde du 10 octobre", "La table ronde se réunit le jeudi 10 octobre. De quoi parlons-nous ?\nRépondez avec vos sujets, un par ligne, avec une ligne de détails si vous voulez. Pour soutenir un sujet ci-dessous, répondez « +1 #3 » (ou « +1 pour 2 et 5 »)."),
 "es": ("Propuesta de temas: mesa redonda del 10 de octubre", "La mesa redonda se reúne el jueves 10 de octubre. ¿De qué hablamos?\nResponde con tus temas, uno por línea, con una línea de detalles si quieres. Para apoyar un tema de abajo, responde «+1 #3» (o «+1 para 2 y 5»)."),
 "nl": ("Onderwerpen gezocht: ronde tafel op 10 oktober", "De ronde tafel komt samen op donderdag 10 oktober. Waar zullen we het over hebben?\nAntwoord met je onderwerpen, één per regel, eventueel met een regel toelichting. Steun je een onderwerp hieronder, antwoord dan \"+1 #3\" (of \"+1 voor 2 en 5\")."),
 "pt": ("Temas: mesa redonda de 10 de outubro", "A mesa redonda se reúne na quinta-feira, 10 de outubro. Sobre o que vamos conversar?\nResponda com seus temas, um por linha, com uma linha de detalhes se quiser. Para apoiar um tema abaixo, responda \"+1 #3\" (ou \"+1 para 2 e 5\")."),
}
n = 0
for block in sys.stdin.read().split("\n=====\n"):
    block = block.strip("\n")
    if not block: continue
    head, _, body = block.partition("\n")
    path, expect, client, lang, kind, frm = [x.strip() for x in head.split("|")]
    fresh = kind.startswith("new:")
    if kind == "ann":
        subj, orig = ANN[lang]
    elif kind == "agenda":
        subj, orig = agenda(lang)
    elif kind.startswith("agenda:"):
        # the agenda in the community's language, the answer in the member's own
        subj, orig = agenda(kind[7:])
    elif kind == "call":
        subj, orig = CFT[lang]
    elif kind.startswith("re:"):
        subj, orig = kind[3:], "I'd be curious what the others think about this."
    elif fresh:
        subj, orig = kind[4:], ""
    else:
        subj, orig = OTHER[kind]
    if not fresh:
        subj = PREFIX[lang] + subj
    addr = frm.split("<")[1].rstrip(">")
    n += 1
    mid = f"<b{batch}-{n:03d}-{zlib.crc32(path.encode()) % 10**8}@{addr.split('@')[1]}>"
    quoted = "\n".join(("> " + l) if l else ">" for l in orig.split("\n"))
    if not subj.isascii():
        from email.header import Header
        subj_h = Header(subj, "iso-8859-1" if client == "latin1" else "utf-8").encode()
    else:
        subj_h = subj
    hdr = [f"From: {frm}", "To: Roundtable <circle@example.org>", f"Subject: {subj_h}",
           "Date: Tue, 01 Oct 2024 09:14:00 +0200", f"Message-ID: {mid}",
           f"In-Reply-To: <b{batch}-orig@example.org>", f"References: <b{batch}-orig@example.org>", "MIME-Version: 1.0"]
    if fresh:
        hdr = [h for h in hdr if not h.startswith(("In-Reply-To", "References"))]
    if fresh:
        text = body + "\n"
        if client == "latin1":
            hdr += ['Content-Type: text/plain; charset="iso-8859-1"', "Content-Transfer-Encoding: 8bit"]
            enc = text
        else:
            hdr += ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable"]
            enc = quopri.encodestring(text.encode()).decode()
    elif client == "latin1":
        f, s_, t, sj, d = OUTLOOK[lang]
        text = (body + "\n\n" + "-----Original Message-----\n" + f"{f}: Roundtable <circle@example.org>\n{s_}: {d}\n{t}: {frm}\n{sj}: {subj[len(PREFIX[lang]):]}\n\n" + orig + "\n")
        hdr += ['Content-Type: text/plain; charset="iso-8859-1"', "Content-Transfer-Encoding: quoted-printable"]
        enc = quopri.encodestring(text.encode("latin-1", "replace")).decode()
    elif client == "gmail":
        text = body + "\n\n" + ATTR["gmail"][lang] + "\n\n" + quoted + "\n"
        hdr += ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable"]
        enc = quopri.encodestring(text.encode()).decode()
    elif client == "android":
        text = body + "\n\n" + ATTR["gmail"][lang] + "\n\n" + quoted + "\n"
        hdr += ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64"]
        enc = base64.encodebytes(text.replace("\n", "\r\n").encode()).decode()
    elif client == "iphone":
        text = body + "\n\n" + PHONE[lang] + "\n\n> " + ATTR["apple"][lang] + "\n> \n" + quoted + "\n"
        hdr += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "X-Mailer: iPhone Mail (22A3354)"]
        enc = quopri.encodestring(text.encode()).decode()
    elif client == "outlook":
        f, s, t, sj, d = OUTLOOK[lang]
        text = (body + "\n\n" + f"{f}: Roundtable <circle@example.org>\n{s}: {d}\n{t}: {frm}\n{sj}: {subj[len(PREFIX[lang]):]}\n\n" + orig + "\n")
        hdr += ['Content-Type: text/plain; charset="Windows-1252"', "Content-Transfer-Encoding: quoted-printable", "X-MS-Has-Attach:", "Thread-Index: AQHbE4k2"]
        enc = quopri.encodestring(text.encode("cp1252", "replace")).decode()
    elif client == "thunderbird":
        text = body + "\n\n" + ATTR["gmail"][lang].split(",")[0].replace("Mon", "30/09/2024") + "\n" + quoted + "\n"
        text = body + "\n\n" + {"en":"On 30/09/2024 17:02, Roundtable wrote:","de":"Am 30.09.24 um 17:02 schrieb Roundtable:","fr":"Le 30/09/2024 à 17:02, Roundtable a écrit :","es":"El 30/09/24 a las 17:02, Roundtable escribió:","nl":"Op 30-09-2024 om 17:02 schreef Roundtable:","pt":"No dia 30/09/2024 às 17:02, Roundtable escreveu:"}[lang] + "\n" + quoted + "\n"
        hdr += ["Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", "User-Agent: Mozilla Thunderbird"]
        enc = text
    elif client == "html":
        import html as H
        paras = "".join(f"<div>{H.escape(l) if l else '<br>'}</div>" for l in body.split("\n"))
        text = (f'<div dir="ltr">{paras}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{H.escape(ATTR["gmail"][lang])}<br></div>'
                f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">{H.escape(orig).replace(chr(10), "<br>")}</blockquote></div>\n')
        hdr += ['Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable"]
        enc = quopri.encodestring(text.encode()).decode()
    else:
        raise SystemExit("client? " + client)
    os.makedirs(os.path.join(out, os.path.dirname(path)), exist_ok=True)
    data = ("\n".join(hdr) + "\n\n" + enc)
    open(os.path.join(out, path + ".eml"), "wb").write(data.encode("latin-1", "replace") if (client == "latin1" and fresh) else data.encode())
    json.loads(expect)
    open(os.path.join(out, path + ".expect.json"), "w").write(expect + "\n")
print(n)
