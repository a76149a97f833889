#!/usr/bin/env python3
"""Writes the `unseen` set: replies as mail clients really write them (headers, MIME, charsets,
quoting, attributions, signatures), across six languages and the categories of issue 12.

Deterministic: the same script writes the same files. Every fourth message (by its place in
the list) goes to `heldout/`, the rest to `tuned/`. The reading rules may be changed while
looking at `tuned/` only; `heldout/` is scored, never looked at (tests/fixtures.rs).

    python3 tests/unseen/make.py      # from the repository root; rewrites tuned/ and heldout/
"""
import json, os, shutil, quopri, base64, hashlib

ROOT = os.path.dirname(os.path.abspath(__file__))
LIST = "circle@example.org"

# ------------------------------------------------------------------ the languages' furniture
ATTR = {  # Gmail web
 "en": "On Tue, 3 Jun 2025 at 10:02, Roundtable Circle <circle@example.org> wrote:",
 "de": "Am Di., 3. Juni 2025 um 10:02 Uhr schrieb Roundtable Circle <circle@example.org>:",
 "fr": "Le mar. 3 juin 2025 à 10:02, Roundtable Circle <circle@example.org> a écrit :",
 "es": "El mar, 3 jun 2025 a las 10:02, Roundtable Circle (<circle@example.org>) escribió:",
 "nl": "Op di 3 jun 2025 om 10:02 schreef Roundtable Circle <circle@example.org>:",
 "pt": "Em ter., 3 de jun. de 2025 às 10:02, Roundtable Circle <circle@example.org> escreveu:",
}
APPLE_ATTR = {
 "en": "On 3 Jun 2025, at 10:02, Roundtable Circle <circle@example.org> wrote:",
 "de": "Am 03.06.2025 um 10:02 schrieb Roundtable Circle <circle@example.org>:",
 "fr": "Le 3 juin 2025 à 10:02, Roundtable Circle <circle@example.org> a écrit :",
 "es": "El 3 jun 2025, a las 10:02, Roundtable Circle <circle@example.org> escribió:",
 "nl": "Op 3 jun. 2025 om 10:02 heeft Roundtable Circle <circle@example.org> het volgende geschreven:",
 "pt": "Em 3 de jun. de 2025, às 10:02, Roundtable Circle <circle@example.org> escreveu:",
}
TB_ATTR = {
 "en": "On 03/06/2025 10:02, Roundtable Circle wrote:",
 "de": "Am 03.06.25 um 10:02 schrieb Roundtable Circle:",
 "fr": "Le 03/06/2025 à 10:02, Roundtable Circle a écrit :",
 "es": "El 3/6/25 a las 10:02, Roundtable Circle escribió:",
 "nl": "Op 03-06-2025 om 10:02 schreef Roundtable Circle:",
 "pt": "Em 03/06/2025 10:02, Roundtable Circle escreveu:",
}
IPHONE = {"en": "Sent from my iPhone", "de": "Von meinem iPhone gesendet", "fr": "Envoyé de mon iPhone",
          "es": "Enviado desde mi iPhone", "nl": "Verstuurd vanaf mijn iPhone", "pt": "Enviado do meu iPhone"}
OUTLOOK = {
 "en": ("From:", "Sent:", "To:", "Subject:", "Tuesday, June 3, 2025 10:02 AM"),
 "de": ("Von:", "Gesendet:", "An:", "Betreff:", "Dienstag, 3. Juni 2025 10:02"),
 "fr": ("De :", "Envoyé :", "À :", "Objet :", "mardi 3 juin 2025 10:02"),
 "es": ("De:", "Enviado el:", "Para:", "Asunto:", "martes, 3 de junio de 2025 10:02"),
 "nl": ("Van:", "Verzonden:", "Aan:", "Onderwerp:", "dinsdag 3 juni 2025 10:02"),
 "pt": ("De:", "Enviado:", "Para:", "Assunto:", "terça-feira, 3 de junho de 2025 10:02"),
}
DISCLAIMER = {
 "en": "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error, please notify the sender and delete it.",
 "de": "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.",
 "fr": "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires. Si vous avez reçu ce message par erreur, merci d'en avertir l'expéditeur.",
 "es": "Este mensaje y sus archivos adjuntos son confidenciales y están dirigidos exclusivamente a su destinatario. Si ha recibido este mensaje por error, notifíquelo al remitente y bórrelo.",
 "nl": "Dit bericht is uitsluitend bestemd voor de geadresseerde en kan vertrouwelijke informatie bevatten. Als u dit bericht onterecht heeft ontvangen, wordt u verzocht de afzender te informeren.",
 "pt": "Esta mensagem e os seus anexos são confidenciais e destinados exclusivamente ao destinatário. Se recebeu esta mensagem por engano, por favor informe o remetente e apague-a.",
}
CORP_SIG = {
 "en": "Kim Taylor\nSenior Project Manager | Northwind Consulting Ltd.\n14 Harbour Street, Leeds LS1 4AB\nT +44 113 496 0000 | M +44 7700 900123\nwww.northwind.example",
 "de": "Anna Keller\nTeamleiterin Softwareentwicklung\nMusterfirma GmbH | Hauptstraße 5 | 10115 Berlin\nTel.: +49 30 1234567\nGeschäftsführer: Max Mustermann | Amtsgericht Berlin HRB 12345",
 "fr": "Claire Dubois\nResponsable des partenariats\nSociété Exemple SAS - 12 rue de la Paix, 75002 Paris\nTél. : +33 1 23 45 67 89",
 "es": "Lucía Martín\nDirectora de Operaciones\nEjemplo S.L. · Calle Mayor 10, 28013 Madrid\nTel. +34 910 000 000",
 "nl": "Sanne de Vries\nProjectleider | Voorbeeld B.V.\nKeizersgracht 100, 1015 AA Amsterdam\nT: +31 20 123 4567 | KvK 12345678",
 "pt": "João Silva\nGestor de Projetos\nExemplo Lda. · Rua Augusta 20, 1100-053 Lisboa\nTel.: +351 21 000 0000",
}
NAMES = {"en": "Kim", "de": "Anna", "fr": "Claire", "es": "Lucía", "nl": "Sanne", "pt": "João"}
SIGNOFF = {
 "en": ["Best,\n{n}", "Cheers,\n{n}", "Thanks!\n{n}", "{n}", "Best, {n}", "Kind regards,\n{n} Taylor"],
 "de": ["Viele Grüße\n{n}", "LG {n}", "Liebe Grüße,\n{n}", "{n}", "Beste Grüße\n{n} Keller"],
 "fr": ["Bonne journée,\n{n}", "Bises,\n{n}", "Cordialement,\n{n} Dubois", "{n}", "À bientôt,\n{n}"],
 "es": ["Un saludo,\n{n}", "Saludos,\n{n}", "Un abrazo,\n{n}", "{n}", "Gracias,\n{n}"],
 "nl": ["Groetjes,\n{n}", "Groet,\n{n}", "Met vriendelijke groet,\n{n} de Vries", "{n}", "Tot dan,\n{n}"],
 "pt": ["Abraço,\n{n}", "Beijinhos,\n{n}", "Cumprimentos,\n{n} Silva", "{n}", "Até breve,\n{n}"],
}
SUBJ = {"rsvp": "Roundtable on Thursday, 12 June", "topics": "Call for topics: Roundtable on 12 June",
        "takeaways": "Your takeaways from Thursday?", "followup": "Thanks for visiting the Roundtable",
        "votes": "Agenda: Roundtable on 12 June"}
ORIG = {"rsvp": "Hi all,\n\nour next Roundtable is on Thursday, 12 June, 18:30.\nReply YES, NO or MAYBE.\n\nRoundtable",
        "topics": "Hi all,\n\nwhat should we talk about on 12 June? Reply with your topics.\n\nRoundtable",
        "takeaways": "Hi all,\n\nwhat did you take away from Thursday? Reply with a line or two.\n\nRoundtable",
        "followup": "Hi,\n\nthanks for visiting us on Thursday. Would you like to join the group?\n\nRoundtable",
        "votes": "Agenda for 12 June:\n#1 Pricing\n#2 Hiring juniors\n#3 Onboarding\n#4 Remote work\n\nReply +1 #N to vote."}

# ------------------------------------------------------------------ the clients
def hdr(frm, subject, ctype, extra=(), cte="8bit", mid="x"):
    h = [f"From: {frm}", f"To: Roundtable Circle <{LIST}>", f"Subject: {subject}",
         "Date: Wed, 04 Jun 2025 09:15:02 +0200", f"Message-ID: <{mid}@mail.example.net>",
         "In-Reply-To: <announce-42@example.org>", "References: <announce-42@example.org>",
         "MIME-Version: 1.0"] + list(extra)
    if ctype:
        h += [f"Content-Type: {ctype}", f"Content-Transfer-Encoding: {cte}"]
    return "\r\n".join(h) + "\r\n"

def qp(s, charset="utf-8"):
    return quopri.encodestring(s.encode(charset)).decode("ascii")

def quoted(text):
    return "\n".join(("> " + l) if l else ">" for l in text.split("\n"))

def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def gmail(c):  # multipart/alternative, attribution possibly wrapped at 78 columns
    lang = c["lang"]; attr = ATTR[lang]
    if c["i"] % 3 == 0 and len(attr) > 76:  # Gmail's text part wraps long attributions
        cut = attr.rfind(" ", 0, 76); attr = attr[:cut] + "\n" + attr[cut + 1:]
    plain = c["body"] + "\n\n" + attr + "\n\n" + quoted(ORIG[c["asked"]]) + "\n"
    hbody = "".join(f"<div>{html_escape(l) or '<br>'}</div>" for l in c["body"].split("\n"))
    html = (f'<div dir="ltr">{hbody}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            f'{html_escape(ATTR[lang])}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            f'border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + html_escape(ORIG[c["asked"]]).replace("\n", "<br>") + "</blockquote></div>\n")
    b = "000000000000a1b2c3d4e5f6" + c["id"][:6]
    return (hdr(c["from"], c["subject"], f'multipart/alternative; boundary="{b}"', mid=c["id"], ctype_only=True)
            if False else
            hdr(c["from"], c["subject"], None, [f'Content-Type: multipart/alternative; boundary="{b}"'], mid=c["id"])
            + f"\r\n--{b}\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + qp(plain).replace("\n", "\r\n")
            + f"\r\n--{b}\r\nContent-Type: text/html; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + qp(html).replace("\n", "\r\n") + f"\r\n--{b}--\r\n")

def apple(c):  # format=flowed text, "Sent from my iPhone" on phones
    lang = c["lang"]
    body = c["body"]
    if c["i"] % 2 == 0:
        body += "\n\n" + IPHONE[lang]
    plain = body + "\n\n" + APPLE_ATTR[lang] + "\n\n" + quoted(ORIG[c["asked"]]) + "\n"
    return (hdr(c["from"], c["subject"], "text/plain; charset=utf-8; format=flowed", ["X-Mailer: iPhone Mail (21F90)"],
                cte="quoted-printable", mid=c["id"]) + "\r\n" + qp(plain).replace("\n", "\r\n"))

def outlook(c):  # Windows-1252 QP, a header block, a corporate signature and a disclaimer
    lang = c["lang"]; f, s, t, sub, date = OUTLOOK[lang]
    body = c["body"]
    if c.get("corp", True):
        body += "\n\n" + CORP_SIG[lang] + "\n\n" + DISCLAIMER[lang]
    block = f"{f} Roundtable Circle <{LIST}>\n{s} {date}\n{t} Kim Taylor <kim@northwind.example>\n{sub} {SUBJ[c['asked']]}\n\n{ORIG[c['asked']]}"
    plain = body + "\n\n" + "_" * 32 + "\n" + block + "\n"
    try:
        enc = plain.encode("windows-1252"); cs = "windows-1252"
    except UnicodeEncodeError:
        cs = "utf-8"
    return (hdr(c["from"], c["subject"], f'text/plain; charset="{cs}"', ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdnA1b2c3d4e5f6"],
                cte="quoted-printable", mid=c["id"]) + "\r\n" + qp(plain, cs).replace("\n", "\r\n"))

def thunderbird(c):  # "-- " signature under the text, quote below
    lang = c["lang"]
    plain = c["body"] + "\n\n" + TB_ATTR[lang] + "\n" + quoted(ORIG[c["asked"]]) + "\n\n-- \n" + NAMES[lang] + "\nhttps://blog.example.net\n"
    plain = c["body"] + "\n\n-- \n" + NAMES[lang] + "\nhttps://blog.example.net\n\n" + TB_ATTR[lang] + "\n" + quoted(ORIG[c["asked"]]) + "\n" if c["i"] % 2 else plain
    return (hdr(c["from"], c["subject"], "text/plain; charset=UTF-8; format=flowed", ["User-Agent: Mozilla Thunderbird"], cte="8bit", mid=c["id"])
            + "\r\n" + plain.replace("\n", "\r\n"))

def yahoo(c):  # dash-framed or indented original, no ">" quoting
    lang = c["lang"]
    orig = "\n".join("    " + l for l in ORIG[c["asked"]].split("\n"))
    if c["i"] % 2:
        attr = "    On Tuesday, June 3, 2025, 10:02:11 AM GMT+2, Roundtable Circle <circle@example.org> wrote:"
        plain = c["body"] + "\n\n\n" + attr + "\n\n\n" + orig + "\n"
    else:
        plain = c["body"] + "\n\n----- Original Message -----\nFrom: Roundtable Circle <circle@example.org>\nSent: Tuesday, June 3, 2025 10:02 AM\nSubject: " + SUBJ[c["asked"]] + "\n\n" + ORIG[c["asked"]] + "\n"
    return (hdr(c["from"], c["subject"], "text/plain; charset=UTF-8", ["X-Mailer: WebService/1.1 YMailNorrin"], cte="quoted-printable", mid=c["id"])
            + "\r\n" + qp(plain).replace("\n", "\r\n"))

def android(c):  # Gmail for Android: short attribution with the address on the next line, nothing else
    lang = c["lang"]
    attr = {"en": "On Tue, Jun 3, 2025, 10:02 Roundtable Circle <\ncircle@example.org> wrote:",
            "de": "Roundtable Circle <circle@example.org> schrieb am Di., 3. Juni 2025,\n10:02:",
            "fr": "Le mar. 3 juin 2025, 10:02, Roundtable Circle <\ncircle@example.org> a écrit :",
            "es": "El mar., 3 jun. 2025 10:02, Roundtable Circle <\ncircle@example.org> escribió:",
            "nl": "Op di 3 jun. 2025 10:02 schreef Roundtable Circle <\ncircle@example.org>:",
            "pt": "Em ter, 3 de jun de 2025 10:02, Roundtable Circle <\ncircle@example.org> escreveu:"}[lang]
    # Gmail's invisible characters around the attribution
    plain = c["body"] + "\n\n\u200b" + attr + "\n\n" + quoted(ORIG[c["asked"]]) + "\n"
    return (hdr(c["from"], c["subject"], 'text/plain; charset="UTF-8"', [], cte="base64", mid=c["id"]) + "\r\n"
            + base64.encodebytes(plain.replace("\n", "\r\n").encode()).decode().replace("\n", "\r\n"))

def nordic(c):  # a phone sign-off in a Nordic language, then the quote
    lang = c["lang"]
    so = ["Sendt fra min iPhone", "Skickat från min iPhone", "Lähetetty iPhonesta", "Sendt fra min Samsung Galaxy-smarttelefon."][c["i"] % 4]
    plain = c["body"] + "\n\n" + so + "\n\n" + APPLE_ATTR["en"].replace("wrote:", "skrev:").replace("On ", "Den ") + "\n\n" + quoted(ORIG[c["asked"]]) + "\n"
    return (hdr(c["from"], c["subject"], "text/plain; charset=utf-8", [], cte="8bit", mid=c["id"]) + "\r\n" + plain.replace("\n", "\r\n"))

CLIENTS = {"gmail": gmail, "apple": apple, "outlook": outlook, "thunderbird": thunderbird,
           "yahoo": yahoo, "android": android, "nordic": nordic}
CLIENT_CYCLE = ["gmail", "apple", "outlook", "thunderbird", "android", "yahoo", "gmail", "apple", "nordic"]

# ------------------------------------------------------------------ what people write
R = []  # (category, lang, asked, body, expect)
def add(cat, lang, asked, body, expect, clients=2):
    R.append((cat, lang, asked, body, expect, clients))

Y, N, M = "yes", "no", "maybe"
idioms = {
 "en": [("Count me in!", Y), ("I'll pass this time, sorry.", N), ("Not this round, I'm afraid.", N),
        ("Can't make Thursdays any more, sorry.", N), ("Probably yes, will confirm on Monday.", M),
        ("Tentatively yes - depends on my train.", M), ("I'm in.", Y), ("Wouldn't miss it!", Y),
        ("Sadly I'm away that week.", N), ("I'll do my best to be there.", M), ("See you there!", Y),
        ("Afraid I can't this time.", N), ("Should be able to make it.", M), ("Looks like I'm free, so yes.", Y),
        ("I have to skip this one.", N), ("Put me down as a maybe.", M)],
 "de": [("Bin dabei!", Y), ("Ich muss diesmal passen.", N), ("Klappt bei mir leider nicht.", N),
        ("Wahrscheinlich ja, ich sage Montag Bescheid.", M), ("Ich komme gerne.", Y), ("Schaffe es diesmal nicht.", N),
        ("Eventuell, hängt von der Arbeit ab.", M), ("Ich bin da.", Y), ("Donnerstags kann ich leider nicht mehr.", N),
        ("Ich versuche es, kann aber nichts versprechen.", M), ("Zusage!", Y), ("Absage, sorry.", N)],
 "fr": [("Je serai là !", Y), ("Je ne pourrai pas venir cette fois.", N), ("Partant !", Y),
        ("Peut-être, je confirme lundi.", M), ("Désolé, je suis pris ce jeudi.", N), ("Compte sur moi.", Y),
        ("Pas cette fois-ci, désolée.", N), ("Sans doute, mais je te redis.", M), ("J'y serai.", Y),
        ("Je vais essayer de passer.", M), ("Je dois me désister, désolée.", N), ("Avec plaisir !", Y)],
 "es": [("¡Cuenta conmigo!", Y), ("Esta vez paso, lo siento.", N), ("No podré ir esta vez.", N),
        ("Probablemente sí, te confirmo el lunes.", M), ("Allí estaré.", Y), ("Me apunto.", Y),
        ("Quizás, depende del trabajo.", M), ("Lo siento, no puedo ese jueves.", N), ("Intentaré ir.", M),
        ("Ahí nos vemos.", Y), ("Me temo que no llego.", N), ("Voy seguro.", Y)],
 "nl": [("Ik ben erbij!", Y), ("Ik moet deze keer afhaken.", N), ("Lukt me helaas niet.", N),
        ("Waarschijnlijk wel, ik laat het maandag weten.", M), ("Ik kom graag.", Y), ("Misschien, hangt van mijn werk af.", M),
        ("Ik ben er bij, tot donderdag!", Y), ("Helaas, ik kan er niet bij zijn.", N), ("Ik probeer te komen.", M),
        ("Ik sla deze keer over.", N), ("Ik kom!", Y), ("Donderdags gaat niet meer voor mij.", N)],
 "pt": [("Conta comigo!", Y), ("Desta vez não vou conseguir ir.", N), ("Estarei lá.", Y),
        ("Talvez, confirmo na segunda.", M), ("Vou passar desta vez, desculpa.", N), ("Provavelmente sim.", M),
        ("Lá estarei!", Y), ("Infelizmente não posso nesse dia.", N), ("Vou tentar aparecer.", M),
        ("Pode contar comigo.", Y), ("Não dá para mim desta vez.", N), ("Vou sim!", Y)],
}
for lang, items in idioms.items():
    for k, (txt, resp) in enumerate(items):
        so = SIGNOFF[lang][k % len(SIGNOFF[lang])].format(n=NAMES[lang])
        add("rsvp", lang, "rsvp", txt + "\n\n" + so, {"kind": "rsvp", "response": resp}, clients=1 if k % 2 else 2)

leadins = {
 "en": [("Here's an idea:\nHow we review each other's side projects", "review"),
        ("One topic from me:\nPricing freelance work", "pricing"),
        ("Suggestion:\nMentoring newcomers", "mentoring")],
 "de": [("Vorschlag:\nWie wir neue Mitglieder einarbeiten", "mitglieder"),
        ("Ein Thema von mir:\nHomeoffice und Erreichbarkeit", "homeoffice")],
 "fr": [("Une proposition :\nComment partager nos notes de lecture", "notes"),
        ("Un sujet de ma part :\nLe travail à distance", "distance")],
 "es": [("Una idea:\nCómo organizamos las sesiones en línea", "sesiones"),
        ("Propongo un tema:\nPrecios para trabajos pequeños", "precios")],
 "nl": [("Een idee:\nHoe we nieuwe leden verwelkomen", "leden"),
        ("Mijn voorstel:\nThuiswerken en bereikbaarheid", "thuiswerken")],
 "pt": [("Uma sugestão:\nComo dividimos as tarefas da reunião", "tarefas"),
        ("Tenho um tema:\nPreços para freelancers", "freelancers")],
}
for lang, items in leadins.items():
    for k, (txt, w) in enumerate(items):
        so = SIGNOFF[lang][(k + 1) % len(SIGNOFF[lang])].format(n=NAMES[lang])
        add("topics", lang, "topics", txt + "\n\n" + so, {"kind": "topics", "count": 1, "titles_contain": w})

lists = [
 ("en", "topics", "A few ideas:\n\n• Pricing for small clients\n• Saying no to scope creep\n• Invoicing tools\n\nCheers,\nKim", 3),
 ("en", "topics", "👉 Pricing for small clients\n👉 Saying no to scope creep\n\nKim", 2),
 ("en", "topics", "Pricing for small clients; saying no to scope creep; invoicing tools", 3),
 ("de", "topics", "Ein paar Ideen:\n\n– Preise für kleine Kunden\n– Nein sagen lernen\n\nLG Anna", 2),
 ("fr", "topics", "Quelques idées :\n\n1) Fixer ses tarifs\n2) Dire non aux clients\n3) Les outils de facturation\n\nBises,\nClaire", 3),
 ("es", "topics", "Dos temas:\n\n* Precios para clientes pequeños\n* Cómo decir que no\n\nSaludos,\nLucía", 2),
 ("nl", "topics", "Twee onderwerpen:\n\n- Prijzen voor kleine klanten\n- Nee leren zeggen\n\nGroetjes,\nSanne", 2),
 ("pt", "topics", "Duas ideias:\n\n▪ Preços para clientes pequenos\n▪ Como dizer não\n\nAbraço,\nJoão", 2),
 ("en", "takeaways", "- Price by value, not by the hour\n- Say no early\n- Write the scope down\n\nThanks all!\nKim", 3),
 ("en", "takeaways", "✅ Price by value, not by the hour\n✅ Say no early\n\nBest, Kim", 2),
 ("en", "takeaways", "Price by value; say no early; write the scope down.", 3),
 ("en", "takeaways", "Mostly that pricing by value works better than I thought, and that I should stop discounting for friends, which was the part of the evening that stuck with me most.", 1),
 ("de", "takeaways", "Meine Erkenntnisse:\n\n• Preise nach Wert, nicht nach Stunden\n• Früh nein sagen\n\nViele Grüße\nAnna", 2),
 ("fr", "takeaways", "Ce que je retiens :\n- fixer ses prix selon la valeur\n- dire non tôt\n\nBonne journée,\nClaire", 2),
 ("es", "takeaways", "Me llevo dos cosas:\n1. Cobrar por valor\n2. Decir que no pronto\n\nUn abrazo,\nLucía", 2),
 ("nl", "takeaways", "Wat ik meeneem:\n* Prijzen op waarde\n* Vroeg nee zeggen\n\nGroet,\nSanne", 2),
 ("pt", "takeaways", "O que levo:\n- Cobrar pelo valor\n- Dizer não cedo\n\nAbraço,\nJoão", 2),
]
for lang, asked, txt, n in lists:
    add(asked, lang, asked, txt, {"kind": asked, "count": n}, clients=2)

votes = [
 ("en", "I'd go with the second one.", [2]), ("en", "My vote: 1 and 3", [1, 3]), ("en", "+1 for #4, and #2 sounds good too: +1", [2, 4]),
 ("en", "Both 1 and 3 for me, please.", [1, 3]), ("de", "Ich stimme für die zweite.", [2]), ("de", "+1 für 3", [3]),
 ("fr", "Je vote pour le 3.", [3]), ("fr", "Plutôt la première, +1", [1]), ("es", "Voto por el 1 y el 4.", [1, 4]),
 ("es", "Me quedo con la segunda.", [2]), ("nl", "Mijn stem gaat naar 2.", [2]), ("nl", "Ik kies de derde.", [3]),
 ("pt", "Voto no 3.", [3]), ("pt", "Fico com a segunda.", [2]),
]
for lang, txt, v in votes:
    so = SIGNOFF[lang][0].format(n=NAMES[lang])
    add("votes", lang, "votes", txt + "\n\n" + so, {"kind": "votes", "votes": v}, clients=1)

guests = [
 ("en", "Yes, I'd love to join the group!", "join"), ("en", "Please add me to the list.", "join"),
 ("en", "Not now, perhaps later in the year.", "decline"), ("en", "Thanks, but I'll pass for now.", "decline"),
 ("en", "Would I have to come every month?", "conversation"), ("en", "If it's in the evenings I might join.", "!join"),
 ("de", "Gerne, nehmt mich auf!", "join"), ("de", "Im Moment nicht, vielleicht später im Jahr.", "decline"),
 ("fr", "Avec plaisir, je rejoins le groupe.", "join"), ("fr", "Pas pour l'instant, peut-être plus tard dans l'année.", "decline"),
 ("es", "¡Sí, me encantaría unirme!", "join"), ("es", "Ahora no, quizás más adelante.", "decline"),
 ("nl", "Ja, ik wil graag lid worden.", "join"), ("nl", "Nu even niet, misschien later dit jaar.", "decline"),
 ("pt", "Sim, quero participar do grupo!", "join"), ("pt", "Agora não, talvez mais para o fim do ano.", "decline"),
]
for lang, txt, k in guests:
    so = SIGNOFF[lang][1].format(n=NAMES[lang])
    e = {"not_kind": "join"} if k == "!join" else {"kind": k}
    add("guests", lang, "followup", txt + "\n\n" + so, e, clients=1)

trims = [  # text checks: what stays and what goes
 ("en", "rsvp", "Yes, see you Thursday.", {"kind": "rsvp", "response": "yes", "text_contains": "see you Thursday", "text_excludes": ["Northwind", "CONFIDENTIAL", "Roundtable Circle"]}),
 ("de", "rsvp", "Ja, bis Donnerstag.", {"kind": "rsvp", "response": "yes", "text_excludes": ["Musterfirma", "vertrauliche", "Roundtable Circle"]}),
 ("fr", "rsvp", "Oui, à jeudi.", {"kind": "rsvp", "response": "yes", "text_excludes": ["Société Exemple", "confidentiels", "Roundtable Circle"]}),
 ("es", "rsvp", "Sí, nos vemos el jueves.", {"kind": "rsvp", "response": "yes", "text_excludes": ["Calle Mayor", "confidenciales", "Roundtable Circle"]}),
 ("nl", "rsvp", "Ja, tot donderdag.", {"kind": "rsvp", "response": "yes", "text_excludes": ["Keizersgracht", "vertrouwelijke", "Roundtable Circle"]}),
 ("pt", "rsvp", "Sim, até quinta.", {"kind": "rsvp", "response": "yes", "text_excludes": ["Rua Augusta", "confidenciais", "Roundtable Circle"]}),
]
for lang, asked, txt, e in trims:
    add("signatures", lang, asked, txt, e, clients=4)

# ------------------------------------------------------------------ commands and bounces (whole messages)
WHOLE = []
def whole(cat, name, raw, expect):
    WHOLE.append((cat, name, raw, expect))

def simple(frm, subject, body, extra=()):
    return hdr(frm, subject, "text/plain; charset=utf-8", extra, mid=hashlib.sha1((subject + body).encode()).hexdigest()[:12]).replace(
        "In-Reply-To: <announce-42@example.org>\r\nReferences: <announce-42@example.org>\r\n", "") + "\r\n" + body.replace("\n", "\r\n") + "\r\n"

for i, (subj, cmd) in enumerate([("unsubscribe", "UNSUBSCRIBE"), ("UNSUBSCRIBE", "UNSUBSCRIBE"), ("Leave", "LEAVE"), ("leave", "LEAVE")]):
    whole("commands", f"leave-{i}", simple("Kim <kim@example.net>", subj, ""), {"kind": "command", "command": cmd})
for i, subj in enumerate(["Re: Stop by earlier on Thursday?", "Re: Help with the room booking", "Re: Status of the venue?", "Re: Join us for dinner after?"]):
    whole("commands", f"re-sentence-{i}", simple("Kim <kim@example.net>", subj, "Does anyone know if the side door will be open? I'd like to bring the projector early."), {"not_kind": "command"})

def dsn(mta, rcpt_final, rcpt_orig, status, diag, extra_fields="", reporting="mx.example.net"):
    b = "==BOUNDARY=="
    per = ""
    if rcpt_orig:
        per += f"Original-Recipient: {rcpt_orig}\r\n"
    per += f"Final-Recipient: {rcpt_final}\r\nAction: {'failed' if status.startswith('5') else 'delayed'}\r\nStatus: {status}\r\nDiagnostic-Code: smtp; {diag}\r\n{extra_fields}"
    return ("From: MAILER-DAEMON@" + reporting + " (Mail Delivery System)\r\nTo: circle+bounce@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n"
            "Date: Wed, 04 Jun 2025 09:15:02 +0200\r\nMessage-ID: <dsn-" + hashlib.sha1((mta + rcpt_final + status).encode()).hexdigest()[:10] + "@" + reporting + ">\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{b}\"\r\n\r\n"
            f"--{b}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThis is the mail system at host {reporting}.\r\n\r\nI'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n"
            f"--{b}\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; {reporting}\r\nArrival-Date: Wed, 04 Jun 2025 09:15:00 +0200\r\n\r\n{per}\r\n"
            f"--{b}\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Roundtable Circle <circle@example.org>\r\nTo: someone\r\nSubject: Roundtable on Thursday\r\n\r\n--{b}--\r\n")
whole("bounces", "orig-over-final", dsn("postfix", "rfc822; box17@mail.example.net", "rfc822;ben@example.net", "5.1.1", "550 5.1.1 <box17@mail.example.net>: Recipient address rejected: User unknown"), {"kind": "bounce", "recipients": ["ben@example.net"], "permanent": True})
whole("bounces", "smtp-prefix", dsn("exchange", "smtp=lea@example.com", None, "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"), {"kind": "bounce", "recipients": ["lea@example.com"], "permanent": True})
whole("bounces", "temporary-quota", dsn("postfix", "rfc822; ana@example.com", None, "4.2.2", "452 4.2.2 Mailbox full"), {"not_kind": "auto_reply", "permanent": False})
whole("bounces", "delay-warning", dsn("postfix", "rfc822; tom@example.com", None, "4.4.1", "connect to mx.example.com[192.0.2.1]:25: Connection timed out"), {"not_kind": "auto_reply", "permanent": False})
whole("bounces", "permanent-upper-rfc822", dsn("sendmail", "RFC822; <Eva@Example.COM>", None, "5.0.0", "550 Host unknown"), {"kind": "bounce", "recipients": ["eva@example.com"], "permanent": True})

def plain_bounce(frm, subject, body, name, rcpt, perm=True):
    raw = (f"From: {frm}\r\nTo: circle+bounce@example.org\r\nSubject: {subject}\r\nDate: Wed, 04 Jun 2025 09:15:02 +0200\r\n"
           f"Message-ID: <{name}@bounce.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + body.replace("\n", "\r\n"))
    whole("bounces", name, raw, {"kind": "bounce", "recipients": [rcpt], "permanent": perm})
plain_bounce("MAILER-DAEMON@mail.example.net", "failure notice",
  "Hi. This is the qmail-send program at mail.example.net.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<paul@example.net>:\n192.0.2.7 does not like recipient.\nRemote host said: 550 5.1.1 user unknown\nGiving up on 192.0.2.7.\n\n--- Below this line is a copy of the message.\n\nFrom: circle@example.org\nSubject: Roundtable\n", "qmail-plain", "paul@example.net")
plain_bounce("Mail Delivery Subsystem <MAILER-DAEMON@relay.example.com>", "Returned mail: see transcript for details",
  "The original message was received at Wed, 4 Jun 2025 09:15:00 +0200\nfrom localhost [127.0.0.1]\n\n   ----- The following addresses had permanent fatal errors -----\n<maria@example.com>\n    (reason: 550 5.1.1 <maria@example.com>... User unknown)\n\n   ----- Transcript of session follows -----\n... while talking to mx.example.com.:\n>>> RCPT To:<maria@example.com>\n<<< 550 5.1.1 <maria@example.com>... User unknown\n550 5.1.1 <maria@example.com>... User unknown\n", "sendmail-plain", "maria@example.com")
plain_bounce("Yahoo <MAILER-DAEMON@yahoo.example>", "Failure Notice",
  "Sorry, we were unable to deliver your message to the following address.\n\n<olga@example.org>:\n554: delivery error: dd This user doesn't have an account (olga@example.org) [0] - mta1.example\n\n--- Below this line is a copy of the message.\n", "yahoo-plain", "olga@example.org")
plain_bounce("Postmaster <postmaster@lotus.example.com>", "DELIVERY FAILURE: User henk (henk@lotus.example.com) not listed in Domino Directory",
  "Your message\n\n  Subject: Roundtable on Thursday\n\nwas not delivered to:\n\n  henk@lotus.example.com\n\nbecause:\n\n  User henk (henk@lotus.example.com) not listed in Domino Directory\n", "lotus-plain", "henk@lotus.example.com")
whole("bounces", "challenge-response", (
  "From: Kim's spam filter <kim@example.net>\r\nTo: circle@example.org\r\nSubject: Please confirm your message\r\nDate: Wed, 04 Jun 2025 09:15:02 +0200\r\n"
  "Message-ID: <cr-1@example.net>\r\nAuto-Submitted: auto-replied\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
  "Hello,\r\n\r\nI use a challenge-response system to block spam. To have your message delivered,\r\nplease click the link below to verify you are a real person:\r\nhttps://verify.example.net/c/abc123\r\n"), {"not_kind": ["bounce", "rsvp", "command"], "permanent": False})
whole("bounces", "delay-plain", (
  "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\nTo: circle+bounce@example.org\r\nSubject: Delayed Mail (still being retried)\r\nDate: Wed, 04 Jun 2025 09:15:02 +0200\r\n"
  "Message-ID: <delay-1@mx.example.net>\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
  "This is the mail system at host mx.example.net.\r\n\r\n####################################################################\r\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\r\n####################################################################\r\n\r\nYour message could not be delivered for more than 4 hour(s).\r\nIt will be retried until it is 5 day(s) old.\r\n\r\n<rui@example.pt>: connect to mx.example.pt[192.0.2.9]:25: Connection timed out\r\n"), {"permanent": False, "not_kind": "auto_reply"})

# Synonyms of LEAVE: the command is printed as written (UNSUBSCRIBE stays UNSUBSCRIBE, as
# DESIGN.md's inspect contract has it); what it does is LEAVE.
for i, subj in enumerate(["Abmelden", "désabonner", "afmelden", "signoff"]):
    whole("commands", f"leave-synonym-{i}", simple("Kim <kim@example.net>", subj, ""), {"kind": "command", "command": subj})

# ------------------------------------------------------------------ write
def main():
    for half in ("tuned", "heldout"):
        shutil.rmtree(os.path.join(ROOT, half), ignore_errors=True)
    items = []
    n = 0
    for (cat, lang, asked, body, expect, nclients) in R:
        for j in range(nclients):
            client = CLIENT_CYCLE[(n + j * 4) % len(CLIENT_CYCLE)]
            items.append((cat, lang, asked, body, expect, client, n))
            n += 1
    out = []
    for idx, (cat, lang, asked, body, expect, client, n) in enumerate(items):
        a = "topics" if asked == "votes" else asked
        name = f"{lang}-{client}-{idx:03d}"
        c = {"lang": lang, "asked": asked, "body": body, "i": n, "id": hashlib.sha1(name.encode()).hexdigest()[:16],
             "from": f"{NAMES[lang]} <{NAMES[lang].lower().replace('ú','u').replace('ã','a')}@mail.example.net>",
             "subject": {"en": "Re: ", "de": "AW: ", "fr": "RE : ", "es": "RE: ", "nl": "Re: ", "pt": "Re: "}[lang] + SUBJ[asked]}
        raw = CLIENTS[client](c)
        e = {"as": a, "comment": f"{cat}, {lang}, {client}"}
        e.update(expect)
        out.append((cat, name, raw, e))
    for cat, name, raw, e in WHOLE:
        out.append((cat, name, raw, dict({"comment": cat}, **e)))
    for idx, (cat, name, raw, e) in enumerate(out):
        half = "heldout" if idx % 4 == 3 else "tuned"
        d = os.path.join(ROOT, half, cat)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name + ".eml"), "wb") as fh:
            fh.write(raw.encode("utf-8") if isinstance(raw, str) else raw)
        with open(os.path.join(d, name + ".expect.json"), "w", encoding="utf-8") as fh:
            json.dump(e, fh, ensure_ascii=False)
            fh.write("\n")
    print(len(out), "messages")

main()
