//! Unit tests of `World::apply`: one per transition and one per refusal.

use chrono::{DateTime, Duration, Utc};
use invitesim::model::{
    Action, Answer, EventKind, InvitationState, Person, Preset, Refusal, Rules, SentStatus,
    Standing, World,
};

fn t0() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().expect("valid time")
}

fn world(rules: Rules) -> World {
    let mut w = World::new(rules, t0(), 0);
    for h in ["maya", "sam", "lee", "ana", "bo", "cy", "di", "ed"] {
        let mut p = Person::new(h, &format!("{} X", h.to_uppercase()), "");
        p.email = Some(format!("{h}@example.com"));
        w.add_person(p).expect("unique");
    }
    w
}

fn send(from: &str, to: &str) -> Action {
    Action::Send {
        from: from.into(),
        to: to.into(),
        note: None,
        email: None,
    }
}
fn open(by: &str, from: &str) -> Action {
    Action::Open {
        by: by.into(),
        from: from.into(),
    }
}
fn ignore(by: &str, from: &str) -> Action {
    Action::Ignore {
        by: by.into(),
        from: from.into(),
    }
}
fn accept(by: &str, from: &str) -> Action {
    Action::Accept {
        by: by.into(),
        from: from.into(),
    }
}
fn dont_know(by: &str, from: &str) -> Action {
    Action::DontKnow {
        by: by.into(),
        from: from.into(),
    }
}
fn spam(by: &str, from: &str) -> Action {
    Action::ReportSpam {
        by: by.into(),
        from: from.into(),
    }
}
fn withdraw(by: &str, to: &str) -> Action {
    Action::Withdraw {
        by: by.into(),
        to: to.into(),
    }
}

fn ok(w: &mut World, a: Action) {
    if let Err(r) = w.apply(&a) {
        panic!("{a:?} refused: {r}");
    }
}

fn refused(w: &mut World, a: Action) -> Refusal {
    let before = w.log().len();
    let reason = match w.apply(&a) {
        Ok(_) => panic!("{a:?} was allowed"),
        Err(r) => r,
    };
    assert_eq!(w.log().len(), before, "a refusal must not log events");
    reason
}

fn state(w: &World, from: &str, to: &str) -> InvitationState {
    let (f, t) = (w.person_id(from).expect("p"), w.person_id(to).expect("p"));
    w.latest(f, t).expect("an invitation").state
}

fn id(w: &World, h: &str) -> invitesim::model::PersonId {
    w.person_id(h).expect("known")
}

#[test]
fn send_puts_a_new_invitation_in_the_inbox_and_mails_the_recipient() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    assert_eq!(
        state(&w, "maya", "sam"),
        InvitationState::Pending { seen: false }
    );
    let sam = w.view(id(&w, "sam"));
    assert_eq!(sam.invitations.len(), 1);
    assert!(!sam.invitations[0].seen);
    assert_eq!(sam.emails.len(), 1);
    let maya = w.view(id(&w, "maya"));
    assert_eq!(maya.sent[0].status, SentStatus::Pending);
    assert!(maya.emails.is_empty() && maya.notifications.is_empty());
}

#[test]
fn open_marks_seen_for_the_recipient_only() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    let maya_before = w.view(id(&w, "maya"));
    ok(&mut w, open("sam", "maya"));
    assert_eq!(
        state(&w, "maya", "sam"),
        InvitationState::Pending { seen: true }
    );
    assert!(w.view(id(&w, "sam")).invitations[0].seen);
    assert_eq!(w.view(id(&w, "maya")), maya_before);
    assert_eq!(
        w.log().last().expect("event").visible_to.as_slice(),
        [id(&w, "sam")]
    );
}

#[test]
fn ignore_archives_under_classic_and_removes_under_modern() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, ignore("sam", "maya"));
    let sam = w.view(id(&w, "sam"));
    assert!(sam.invitations.is_empty());
    assert_eq!(sam.archive.len(), 1);

    let mut w = world(Rules::modern());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, ignore("sam", "maya"));
    let sam = w.view(id(&w, "sam"));
    assert!(sam.invitations.is_empty() && sam.archive.is_empty());
    assert_eq!(w.view(id(&w, "maya")).sent[0].status, SentStatus::Pending);
    let reason = refused(&mut w, accept("sam", "maya"));
    assert!(
        matches!(
            reason,
            Refusal::NothingToAnswer {
                hint: Some(Answer::Ignore),
                ..
            }
        ),
        "{reason}"
    );
}

#[test]
fn accept_from_inbox_connects_and_notifies_the_sender_once() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, accept("sam", "maya"));
    assert!(w.are_connected(id(&w, "maya"), id(&w, "sam")));
    let maya = w.view(id(&w, "maya"));
    assert_eq!(maya.sent[0].status, SentStatus::Connected);
    assert_eq!(maya.notifications.len(), 1);
    assert_eq!(maya.emails.len(), 1);
    assert!(
        w.log()
            .iter()
            .any(|e| e.kind == EventKind::AcceptanceNotified(maya.sent[0].invitation))
    );
}

#[test]
fn accept_later_from_the_archive() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, ignore("sam", "maya"));
    ok(&mut w, Action::wait_days(40));
    ok(&mut w, accept("sam", "maya"));
    assert_eq!(state(&w, "maya", "sam"), InvitationState::Accepted);
    assert!(w.view(id(&w, "sam")).archive.is_empty());
}

#[test]
fn dont_know_removes_flags_and_blocks_the_pair() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, dont_know("sam", "maya"));
    assert_eq!(state(&w, "maya", "sam"), InvitationState::DontKnow);
    assert!(w.view(id(&w, "sam")).invitations.is_empty());
    assert_eq!(w.lists(id(&w, "maya")).account.flags, 1);
    assert!(w.is_blocked(id(&w, "maya"), id(&w, "sam")));
    assert_eq!(w.view(id(&w, "maya")).sent[0].status, SentStatus::Pending);
}

#[test]
fn dont_know_and_spam_work_from_the_archive() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, send("lee", "sam"));
    ok(&mut w, ignore("sam", "maya"));
    ok(&mut w, ignore("sam", "lee"));
    ok(&mut w, dont_know("sam", "maya"));
    ok(&mut w, spam("sam", "lee"));
    assert!(w.view(id(&w, "sam")).archive.is_empty());
}

#[test]
fn report_spam_removes_and_flags() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, spam("sam", "maya"));
    assert_eq!(state(&w, "maya", "sam"), InvitationState::Spam);
    assert_eq!(w.lists(id(&w, "maya")).account.flags, 1);
    refused(&mut w, accept("sam", "maya"));
}

#[test]
fn withdraw_removes_from_both_and_stops_reminders() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, withdraw("maya", "sam"));
    assert_eq!(state(&w, "maya", "sam"), InvitationState::Withdrawn);
    assert!(w.view(id(&w, "maya")).sent.is_empty());
    assert!(w.view(id(&w, "sam")).invitations.is_empty());
    ok(&mut w, Action::wait_days(30));
    assert_eq!(w.view(id(&w, "sam")).emails.len(), 1);
}

#[test]
fn the_sender_can_withdraw_what_was_secretly_reported_under_modern_rules() {
    // Classic rules refuse it (withdraw only while unanswered, H26): see
    // classic_withdraw_needs_no_answer_and_says_nothing_of_which.
    let mut w = world(Rules::modern());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, spam("sam", "maya"));
    ok(&mut w, withdraw("maya", "sam"));
    assert_eq!(
        w.log().last().expect("event").visible_to.as_slice(),
        [id(&w, "maya")]
    );
}

#[test]
fn reminders_at_7_and_14_days_exactly_then_none() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    let sam = id(&w, "sam");
    let wait = |w: &mut World, minutes: u32| {
        ok(
            w,
            Action::Wait {
                days: None,
                hours: None,
                minutes: Some(minutes),
            },
        )
    };
    wait(&mut w, 7 * 24 * 60 - 1);
    assert_eq!(w.view(sam).emails.len(), 1);
    wait(&mut w, 1);
    assert_eq!(w.view(sam).emails.len(), 2);
    assert_eq!(w.view(sam).emails[0].at, t0() + Duration::days(7));
    ok(&mut w, Action::wait_days(7));
    assert_eq!(w.view(sam).emails.len(), 3);
    ok(&mut w, Action::wait_days(365));
    assert_eq!(w.view(sam).emails.len(), 3);
}

#[test]
fn an_opened_but_unanswered_invitation_still_gets_reminders() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, open("sam", "maya"));
    ok(&mut w, Action::wait_days(14));
    assert_eq!(w.view(id(&w, "sam")).emails.len(), 3);
}

#[test]
fn modern_expiry_is_silent_and_exact() {
    let mut w = world(Rules::modern());
    ok(&mut w, send("maya", "sam"));
    ok(
        &mut w,
        Action::Wait {
            days: Some(182),
            hours: Some(23),
            minutes: Some(59),
        },
    );
    assert_eq!(
        state(&w, "maya", "sam"),
        InvitationState::Pending { seen: false }
    );
    ok(
        &mut w,
        Action::Wait {
            days: None,
            hours: None,
            minutes: Some(1),
        },
    );
    assert_eq!(state(&w, "maya", "sam"), InvitationState::Expired);
    let maya = w.view(id(&w, "maya"));
    assert!(maya.sent.is_empty() && maya.notifications.is_empty() && maya.emails.is_empty());
    assert!(w.view(id(&w, "sam")).invitations.is_empty());
}

#[test]
fn warnings_and_classic_restriction_need_the_email() {
    let mut rules = Rules::classic();
    rules.flags_to_warn = 2;
    rules.flags_to_restrict = 3;
    let mut w = world(rules);
    for who in ["sam", "lee", "ana"] {
        ok(&mut w, send("maya", who));
    }
    let maya = id(&w, "maya");
    ok(&mut w, dont_know("sam", "maya"));
    assert_eq!(w.view(maya).account.standing, Standing::Good);
    ok(&mut w, spam("lee", "maya"));
    assert_eq!(w.view(maya).account.standing, Standing::Warned);
    ok(&mut w, dont_know("ana", "maya"));
    assert_eq!(w.view(maya).account.standing, Standing::Restricted);
    assert_eq!(w.view(maya).account.restricted_until, None);
    let reason = refused(&mut w, send("maya", "bo"));
    assert!(matches!(reason, Refusal::EmailNeeded { .. }), "{reason}");
    let wrong = Action::Send {
        from: "maya".into(),
        to: "bo".into(),
        note: None,
        email: Some("x@y".into()),
    };
    refused(&mut w, wrong);
    let right = Action::Send {
        from: "maya".into(),
        to: "bo".into(),
        note: None,
        email: Some("bo@example.com".into()),
    };
    ok(&mut w, right);
}

#[test]
fn ignore_is_not_a_flag() {
    let mut rules = Rules::classic();
    rules.flags_to_warn = 1;
    let mut w = world(rules);
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, ignore("sam", "maya"));
    assert_eq!(w.view(id(&w, "maya")).account.standing, Standing::Good);
}

#[test]
fn modern_restriction_is_temporary_then_back_to_warned() {
    let mut rules = Rules::modern();
    rules.flags_to_warn = 1;
    rules.flags_to_restrict = 2;
    let mut w = world(rules);
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, send("maya", "lee"));
    ok(&mut w, spam("sam", "maya"));
    ok(&mut w, spam("lee", "maya"));
    let maya = id(&w, "maya");
    assert_eq!(w.view(maya).account.standing, Standing::Restricted);
    assert_eq!(
        w.view(maya).account.restricted_until,
        Some(t0() + Duration::days(7))
    );
    let reason = refused(&mut w, send("maya", "ana"));
    assert!(
        reason
            .to_string()
            .contains("restricted until Mon 9 Mar 2026, 09:00"),
        "{reason}"
    );
    ok(&mut w, Action::wait_days(7));
    assert_eq!(w.view(maya).account.standing, Standing::Warned);
    ok(&mut w, send("maya", "ana"));
}

#[test]
fn refusals_for_send() {
    let mut w = world(Rules::classic());
    let r = refused(&mut w, send("maya", "maya"));
    assert!(matches!(r, Refusal::SelfInvite { .. }), "{r}");
    let r = refused(&mut w, send("maya", "nobody"));
    assert_eq!(
        r.to_string(),
        "there is no one called \"nobody\" in this world"
    );
    ok(&mut w, send("maya", "sam"));
    let r = refused(&mut w, send("maya", "sam"));
    assert!(matches!(r, Refusal::AlreadyPending { .. }), "{r}");
    let r = refused(&mut w, send("sam", "maya"));
    assert!(matches!(r, Refusal::InvitedYouFirst { .. }), "{r}");
    ok(&mut w, accept("sam", "maya"));
    let r = refused(&mut w, send("maya", "sam"));
    assert!(matches!(r, Refusal::AlreadyConnected { .. }), "{r}");
    let long = Action::Send {
        from: "maya".into(),
        to: "lee".into(),
        note: Some("x".repeat(301)),
        email: None,
    };
    assert_eq!(
        refused(&mut w, long).to_string(),
        "the note has 301 characters; the limit is 300"
    );
    let exact = Action::Send {
        from: "maya".into(),
        to: "lee".into(),
        note: Some("é".repeat(300)),
        email: None,
    };
    ok(&mut w, exact);
}

#[test]
fn a_send_after_dont_know_looks_like_any_send_and_is_never_delivered() {
    let mut w = world(Rules::modern());
    let (maya, sam) = (id(&w, "maya"), id(&w, "sam"));
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, dont_know("sam", "maya"));
    ok(&mut w, withdraw("maya", "sam"));
    ok(&mut w, Action::wait_days(30));
    let sam_before = w.view(sam);
    ok(&mut w, send("maya", "sam"));
    assert_eq!(state(&w, "maya", "sam"), InvitationState::Undelivered);
    assert_eq!(w.view(maya).sent[0].status, SentStatus::Pending);
    assert_eq!(
        w.view(sam),
        sam_before,
        "the recipient gets nothing, not even an email"
    );
    ok(&mut w, Action::wait_days(15));
    assert_eq!(w.view(sam), sam_before, "and no reminders");
    ok(&mut w, withdraw("maya", "sam"));
}

#[test]
fn classic_withdraw_needs_no_answer_and_says_nothing_of_which() {
    for answer in [
        ignore("sam", "maya"),
        dont_know("sam", "maya"),
        spam("sam", "maya"),
    ] {
        let mut w = world(Rules::classic());
        ok(&mut w, send("maya", "sam"));
        ok(&mut w, answer);
        let r = refused(&mut w, withdraw("maya", "sam"));
        assert_eq!(
            r.to_string(),
            "MAYA X's invitation to SAM X can no longer be withdrawn"
        );
    }
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, open("sam", "maya"));
    ok(&mut w, withdraw("maya", "sam"));
    let mut w = world(Rules::modern());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, ignore("sam", "maya"));
    ok(&mut w, withdraw("maya", "sam"));
}

#[test]
fn reply_reaches_the_sender_and_leaves_the_invitation_pending() {
    let mut w = world(Rules::classic());
    let (maya, sam) = (id(&w, "maya"), id(&w, "sam"));
    ok(&mut w, send("maya", "sam"));
    let reply = Action::Reply {
        by: "sam".into(),
        from: "maya".into(),
        text: "Where did we meet?".into(),
    };
    ok(&mut w, reply.clone());
    let v = w.view(maya);
    assert_eq!(v.sent[0].status, SentStatus::Pending);
    assert_eq!(v.notifications.len(), 1);
    assert_eq!(v.emails.len(), 1);
    assert_eq!(
        v.notifications[0].subject(&w),
        "SAM X replied: “Where did we meet?”"
    );
    assert_eq!(w.view(sam).invitations.len(), 1, "still answerable");
    let r = refused(&mut w, reply);
    assert!(matches!(r, Refusal::CannotAnswer { .. }), "{r}");
    let emails = w.view(sam).emails.len();
    ok(&mut w, Action::wait_days(20));
    assert_eq!(
        w.view(sam).emails.len(),
        emails,
        "reminders stop after a reply"
    );
    let r = refused(&mut w, withdraw("maya", "sam"));
    assert!(r.is_withdraw_tell(), "a reply is an answer (classic)");
    ok(&mut w, accept("sam", "maya"));
}

#[test]
fn modern_restrictions_escalate_up_to_a_month() {
    let r = Rules::modern();
    let lengths: Vec<_> = (1..=4).map(|n| r.restriction_length(n)).collect();
    assert_eq!(lengths, [Some(7), Some(14), Some(28), Some(30)]);
    assert_eq!(Rules::classic().restriction_length(3), None);
}

#[test]
fn chances_are_drawn_from_the_seed_and_replay_the_same() {
    let mut rules = Rules::classic();
    rules.reminder_chance = invitesim::model::Chance(0.5);
    let reminders = |seed: u64| {
        let mut w = World::new(rules.clone(), t0(), seed);
        for h in ["maya", "sam", "lee", "ana", "bo"] {
            w.add_person(Person::new(h, h, "")).expect("unique");
        }
        for to in ["sam", "lee", "ana", "bo"] {
            ok(&mut w, send("maya", to));
        }
        ok(&mut w, Action::wait_days(20));
        ["sam", "lee", "ana", "bo"]
            .map(|h| w.view(id(&w, h)).emails.len())
            .to_vec()
    };
    assert_eq!(reminders(7), reminders(7));
    let all: Vec<_> = (0..20).map(reminders).collect();
    assert!(
        all.iter().flatten().any(|&n| n < 3),
        "some reminders are skipped"
    );
    assert!(all.iter().flatten().any(|&n| n > 1), "some are sent");
}

#[test]
fn withdraw_wait_is_21_days_to_the_minute_and_names_the_date() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(
        &mut w,
        Action::Wait {
            days: None,
            hours: Some(5),
            minutes: Some(30),
        },
    );
    ok(&mut w, withdraw("maya", "sam"));
    ok(
        &mut w,
        Action::Wait {
            days: Some(20),
            hours: Some(23),
            minutes: Some(59),
        },
    );
    let reason = refused(&mut w, send("maya", "sam")).to_string();
    assert!(
        reason.contains("again on Mon 23 Mar 2026, 14:30"),
        "{reason}"
    );
    ok(
        &mut w,
        Action::Wait {
            days: None,
            hours: None,
            minutes: Some(1),
        },
    );
    ok(&mut w, send("maya", "sam"));
}

#[test]
fn weekly_limit_is_a_sliding_window() {
    let mut rules = Rules::preset(Preset::Modern);
    rules.weekly_limit = Some(2);
    let mut w = world(rules);
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, Action::wait_days(3));
    ok(&mut w, send("maya", "lee"));
    let reason = refused(&mut w, send("maya", "ana")).to_string();
    assert!(
        reason.contains("next can go on Mon 9 Mar 2026, 09:00"),
        "{reason}"
    );
    ok(&mut w, Action::wait_days(4));
    ok(&mut w, send("maya", "ana"));
    refused(&mut w, send("maya", "bo"));
}

#[test]
fn refusals_for_answers_and_withdraw() {
    let mut w = world(Rules::classic());
    for a in [
        open("sam", "maya"),
        ignore("sam", "maya"),
        accept("sam", "maya"),
        dont_know("sam", "maya"),
        spam("sam", "maya"),
    ] {
        let r = refused(&mut w, a);
        assert!(
            matches!(r, Refusal::NothingToAnswer { hint: None, .. }),
            "{r}"
        );
    }
    let r = refused(&mut w, withdraw("maya", "sam"));
    assert!(matches!(r, Refusal::NothingToWithdraw { .. }), "{r}");
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, ignore("sam", "maya"));
    let r = refused(&mut w, ignore("sam", "maya"));
    assert!(
        r.to_string().ends_with("it is already in the Archive"),
        "{r}"
    );
    ok(&mut w, spam("sam", "maya"));
    for a in [
        open("sam", "maya"),
        accept("sam", "maya"),
        dont_know("sam", "maya"),
        spam("sam", "maya"),
    ] {
        refused(&mut w, a);
    }
}

#[test]
fn crossing_invitations_settle_on_accept() {
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, spam("sam", "maya"));
    ok(&mut w, send("sam", "maya"));
    ok(&mut w, accept("maya", "sam"));
    assert_eq!(state(&w, "maya", "sam"), InvitationState::Accepted);
    assert_eq!(w.view(id(&w, "maya")).sent[0].status, SentStatus::Connected);
}

#[test]
fn clock_cannot_overflow() {
    let mut w = world(Rules::classic());
    for _ in 0..200 {
        if w.apply(&Action::wait_days(u32::MAX)).is_err() {
            return;
        }
    }
    panic!("the clock never refused to overflow");
}

/// An answer that names the invitation it is for (`Act::Answer::known`, as a replayed
/// history does) reaches what it would reach without the name: the latest between the
/// two. Named, a superseded invitation is not taken for the latest; named wrong (not
/// between these two), the pair is looked up.
#[test]
fn an_answer_naming_its_invitation_reaches_the_latest_all_the_same() {
    use invitesim::model::{Act, InvitationId};
    let mut w = world(Rules::classic());
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, withdraw("maya", "sam"));
    ok(&mut w, Action::wait_days(21));
    ok(&mut w, send("maya", "sam"));
    ok(&mut w, send("lee", "ana"));
    let (maya, sam) = (id(&w, "maya"), id(&w, "sam"));
    assert!(w.invitation(InvitationId(0)).superseded);
    for known in [Some(InvitationId(0)), Some(InvitationId(2)), None] {
        let mut named = w.clone();
        let answer = Act::Answer {
            by: sam,
            from: maya,
            answer: Answer::Accept,
            known,
        };
        named
            .act(answer)
            .expect("the latest invitation is accepted");
        let accepted = named.invitation(InvitationId(1)).state;
        assert_eq!(accepted, InvitationState::Accepted, "{known:?}");
        let first = named.invitation(InvitationId(0)).state;
        assert_eq!(first, InvitationState::Withdrawn, "{known:?}");
    }
}
