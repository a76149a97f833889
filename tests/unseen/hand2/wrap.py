# Wraps hand-written bodies (batch 2 of tests/unseen/hand) into the envelope a client writes.
# Usage: python3 wrap.py OUTDIR < specs ; spec blocks separated by lines "=====":
#   path | expect-json | client | lang | kind(ann|call|agenda|take|follow) | From
#   <body lines>
import sys, os, base64, quopri, json
out = sys.argv[1]
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
n = 0
for block in sys.stdin.read().split("\n=====\n"):
    block = block.strip("\n")
    if not block: continue
    head, body = block.split("\n", 1)
    path, expect, client, lang, kind, frm = [x.strip() for x in head.split("|")]
    subj, orig = ANN[lang] if kind == "ann" else OTHER[kind]
    subj = PREFIX[lang] + subj
    addr = frm.split("<")[1].rstrip(">")
    n += 1
    mid = f"<b2-{n:03d}-{abs(hash(path)) % 10**8}@{addr.split('@')[1]}>"
    quoted = "\n".join(("> " + l) if l else ">" for l in orig.split("\n"))
    hdr = [f"From: {frm}", "To: Roundtable <circle@example.org>", f"Subject: {subj}",
           "Date: Tue, 01 Oct 2024 09:14:00 +0200", f"Message-ID: {mid}",
           "In-Reply-To: <b2-orig@example.org>", "References: <b2-orig@example.org>", "MIME-Version: 1.0"]
    if client == "gmail":
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
    open(os.path.join(out, path + ".eml"), "w").write("\n".join(hdr) + "\n\n" + enc)
    json.loads(expect)
    open(os.path.join(out, path + ".expect.json"), "w").write(expect + "\n")
print(n)
