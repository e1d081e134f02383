// The built-in tour: every action once, with both screens side by side.
// Try it: `invitesim play tour`, or open it in the app and press `.` to step.
Scenario(
    title: "A tour of the invitation inbox",
    summary: "Maya invites Sam. Sam opens, ignores, and later accepts from the archive; Lee and Priya get the other answers; Maya withdraws one. Watch which screen changes.",
    start: "2026-03-02T09:00:00Z",
    seed: 1,
    rules: (preset: Classic),
    panes: (left: "maya", right: "sam"),
    people: [
        (id: "maya", name: "Maya Chen", headline: "Growth marketer at Brightline", email: "maya@example.com"),
        (id: "sam", name: "Sam Ortiz", headline: "Founder, Tiny Robots", email: "sam@example.com"),
        (id: "lee", name: "Lee Park", headline: "Recruiter, open to everything"),
        (id: "priya", name: "Priya Nair", headline: "Lead generation expert"),
        (id: "jo", name: "Jo Brennan", headline: "Product designer"),
    ],
    connections: [("maya", "lee")],
    invitations: [
        (from: "lee", to: "sam", sent: "2026-02-27T08:00:00Z", note: "We met at the robotics meetup?"),
    ],
    script: [
        Say("Maya (left) invites Sam (right). Both screens change: Maya's Sent list, Sam's Invitations and mailbox."),
        Send(from: "maya", to: "sam", note: "Loved your talk on tiny robots!"),
        Expect(SentShows(who: "maya", to: "sam", status: Pending)),
        Expect(InboxShows(who: "sam", from: "maya", status: New)),

        Say("Two days later Sam opens it, reads it, and does nothing. Maya is not told it was seen."),
        Wait(days: 2),
        Open(by: "sam", from: "maya"),
        Expect(Unchanged(who: "maya")),
        Expect(InboxShows(who: "sam", from: "maya", status: Seen)),

        Say("Sam presses Ignore. It moves to Sam's Archive. Maya's screen does not change at all."),
        Ignore(by: "sam", from: "maya"),
        Expect(Unchanged(who: "maya")),
        Expect(SentShows(who: "maya", to: "sam", status: Pending)),
        Expect(InboxShows(who: "sam", from: "maya", status: Archived)),
        Expect(Notified(who: "maya", count: 0)),
        Quiz(
            question: "Sam pressed Ignore. What does Maya see?",
            choices: ["A decline notice", "Still Pending", "The invitation vanishes"],
            answer: 1,
            explain: "Nothing changes on the sender's side: her Sent list keeps saying Pending.",
        ),

        Say("A week passes. An ignored invitation gets no reminders; Lee's unanswered one does."),
        Wait(days: 7),
        Expect(Unchanged(who: "maya")),
        Expect(Emails(who: "sam", count: 3)),

        Say("Sam changes their mind and accepts from the Archive: accepting later works under classic rules. Now, and only now, Maya is told."),
        Accept(by: "sam", from: "maya"),
        Expect(SentShows(who: "maya", to: "sam", status: Connected)),
        Expect(Notified(who: "maya", count: 1)),
        Expect(Emails(who: "maya", count: 1)),
        Expect(Connected(a: "maya", b: "sam", is: true)),

        Say("Sam does not know Lee and says so. Lee's invitation leaves Sam's lists; Lee still sees Pending and can never invite Sam again."),
        DontKnow(by: "sam", from: "lee"),
        Expect(SentShows(who: "lee", to: "sam", status: Pending)),
        Expect(InboxShows(who: "sam", from: "lee", status: Gone)),
        Refused(Withdraw(by: "sam", to: "lee")),

        Say("Priya sends a sales pitch. Sam reports it as spam: removed, not archived. Priya sees Pending."),
        Send(from: "priya", to: "sam", note: "Quick question about your lead funnel"),
        ReportSpam(by: "sam", from: "priya"),
        Expect(SentShows(who: "priya", to: "sam", status: Pending)),
        Expect(InboxShows(who: "sam", from: "priya", status: Gone)),
        Expect(Account(who: "priya", status: Good)),

        Say("Maya invites Jo, then thinks better of it and withdraws. She must wait 21 days to invite Jo again."),
        Send(from: "maya", to: "jo"),
        Withdraw(by: "maya", to: "jo"),
        Expect(SentShows(who: "maya", to: "jo", status: Gone)),
        Refused(Send(from: "maya", to: "jo")),
        Wait(days: 21),
        Send(from: "maya", to: "jo", note: "Let's try this again: coffee?"),
        Expect(InboxShows(who: "jo", from: "maya", status: New)),
        Say("That's the tour. Only an acceptance ever reached the sender's screen."),
    ],
    actions: [
    ],
)
