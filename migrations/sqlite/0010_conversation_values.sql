-- A person talking to people (issue 15): a reply to our mail that asks or remarks rather than
-- answers is read as `conversation` (inbound.kind) and passed on to the coordinators in a mail
-- of kind `forwarded` (outbox.kind, with Reply-To the member). These two sets, listed whole
-- again because 0007 can't be edited; src/domain.rs checks the latest listing of each column.
-- No schema change: this migration only runs the statement at its end.
--
-- outbox.kind: announcement | call-for-topics | agenda | reminder | takeaway-request | guest-followup | digest | invitation | guest-reminder | update | cancellation | welcome | notice | confirmation | confirmation-request | question | command-result | forwarded
-- inbound.kind: rsvp | topics | votes | takeaways | join | decline | command | auto_reply | bounce | conversation | unclear | unreadable
SELECT 1;
