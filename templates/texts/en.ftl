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
footer-answer = Reply to this mail to answer. To stop these mails, reply with LEAVE in the subject.

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
