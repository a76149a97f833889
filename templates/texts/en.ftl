# roundtable's words in English. One message per thing the robot says; the templates in
# templates/ keep the structure and ask this catalog for the words. A coordinator may override
# any message (roundtable texts export --language en DIR; texts_dir = "DIR"): keep its
# { $placeholders }, they are filled in when a mail is written.

## Dates and times, as people write them: "Tuesday 6 October 2026, 18:30 CEST".
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# $weekday, $day, $month, $year, $time (24-hour "18:30"), $zone ("CEST")
date-time = { $weekday } { $day } { $month } { $year }, { $time } { $zone }

## Greetings and the footer of every mail.
hello = Hello { $name },
# $leave: the LEAVE command in this language (what the robot reads as LEAVE)
footer-answer = Reply to this mail to answer. To stop these mails, reply with { $leave } in the subject.

## Counts, with the plural each language needs.
takeaways = { $count ->
    [one] one takeaway
   *[other] { $count } takeaways
}
open-topics = { $count ->
    [one] one open topic
   *[other] { $count } open topics
}

## The footer's link, and the one-click buttons (they start a reply; nothing changes until it
## is sent).
footer-leave-link = Leave with one mail
button-yes = Yes, I'll come
button-maybe = Maybe
button-no = No
button-propose = Propose a topic
button-plus-one = +1 this topic
button-takeaway = Send a takeaway
button-join = Join the group
button-no-thanks = No thanks
button-help = What can I do? (HELP)
topic-carried = carried over
guest-mark = { $name } (guest)

## The announcement: $community, $when, $place.
meets-on = { $community } meets on { $when }.
meets-on-at = { $community } meets on { $when } at { $place }.
will-you-come = Will you come? Just reply to this mail with YES, NO or MAYBE (add a note if you like: "yes, 15 min late").
will-you-come-html = Will you come? Click an answer below (it starts a reply you only need to send), or just reply to this mail with YES, NO or MAYBE (add a note if you like: "yes, 15 min late").
preheader-announcement = { $community } meets on { $when }. Will you come?

## The call for topics.
cft-intro = { $community } meets on { $when }. What should we talk about?
cft-how = Reply to this mail with your topics — one per line, or "Topic: …" with a line of details. To support a topic below, reply "+1 #3" (or "+1 for 2 and 5").
cft-none = No topics yet: yours could be the first.
cft-open = Open topics:
preheader-cft = What should we talk about on { $when }?

## The agenda.
agenda-intro = The agenda for { $community } on { $when }.
agenda-intro-at = The agenda for { $community } on { $when } at { $place }.
agenda-no-topics = No topics were proposed: bring what is on your mind.
agenda-topics = Topics, most supported first:
agenda-coming = Coming ({ $count }):
agenda-nobody = nobody has said yes yet
agenda-maybe = Maybe ({ $count }):
agenda-late = Not answered yet? Reply YES, NO or MAYBE. Late topic? Reply with it, or "+1 #n".
preheader-agenda = { $topics ->
    [one] One topic
   *[other] { $topics } topics
} for { $when }; { $coming } coming.

## The reminder.
reminder-intro = A reminder: { $community } meets on { $when }.
reminder-intro-at = A reminder: { $community } meets on { $when } at { $place }.
reminder-yes = You said YES — see you there. Can't make it after all? Reply NO.
reminder-maybe = You said MAYBE. Can you tell us now? Reply YES or NO.
reminder-none = You haven't answered yet. Will you come? Reply YES, NO or MAYBE.

## Asking for takeaways.
takeaway-thanks = Thanks for coming to { $community } on { $when }.
takeaway-ask = What did you take away? Reply with one or more takeaways — one per paragraph or list item. They go into the next digest with your name, so the group keeps what it learned.
preheader-takeaway = What did you take away from { $community }?

## The digest.
digest-intro = What { $community } learned lately.
digest-there = { $count } there:
digest-open = Open topics (reply "+1 #n" to support one, or send a new one):
digest-next = Next meeting: { $when }. Reply YES, NO or MAYBE to its announcement.
preheader-digest-next = Next meeting: { $when }.

## A guest: the invitation, and the follow-up after their visit.
invite-intro = { $inviter } invites you to visit { $community }.
invite-next = The next meeting is on { $when }.
invite-next-at = The next meeting is on { $when } at { $place }.
invite-no-sales = Come and see whether the group is for you; nobody will sell you anything.
invite-rsvp = Will you come? Reply to this mail with YES, NO or MAYBE, or use the calendar buttons of the attached invitation.
preheader-invitation = { $inviter } invites you to { $community } on { $when }.
followup-thanks = Thanks for visiting { $community } on { $when }.
followup-join = Would you like to join? Reply JOIN and you'll get the group's mail from now on. If it isn't for you, reply "no thanks" — we won't write again.
preheader-followup = Would you like to join { $community }?

## A meeting moved or cancelled: $old is the earlier time.
cancelled = { $community } on { $when } is cancelled.
cancelled-calendar = Your calendar entry is removed by the attached update.
moved = { $community } has moved: it is now on { $when } (it was { $old }).
moved-at = { $community } has moved: it is now on { $when } at { $place } (it was { $old }).
moved-answer = Your earlier answer still counts. If the new time changes it, reply YES, NO or MAYBE.
preheader-moved = { $community } is now on { $when }.

## Welcome, answers and questions back.
welcome-intro = Welcome to { $community }! From now on you get the group's mail: invitations, agendas and digests.
welcome-help = Answer any mail by replying to it. Send HELP in the subject to see what else you can do.
preheader-welcome = Welcome to { $community }.
question-thanks = Thanks for your reply.
you-wrote = You wrote:
your-note = Your note:
help-intro = Send a command as the Subject of a mail to the group's address (upper or lower case).
help-coordinators = For coordinators
help-example = e.g.
help-dates = Dates are local time: 2026-12-08 18:30, 08.12.2026 18:30 or 8 Dec 2026 18:30.

## A member's words passed on to a coordinator: $member, $address, $subject, $answer.
forwarded-asked = { $member } <{ $address }> replied to "{ $subject }" (recorded as { $answer }) and asked:
forwarded-words = { $member } <{ $address }> replied to "{ $subject }" with words for people, not for the robot:
forwarded-answer = Reply to this mail to answer { $member }: your reply goes to them directly.

## Subjects.
subject-announcement = { $community }: { $when } — will you come?
subject-cancelled = Cancelled: { $community }, { $when }
subject-moved = Moved: { $community } is now on { $when }
subject-nudge = Still thinking about { $community }?
subject-cft = { $community }, { $when }: what should we talk about?
subject-agenda = Agenda: { $community }, { $when }
subject-reminder = Reminder: { $community }, { $when }
subject-takeaways = What did you take away from { $community }?
subject-followup = Would you like to join { $community }?
subject-invitation = An invitation to { $community }, { $when }
subject-welcome = Welcome to { $community }
subject-your-mail = Your mail to { $community }
# $news: what the digest brings ("2 takeaways, one open topic").
subject-digest = { $community } digest: { $news }
digest-next-meeting = the next meeting

## LANGUAGE xx, answered.
language-set = From now on your mail from { $community } is in English.

## Answers to a member's own commands.
paused = Paused: you get no mail from { $community } until you send RESUME.
resumed = Welcome back: you get { $community }'s mail again.
delivery-each = You get each post to { $community } as it comes.
delivery-none = You get no posts to { $community } any more; its meeting mail still comes. DELIVERY EACH brings the posts back.
topics-none = No open topics. Reply to a call for topics, or send a mail with "TOPIC: your topic" in the subject.
topics-list = Open topics, most supported first (reply "+1 #n" to support one):

### ---- issue 13, part 2: every sentence the robot writes (answers, questions back, notices,
### HELP). Kept at the end of the file so merges stay easy.

## A day without the time: "6 October 2026".
date-day = { $day } { $month } { $year }

## HELP, made from the command table: $word is the command's word in this language.
help-or = { $usage } (or { $word })
help-rsvp = answer for the next meeting
help-topics = the open topics, numbered
help-search = search past takeaways, topics and posts
help-pause = no mail from the group until you send { $resume }
help-resume = mail again after { $pause }
help-leave = leave the group
help-join = become a member after visiting as a guest
help-language = the language of your own mail
help-delivery = posts one by one, in a daily digest, or none (meeting mail still comes)
help-help = this list
help-schedule = a new meeting
help-reschedule = move the next meeting, or #id
help-cancel = cancel the next meeting, or #id
help-invite = invite a guest to the next meeting
help-add = add a member
help-remove = remove someone
help-promote = make a guest a member
help-attended = who came to the last meeting
help-agenda = send the agenda now
help-digest = send the digest now
help-topic = close or defer a topic, or make a thread a topic
help-status = next meeting, answers, topics, guests, mail waiting
help-usage-rsvp = { $word } YES|NO|MAYBE
help-usage-search = { $word } words
help-usage-leave = { $word } (or UNSUBSCRIBE)
help-usage-language = { $word } xx
help-usage-delivery = { $word } EACH|DIGEST|NONE
help-usage-schedule = { $word } date time [place]
help-usage-reschedule = { $word } [#id] date time [place]
help-usage-cancel = { $word } [next|#id] [reason]
help-usage-invite = { $word } address [name]
help-usage-add = { $word } address [name]
help-usage-remove = { $word } address
help-usage-promote = { $word } address
help-usage-attended = { $word } name, address, …
help-usage-topic = { $word } CLOSE n | { $word } DEFER n | { $word } FROM THREAD n
help-example-search = { $word } pricing workshops
help-example-delivery = { $word } NONE
help-example-cancel = { $word } next room closed

## A command answered: $word is the command as written.
subject-cmd-result = { $word }: { $status ->
    [done] done
   *[other] not done
}
subject-cmd-not-understood = { $word }: not understood
subject-cmd-coordinator-only = { $word }: for the coordinator
subject-cmd-refused = { $word }: refused
subject-cmd-confirm = Confirm: { $line }
usage = { $problem }
    Usage: { $usage }
    Example: { $example }
usage-unknown = Unknown command: { $word }.
usage-send-help = send { $word } for the list of commands
usage-at-line = Body line { $line }: { $problem }
usage-reschedule-needs-when = RESCHEDULE needs the new date and time.
usage-reschedule-needs-when-after = RESCHEDULE needs the new date and time after the meeting.
usage-cancel-date = CANCEL takes a meeting number, not a date ({ $date }): STATUS shows the numbers.
usage-not-meeting-number = { $written } is not a meeting number: write #12 or 12 (STATUS shows the numbers).
usage-needs-address = { $word } needs an email address.
usage-no-address-in = { $word } needs an email address: { $written } has none.
usage-one-address-at-a-time = { $word } takes one address at a time; found { $count }: { $addresses }.
usage-just-one-address = { $word } takes just one address; remove { $extra }.
usage-attended-needs = ATTENDED needs who attended: addresses or names in the Subject, or one per line in the body.
usage-attended-too-many = ATTENDED lists { $count } people; at most { $max } at a time.
usage-attended-not-a-person = { $written } is not a person: ATTENDED is for the last meeting and takes no meeting number.
usage-attended-who-is-who = Can't tell who is who in { $written }: separate people with commas.
usage-topic-needs = TOPIC needs CLOSE or DEFER and a topic number.
usage-topic-takes = TOPIC takes CLOSE, DEFER or FROM THREAD, not { $written }.
usage-topic-needs-number = TOPIC { $sub } needs a topic number (TOPICS lists them).
usage-topic-one-number = TOPIC { $sub } takes one topic number; remove { $extra }.
usage-not-topic-number = { $written } is not a topic number: write 3 or #3 (TOPICS lists them).
usage-topic-from-thread = TOPIC FROM THREAD needs a thread number: TOPIC FROM THREAD 12 (STATUS and the digest number the threads).
usage-not-thread-number = { $written } is not a thread number: write 12 or #12 (STATUS lists them).
usage-rsvp-needs = RSVP needs YES, NO or MAYBE.
usage-rsvp-not = { $written } is not YES, NO or MAYBE (RSVP takes only these English words; a plain reply to the invitation may say it in your own words).
usage-delivery-needs = DELIVERY needs EACH, DIGEST or NONE.
usage-delivery-not = { $written } is not EACH, DIGEST or NONE.
usage-language-needs = LANGUAGE needs one of en, de, fr, es, nl, pt.
usage-language-not = { $written } is not one of en, de, fr, es, nl, pt.
usage-search-needs = SEARCH needs words to look for.
usage-takes-nothing = { $word } takes nothing after it (got { $extra }); to do it, send just { $word } as the Subject.
usage-control-character = { $what ->
        [place] The place
        [name] The name
        [search] The search
       *[reason] The reason
    } contains a control character ({ $code }); write plain text.
usage-too-long = { $what ->
        [place] The place
        [name] The name
        [search] The search
       *[reason] The reason
    } is { $count } characters long; at most { $max } are allowed.
usage-name-may-not-contain = The name { $name } may not contain { $char }.
usage-needs-date-time = { $word } needs a date and a time.
usage-needs-date-first = { $word } needs a date first: { $written } is not one (write 2026-12-08, 08.12.2026 or 8 Dec 2026).
usage-wrong-weekday = { $date } is a { $is }, not a { $written }.
usage-needs-time = { $word } needs a time: write it after the date, as in { $date } 18:30.
usage-not-a-time-after = { $word } needs a time after the date: { $written } is not a time (write { $date } 18:30).
usage-no-such-month = { $written } is not a date: there is no month { $month }.
usage-no-such-day = { $written } is not a date: that month has no day { $day }.
usage-no-time-after-t = { $written } has no time after the T that can be read (write { $date }T18:30, local time without a zone).
usage-two-digit-year = { $written } has a two-digit year: write it with four, as in { $example }.
usage-ambiguous-date = { $written } is ambiguous (day or month first?): write the date as 2026-12-08 or 8 Dec 2026.
usage-needs-day-and-year = { $written } needs a day and a year, as in 8 Dec 2026.
usage-needs-year = { $written } needs a year, as in 8 Dec 2026 18:30.
usage-not-a-time = { $written } is not a time of day.
address-space = { $address } is not an email address: it contains a space or a control character.
address-too-long = { $address } is not an email address: it is { $detail } characters long (at most 254).
address-no-at = { $address } is not an email address: it has no @.
address-two-at = { $address } is not an email address: it has more than one @.
address-nothing-before = { $address } is not an email address: nothing before the @.
address-nothing-after = { $address } is not an email address: nothing after the @.
address-local-too-long = { $address } is not an email address: the part before the @ is longer than 64 characters.
address-contains = { $address } is not an email address: it contains { $detail }.
address-domain-contains = { $address } is not an email address: the domain contains { $detail }.
address-domain-no-dot = { $address } is not an email address: the domain { $detail } has no dot (as in example.org).
address-domain-malformed = { $address } is not an email address: the domain { $detail } is malformed.
address-dots = { $address } is not an email address: the part before the @ has a dot at its start or end, or two in a row.
address-refused = { $address } is not an email address: mail servers would refuse it.
cmd-failed = That didn't work: { $error }
    Nothing was changed.
cmd-coordinator-only = Only the coordinator of { $community } can use { $word }.
cmd-refused = A command in your name was refused: { $why }.
    If it was you, send it from your usual account (its mail server must sign it), or ask the administrator to allow confirmations (coordinator_auth = "dmarc-or-confirm").
refused-name-shows-other-address = the sender's name “{ $name }” shows another address than { $address }
refused-auth-failed = our mail server says it was not sent from { $address }
refused-auth-missing = our mail server could not confirm that it came from { $address }
cmd-confirm = Please confirm: { $line }

    Reply CONFIRM (or YES / OK) to this mail within 24 hours and it will be done. Any other answer cancels it. If you didn't send it, ignore this mail or answer NO: nothing happens.
subject-confirm-cancelled = Not confirmed: cancelled
confirm-cancelled = Not done: { $line }

    Your answer did not say CONFIRM (or YES / OK), so the command was cancelled and this confirmation can't be used any more. If you did send it, send the command again and answer CONFIRM.
subject-confirm-refused = Confirmation refused
confirm-refused = That confirmation can't be used: { $why }. Send the command again for a new one.
confirm-unknown = we don't know it
confirm-not-yours = it was sent to someone else
confirm-used = it was already used
confirm-expired = it has expired
# $role: member, coordinator or guest; $state: active, paused, bouncing…
cmd-already = { $address } is already { $role ->
    [coordinator] a coordinator
    [guest] a guest
   *[member] a member
} of { $community }{ $state ->
    [active] {""}
    [paused] {" "}(paused)
    [bouncing] {" "}(mail to them bounces)
   *[other] {" "}({ $state })
}.
cmd-scheduled = Scheduled meeting { $id } on { $when }. Its mail follows the timeline (roundtable timeline shows it).
cmd-scheduled-at = Scheduled meeting { $id } on { $when } at { $place }. Its mail follows the timeline (roundtable timeline shows it).
cmd-rescheduled = Meeting { $id } moved to { $when }; { $count ->
    [one] one person invited so far was told.
   *[other] { $count } people invited so far were told.
}
cmd-cancelled = Meeting { $id } on { $when } is cancelled; { $count ->
    [one] one person was told.
   *[other] { $count } people were told.
}
cmd-added = Added { $address } as a member; they got a welcome.
cmd-removed = Removed { $address }: no more mail for them.
cmd-not-member = { $address } is not an active member of { $community }.
cmd-promoted = { $address } is now a member; they got a welcome.
cmd-promote-not-guest = { $address } is { $role ->
    [coordinator] a coordinator
   *[other] a member
} already, not a guest.
cmd-promote-unknown = { $address } is not a guest of { $community }: INVITE them first.
cmd-no-meeting-held = No meeting has taken place yet.
cmd-attended = Attendance of { $when } ({ $count }): { $names }.
cmd-attended-unknown = Not found (check the spelling or use the address): { $names }.
cmd-agenda-now = The agenda for { $when } goes out now.
cmd-digest-now = The digest goes out now.
cmd-topic-status = Topic #{ $number } is { $status ->
    [closed] closed
   *[deferred] deferred
}.
cmd-topic-none = There is no open topic #{ $number }.
cmd-left = { $address } left { $community }.
cmd-rsvp = { $address } answered { $answer ->
    [yes] YES
    [no] NO
   *[maybe] MAYBE
} for { $when }.
cmd-invited = Invited { $address } to { $when }. They can answer YES, NO or MAYBE; after the meeting they get a follow-up asking whether they'd like to join.
join-guest-already = { $address } is already { $role ->
    [coordinator] a coordinator
   *[member] a member
}.
joined-as-member = { $address } joined { $community } as a member.
search-none = Nothing found for "{ $words }".
search-hits = { $count ->
    [one] One match
   *[other] { $count } matches
} for "{ $words }":
search-hit = { $kind ->
    [takeaway] Takeaway
    [post] Post
   *[topic] Topic
} by { $author }, { $day }: { $text }

## Refusals, said to whoever asked.
err-past = { $when } is in the past: give a future date and time.
err-meeting-exists = { $community } already has a meeting on { $when }.
err-no-such-meeting = { $community } has no scheduled meeting { $id } (STATUS shows the numbers).
err-no-upcoming-meeting = { $community } has no upcoming meeting.
err-invite-no-meeting = There is no upcoming meeting to invite { $address } to: SCHEDULE one first.
err-time-does-not-exist = { $time } does not exist in { $zone } (the clocks jump forward then): pick another time.

## STATUS, for a coordinator.
status-next = Next meeting: { $when } (meeting { $id })
status-next-at = Next meeting: { $when } (meeting { $id }), { $place }
status-answers = Answers: { $yes } yes, { $maybe } maybe, { $no } no, { $open } not yet
status-none-planned = No meeting planned yet (meeting_cron plans each as its announcement comes near)
status-none-scheduled = No meeting scheduled: SCHEDULE YYYY-MM-DD HH:MM [place]
status-then = Then, from meeting_cron:
status-then-job = { $when } ({ $kind ->
    [announcement] announcement
    [call-for-topics] call for topics
    [agenda] agenda
    [reminder] reminder
   *[other] { $kind }
} { $due })
status-topics = Open topics: { $count }{ $count ->
    [0] {""}
   *[other] {" "}— { $topics }
}
status-guests-none = Guests: none in the pipeline
status-guests = Guests:
status-guest-declined = declined
status-guest-nudged = followed up { $followed }, reminded { $nudged }, no answer
status-guest-followed = followed up { $followed }, waiting
status-guest-invited = invited { $invited }
status-guest-state = { $state }
status-mail = Mail: { $pending } waiting, { $failed } failed{ $failed ->
    [0] {""}
   *[other] {" "}(roundtable outbox list --status failed)
}
status-unclear = Replies nobody could read this week: { $count } (roundtable log)

## Answers to a member's replies.
subject-rsvp-yes = You're coming: { $community } on { $when }
subject-rsvp-no = You're not coming: { $community } on { $when }
subject-rsvp-maybe = Maybe: { $community } on { $when }
rsvp-yes = Thanks! You're coming to { $community } on { $when }. See you there.
rsvp-no = Thanks for letting us know: you won't be at { $community } on { $when }.
rsvp-maybe = Noted: you might come to { $community } on { $when }. We'll remind you the day before.
change-hint = Changed your mind? Reply YES, NO or MAYBE to this mail at any time; your latest answer counts.
subject-left = You have left { $community }
left = You have left { $community }. You won't get its mail any more. To come back, ask the coordinator.
subject-calendar-unknown = Calendar answer not recorded
calendar-unknown = Your calendar answered an invitation we don't know (an old or a deleted one?), so nothing was recorded. Please reply YES, NO or MAYBE to the latest invitation instead.
subject-no-meeting-yet = No meeting to answer yet
no-meeting-yet = There is no upcoming meeting to answer yet. You'll get an invitation when the next one is scheduled.
subject-meeting-held = That meeting has taken place
meeting-held = That meeting has taken place already, so there is nothing to answer.
subject-meeting-was-cancelled = That meeting was cancelled
meeting-was-cancelled = That meeting was cancelled, so there is nothing to answer.
subject-topics-added = { $count ->
    [one] Topic added
   *[other] Topics added
}: { $topics }
topics-added = Thanks! Added to the list: { $topics }. Others can support a topic by replying "+1 #n".
subject-votes = Your +1
votes-counted = Counted your +1 for { $topics }.
votes-unknown = { $count ->
    [one] There is no open topic { $topics }
   *[other] There are no open topics { $topics }
}: reply TOPICS in the subject for the list.
subject-takeaways-no-meeting = No meeting for these takeaways
takeaways-no-meeting = There's no past meeting to attach your takeaways to yet. Send them after the next meeting.
subject-takeaways-saved = Takeaways saved
takeaways-saved = Thanks — { $count ->
    [one] one takeaway
   *[other] { $count } takeaways
} saved. They'll be in the next digest with your name.
subject-join-already = Already in { $community }
join-already = You're already a member of { $community }: nothing to do.
subject-declined = Thanks for visiting
declined = Thanks for letting us know. You won't hear from { $community } again unless someone invites you.
subject-passed-on = Passed on to { $names }
passed-on = Your message went to { $names }, who will answer you directly.
question-passed-on = Your question went to { $names }, who will answer you directly.
stranger-answer = Thanks for writing to { $community }. This address is read by a program that runs the group for its members, and yours isn't one of them, so nothing was done with your mail. It was passed on to the coordinator, who may get in touch.

## Questions back, when a reply could not be read.
subject-unproven = Please reply to one of our mails
unproven = We couldn't tell that this mail came from you, so nothing was changed. Please answer by replying to one of our mails (its reply address is personal to you), and it will count.
subject-ask-topic = Which topic?
ask-topic = Did you mean to propose a topic? Write each on its own line ("Topic: …" with details below), or "+1 #3" to support one.
subject-ask-takeaways = Your takeaways?
ask-takeaways = Did you mean to send takeaways? Write one per paragraph or list item and they'll go into the digest with your name.
subject-ask-join = Would you like to join?
ask-join = Would you like to join? Reply JOIN, or "no thanks".
subject-ask-rsvp = Did you mean YES, NO or MAYBE?
ask-rsvp = Did you mean YES, NO or MAYBE? Reply with one of those words (and a note if you like: "yes, 15 min late").

## Posts to the list: the footer of each copy, and what their authors are told.
post-footer = { $community }: write to { $list } to reach everyone.
post-footer-leave = Leave the group: { $link }
subject-post-too-big = Not sent: your post is over { $limit }
post-too-big = Your post "{ $subject }" is { $size }, over this group's limit of { $limit } (max_post_size), so it was not sent. Please send it smaller, e.g. with a link instead of the attachment.
subject-post-held = Your post waits for review
post-held = Your post "{ $subject }" waits for a coordinator's review before it goes to the group. You'll hear if it is not sent.
post-held-stranger = Your post to { $community } waits for a coordinator's review, because this address is not a member. You'll hear if it is not sent.
subject-post-rejected = Your post was not sent
post-rejected = Your post "{ $subject }" to { $community } was not sent to the group.
post-rejected-reason = Your post "{ $subject }" to { $community } was not sent to the group. The coordinator said: { $reason }
subject-post-expired = Your post expired unsent
post-expired = Your post "{ $subject }" to { $community } was not reviewed within { $days } days and was not sent. Send it again if it still matters.

## Notices to coordinators, each in the coordinator's own language.
notice-hourly = (One notice like this an hour per sender; any more are kept, not sent: `roundtable log` lists them.)
subject-notice-joined = { $name } joined { $community }
notice-joined = { $name } ({ $address }) answered the follow-up with JOIN and is now a member.
subject-notice-stranger = For review: mail from non-members
notice-stranger = Mail from { $from }, who is not a member, for your review (nothing was changed):

    Subject: { $subject }

    { $text }
subject-notice-unclear = Unclear reply from { $name }
notice-unclear = { $name } wrote something nobody could read as an answer ({ $reason }); { $asked ->
    [yes] they were asked back
   *[no] not asked back (too many automatic answers to them this hour)
}.

    Subject: { $subject }

    { $text }
notice-unclear-again = { $name } answered our question with something nobody could read ({ $reason }); not asked again.

    Subject: { $subject }

    { $text }
# Why a reply could not be read, in the coordinator's notice (inside its parentheses).
unclear-empty-reply = an empty reply
unclear-empty-message = an empty message
unclear-yes-and-no = the reply says both yes and no
unclear-no-yes-no-maybe = no yes, no or maybe in it
unclear-no-topic = no topic in the reply
unclear-no-takeaway = no takeaway in the reply
unclear-not-an-answer = it answers nothing we asked, and has no yes or no, +1 or TOPIC
unclear-no-partstat = a calendar reply without an answer
unclear-question-not-join = a question or a condition, not a yes to joining
unclear-join-on-condition = a yes to joining, but on a condition
unclear-maybe-join = neither joins nor declines (a maybe)
unclear-no-join-or-decline = no join or no-thanks in it
subject-notice-coordinator-bounces = Mail to { $address } bounces
notice-coordinator-bounces = Mail to { $name } ({ $address }), a coordinator, has bounced { $count } times. Coordinators are never stopped by bounces; check the address, or change the coordinators in the config.
subject-notice-bouncing = { $address } stopped: mail bounces
notice-bouncing = Mail to { $name } ({ $address }) has bounced { $count } times, so roundtable stopped writing to them. If the address works again, add them again: roundtable member add { $slug } { $address }
subject-notice-quarantined = A message could not be handled
notice-quarantined = A message from { $from } (Subject: { $subject }) could not be handled: { $error }. It was tried { $count } times and is kept in the mailbox's Quarantine folder; nothing it asked for was done. `roundtable log` shows it.
subject-notice-held = Held for review: #{ $id } { $subject }
notice-held = A post to { $community } is held for your review ({ $reason }).

    From: { $from }
    Subject: { $subject }
    Size: { $size }

    { $words }

    Reply APPROVE to send it to everyone, or REJECT and a reason to turn it down (the sender gets the reason). From the command line: roundtable held approve { $slug } { $id } (or reject). Not decided in { $days } days, it expires.
# Why a post is held, in the coordinator's notice (inside its parentheses).
held-not-member = { $from } is not a member
held-forged = our mail server says it is not from { $from }
held-guest = { $name } is a guest
held-moderated = posts by { $name } are held for review
held-too-many = { $name } sent { $count ->
        [one] one post
       *[other] { $count } posts
    } this hour (posts_per_hour = { $limit })
subject-notice-job-failed = { $community }: the { $kind } of { $when } could not be sent
notice-job-failed = The { $kind } due { $when } failed { $count } times and was given up:

    { $error }

    Nothing of it was sent. `roundtable timeline --all` shows it; once the cause is fixed, a coordinator can send it again (AGENDA or DIGEST by mail, or reschedule the meeting).
subject-forwarded-words = { $member } replied to: { $subject }
subject-forwarded-asked = { $member } asks about: { $subject }
chart-attendance = Who came to the last meetings
chart-votes = +1s for the open topics
when-at-place = { $when } at { $place }
## ---- Post digests and conversations (issue 15, helper posts2) ----
post-digest-intro = The posts to { $community } since your last post digest:
# $author: who wrote the post; $when: when it was sent.
post-digest-by = { $author }, { $when }
post-digest-reply = Reply to the group
post-digest-how = To answer a post, write to { $list } with its subject after "Re:" (or use its "Reply to the group" link). You get the posts once a day because your delivery is DIGEST: DELIVERY EACH brings each post as it comes.
subject-post-digest = { $community }: { $count ->
    [one] one new post
   *[other] { $count } new posts
}
digest-conversations = Conversations since the last digest:
# $number: the thread's number (TOPIC FROM THREAD n); $replies: how many replies it has.
digest-conversation-by = #{ $number }, started by { $author }, { $replies ->
    [0] no replies yet
    [one] one reply
   *[other] { $replies } replies
}
conversations = { $count ->
    [one] one conversation
   *[other] { $count } conversations
}
delivery-digest = You get the posts to { $community } once a day, in one digest. DELIVERY EACH brings each post as it comes.

## TOPIC FROM THREAD and the threads STATUS lists (merge of lang and posts2).
cmd-thread-none = There is no thread #{ $number }: STATUS and the digest number the threads.
cmd-thread-already = Thread #{ $number } is an open topic already.
cmd-thread-topic = Thread #{ $number } "{ $title }" is topic #{ $topic } for the next agenda, proposed by { $name }.
topic-from-thread = From thread #{ $number }, started by { $author }
status-threads = Conversations (TOPIC FROM THREAD n makes one a topic):
status-thread = #{ $number } { $subject } — { $author }, { $replies ->
    [one] 1 reply
   *[other] { $replies } replies
}
