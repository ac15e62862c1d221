import { createHash } from 'node:crypto';
import postgres from 'postgres';

/**
 * The trust-scale data set of DESIGN.md §8, built with set-based SQL: 50 teams, 750
 * practitioners, 25,000 people, ~200,000 network members, ~500,000 meetings over five years up to
 * four weeks ahead, with their practitioners' busy intervals and invitations.
 *
 * Everything is derived from indices, so it is the same on every run (apart from "now"):
 *   team t (0–49), practitioner k (0–14) of a team, person i (0–499) of a team.
 * Ids are md5 hashes of those indices cast to uuid ('t:3', 'u:3:7', 'p:3:120', …); the rows of one
 * meeting (its invitations, attendance, record and signature) take the meeting's id with its last
 * digit changed (see idAfterMeeting).
 *
 * No double booking by construction: each team has eight hourly slots a weekday (09:00–16:00
 * local). Practitioners and people are split into two halves; half 0 meets in the even slots,
 * half 1 in the odd ones, so one practitioner's meetings start at least two hours apart. A busy
 * interval is at most two hours (60 min ± 30 min travel for home and community visits; 60 or 90
 * min without travel otherwise), and intervals are half-open, so they never overlap. A meeting's
 * practitioners are its person's core team (lead, co-worker, and the peer worker in about half).
 *
 * Past meetings are held (80 %), did not happen (8 %) or cancelled (12 %); future ones are
 * scheduled (3 % cancelled); cancelled ones free their intervals (active = false). Future
 * meetings are only with the 90 % of people still active. Every meeting invites the person and
 * up to three network members who may be invited. Meetings ignore absences: a practitioner may
 * have meetings booked in a week of leave.
 *
 * Held meetings have their attendance (every practitioner, the person, who comes to each, and the
 * network members whose invitation says they came, all 'came'), and a signed version 1 of their
 * record: a voice for each who came, one decision with everyone's stance, one action and one open
 * question. Personal links stay open for reading the notes until 90 days after the meeting (the
 * team's record_link_days).
 *
 * Invitation tokens are reproducible for later scenarios: see benchInvitationToken.
 */

const TEAMS = 50;
const PRACTITIONERS_PER_TEAM = 15;
const PEOPLE_PER_TEAM = 500;
const YEARS = 5;
const DAYS_AHEAD = 28;
const ZONE = 'Europe/London';
/** teams.record_link_days by default: how long after the meeting a personal link still opens its notes. */
const RECORD_LINK_DAYS = 90;

/** Half 0: clinicians k 0–5 and peer worker k 13; half 1: clinicians k 6–12 and peer worker k 14. */
const CLINICIANS = [6, 7] as const;

export type Step = { name: string; ms: number };

/** The token in an invitation link of the bench data; its SHA-256 (hex) is the stored token_hash. */
export function benchInvitationToken(meetingId: string, inviteeId: string): string {
  return createHash('md5').update(`invite:${meetingId}:${inviteeId}`).digest('hex');
}

const given = `array['Alex','Sam','Jordan','Priya','Mohammed','Aisha','Tom','Emily','Oliver','Amelia','Jack','Isla',
  'Harry','Ava','George','Mia','Noah','Grace','Leo','Freya','Yusuf','Zara','Kwame','Chloe','Dylan','Niamh','Callum',
  'Ffion','Rhys','Sophie','Ibrahim','Hannah']`;
const family = `array['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Robinson','Wright',
  'Thompson','Evans','Walker','White','Roberts','Green','Hall','Khan','Ahmed','Murphy','Hughes','Edwards','Clarke',
  'Begum','Okafor','Nowak','Kelly','Campbell','Singh','Lewis','Price']`;

/** A non-negative 32-bit hash of a text (hashtext is signed, and abs() of its minimum overflows). */
const h32 = (text: string) => `(hashtext(${text})::bigint + 2147483648)`;

/** Names from indices, the same wherever they appear (the users and people rows, and the records naming them). */
const practitionerName = (t: string, k: string) =>
  `((${given})[1 + ((${t}) * 15 + (${k})) % 32] || ' ' || (${family})[1 + ((${t}) * 15 + (${k}) * 7) % 32])`;
const personGiven = (t: string, i: string) => `(${given})[1 + ((${t}) * 500 + (${i})) % 32]`;
const personFamily = (t: string, i: string) => `(${family})[1 + ((${t}) * 500 + (${i}) * 13) % 32]`;
const personPreferred = (i: string) => `case when (${i}) % 7 = 0 then (${given})[1 + ((${i}) * 5) % 32] end`;
/** As the app shows the person: the name they go by, then the family name. */
const personName = (t: string, i: string) =>
  `(coalesce(${personPreferred(i)}, ${personGiven(t, i)}) || ' ' || ${personFamily(t, i)})`;
const memberGiven = (t: string, i: string, n: string) =>
  `(${given})[1 + ((${t}) * 500 + (${i}) * 3 + (${n}) * 5) % 32]`;
const memberFamily = (t: string, i: string, n: string) =>
  `(${family})[1 + ((${t}) * 500 + (${i}) * 13 + ((${n}) / 3)) % 32]`;

/** The lead's, co-worker's and peer worker's k for person i of a team (i even: half 0, odd: half 1). */
function coreTeamK(i: string) {
  const j = `((${i}) / 2)`;
  const g = `((${i}) % 2)`;
  const size = `(case when ${g} = 0 then ${CLINICIANS[0]} else ${CLINICIANS[1]} end)`;
  const base = `(${g} * ${CLINICIANS[0]})`;
  return {
    lead: `(${base} + ${j} % ${size})`,
    coWorker: `(${base} + (${j} + 1 + (${j} / ${size}) % (${size} - 1)) % ${size})`,
    peer: `(13 + ${g})`,
  };
}

const uid = (t: string, k: string) => `md5('u:' || ${t} || ':' || ${k})::uuid`;
const pid = (t: string, i: string) => `md5('p:' || ${t} || ':' || ${i})::uuid`;
const tid = (t: string) => `md5('t:' || ${t})::uuid`;
/** Person i is discharged when (i / 2) % 10 = 9: 10 % of people. */
const discharged = (i: string) => `((${i}) / 2 % 10 = 9)`;
/** Network members of person i of team t: 3–13, 8 on average. */
const networkSize = (t: string, i: string) => `(3 + ((${i}) * 7 + (${t}) * 3) % 11)`;

type Statement = { name: string; sql: string };

/**
 * For the rows of one meeting (invitations, attendance, its record): the meeting's id with its
 * last hex digit replaced, and the meetings read in id order. The rows then go into each index
 * (the primary key and the meeting_id ones) in order, much faster than md5s in random order, and
 * are unique as the meeting ids are (two meetings would need 31 of 32 random digits in common).
 */
const idAfterMeeting = (digit: string) => `overlay(b.id::text placing ${digit} from 36)::uuid`;
const slotsInIdOrder = (where = 'true') => `(select * from bench_slots where ${where} order by id) b`;

/** A text as an SQL literal. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** One of some texts, chosen by an index expression. */
const oneOf = (texts: readonly string[], index: string) =>
  `(array[${texts.map(literal).join(', ')}])[1 + (${index}) % ${texts.length}]`;

/** Whether network member n (0, 1 or 3) of meeting b's person is invited: they exist, may be invited and are active. */
const memberInvited = (n: string) =>
  `((${n}) < ${networkSize('b.t', 'b.i')} and (${n}) % 3 <> 2 and (b.i + (${n})) % 17 <> 0)`;
/** Whether invitee n (-1: the person, who comes to every held meeting) came to held meeting b. */
const inviteeCame = (n: string) => `((${n}) < 0 or (b.h + (${n})) % 6 <> 0)`;
const INVITED_MEMBERS = [0, 1, 3] as const;

type Participant = {
  kind: 'person' | 'member' | 'practitioner';
  /** A network member's position among the person's members. */
  n?: number;
  /** Names the participant's columns in the record statement's per-meeting subquery. */
  column: string;
  id: string;
  name: string;
  came: string;
  /** Booked or invited: an attendance row says how they were there (only practitioners can be missed). */
  expected?: string;
  words: string;
};

/** Everyone who may have come to held meeting b, in the record's order, with whether they came and their words. */
function heldMeetingParticipants(): Participant[] {
  const k = coreTeamK('b.i');
  return [
    {
      kind: 'person',
      column: 'person',
      id: pid('b.t', 'b.i'),
      name: personName('b.t', 'b.i'),
      came: 'true',
      words: oneOf(
        [
          'I slept a bit better this week, but the mornings are still hard.',
          'I want to try doing this without going back to hospital.',
          'Walking helps. The voices are quieter when I keep busy.',
          'I feel like everyone is watching me to see if I get worse.',
        ],
        'b.h',
      ),
    },
    ...INVITED_MEMBERS.map((n) => ({
      kind: 'member' as const,
      n,
      column: `member${n}`,
      id: `md5('n:' || b.t || ':' || b.i || ':${n}')::uuid`,
      name: `(${memberGiven('b.t', 'b.i', String(n))} || ' ' || ${memberFamily('b.t', 'b.i', String(n))})`,
      came: `(${memberInvited(String(n))} and ${inviteeCame(String(n))})`,
      words: oneOf(
        [
          'I worry when nobody comes down all day. I never know whether to knock.',
          'The house has been calmer since the last meeting.',
          'I can come round on Wednesdays after work, if that helps.',
        ],
        `b.h / 3 + ${n}`,
      ),
    })),
    // The co-worker sends apologies to one meeting in 19, so the ribbons have hollow dots.
    ...[
      ['lead', k.lead, 'true', 'true'],
      ['co_worker', k.coWorker, '(b.h % 19 <> 7)', 'true'],
      ['peer', k.peer, 'b.with_peer', 'b.with_peer'],
    ].map(([column, kk, came, expected], r) => ({
      kind: 'practitioner' as const,
      column: column!,
      id: uid('b.t', kk!),
      name: practitionerName('b.t', kk!),
      came: came!,
      expected: expected!,
      words: oneOf(
        [
          'I heard that the nights are the hardest, for everyone at home.',
          'I noticed how many people want to help, and how tired everyone is.',
          'I did not want to rush to a decision today.',
        ],
        `b.h / 11 + ${r}`,
      ),
    })),
  ];
}

const participantKey = (p: Participant) =>
  `'${p.kind === 'person' ? 'p' : p.kind === 'member' ? 'm' : 'u'}:' || ${p.id}`;

/**
 * The participants of held meeting b with their id, name and whether they came computed once per
 * meeting, in a subquery `w` (offset 0 keeps the planner from copying the md5s into every use).
 */
function participantsOnce(): { lateral: string; participants: Participant[] } {
  const raw = heldMeetingParticipants();
  const columns = raw.flatMap((p) => [
    `${p.id} as ${p.column}_id`,
    `${p.name} as ${p.column}_name`,
    ...(p.came === 'true' ? [] : [`${p.came} as ${p.column}_came`]),
  ]);
  return {
    lateral: `cross join lateral (select ${columns.join(', ')} offset 0) w`,
    participants: raw.map((p) => ({
      ...p,
      id: `w.${p.column}_id`,
      name: `w.${p.column}_name`,
      came: p.came === 'true' ? 'true' : `w.${p.column}_came`,
    })),
  };
}

/** A jsonb array of one object per participant who came. */
function forEachWhoCame(participants: Participant[], object: (p: Participant) => string): string {
  const items = participants.map((p) => (p.came === 'true' ? object(p) : `case when ${p.came} then ${object(p)} end`));
  return `to_jsonb(array_remove(array[${items.join(', ')}], null))`;
}

/** How each was at each held meeting: its practitioners (now and then one missed), the person, and the members whose invitation says they came. */
function meetingAttendance(): Statement {
  const rows = heldMeetingParticipants().map(
    (p, r) =>
      `(${r}, ${p.kind === 'practitioner' ? p.id : 'null::uuid'}, ${p.kind === 'person' ? p.id : 'null::uuid'}, ${p.kind === 'member' ? p.id : 'null::uuid'}, ${p.came}, ${p.expected ?? p.came})`,
  );
  return {
    name: 'meeting_attendance',
    sql: `insert into meeting_attendance (id, meeting_id, user_id, person_id, network_member_id, presence, invited, recorded_by, recorded_at)
      select ${idAfterMeeting('to_hex(a.r)')}, b.id, a.user_id, a.person_id, a.member_id,
        case when a.came then 'came' else 'apologies' end::presence, true,
        ${uid('b.t', coreTeamK('b.i').lead)}, least(now(), b.ends_at + interval '1 hour')
      from ${slotsInIdOrder("status = 'held'")}
        cross join lateral (values ${rows.join(', ')}) a(r, user_id, person_id, member_id, came, expected)
      where a.expected`,
  };
}

/**
 * When the co-worker sends apologies (one held meeting in 19), a colleague from the other half of
 * the team's clinicians covers for them: never one of the person's core team, so the ribbon gains
 * a row and the flags a third practitioner.
 */
function coveringAttendance(): Statement {
  const k = coreTeamK('b.i');
  const covering = `(case when b.i % 2 = 0 then ${CLINICIANS[0]} + (b.i / 2) % ${CLINICIANS[1]} else (b.i / 2) % ${CLINICIANS[0]} end)`;
  return {
    name: 'meeting_attendance (covering)',
    sql: `insert into meeting_attendance (id, meeting_id, user_id, presence, invited, covering_for, recorded_by, recorded_at)
      select ${idAfterMeeting("'f'")}, b.id, ${uid('b.t', covering)}, 'came', false, ${uid('b.t', k.coWorker)},
        ${uid('b.t', k.lead)}, least(now(), b.ends_at + interval '1 hour')
      from ${slotsInIdOrder("status = 'held'")}
      where b.h % 19 = 7`,
  };
}

/**
 * Drifting core teams: for one active person in ten, the co-worker's place ended half a year ago
 * and the colleague who covers for them took it on paper, while the old co-worker still comes.
 * The review then sees meetings without the whole core team, and a third practitioner.
 */
function driftingCoreTeams(): Statement {
  const k = coreTeamK('d.i');
  const covering = `(case when d.i % 2 = 0 then ${CLINICIANS[0]} + (d.i / 2) % ${CLINICIANS[1]} else (d.i / 2) % ${CLINICIANS[0]} end)`;
  return {
    name: 'core_team_assignments (drifting)',
    sql: `with drifting as (
        select t, i from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PEOPLE_PER_TEAM - 1}) i
        where i % 10 = 3 and not ${discharged('i')}
      ), ended as (
        update core_team_assignments c set ends_on = current_date - 181
        from (select t, i from drifting) d
        where c.person_id = ${pid('d.t', 'd.i')} and c.role = 'co_worker' and c.user_id = ${uid('d.t', k.coWorker)}
        returning c.id
      )
      insert into core_team_assignments (person_id, user_id, role, starts_on)
      select ${pid('d.t', 'd.i')}, ${uid('d.t', covering)}, 'co_worker', current_date - 180
      from (select t, i from drifting) d`,
  };
}

/**
 * A signed version 1 of each held meeting's record, written and signed by the lead: a voice for
 * each who came, one decision with everyone's stance (the person disagrees now and then), one
 * action and one open question. One statement, so each signature goes with its record.
 */
function signedRecords(): Statement {
  const { lateral, participants } = participantsOnce();
  const day = (days: number) => `to_char((b.starts_at at time zone '${ZONE}')::date + ${days}, 'YYYY-MM-DD')`;
  const d = '(b.h / 7)';
  const decisions = [
    {
      options: 'Keep the tablets as they are; halve them; stop them.',
      decision: 'Keep the tablets as they are for now and talk about it again in two weeks.',
      disagree: 'I want to stop them. They make me feel flat and heavy.',
    },
    {
      options: 'Meet every week; every two weeks; when someone asks.',
      decision: 'Keep meeting every week until the end of the month, then decide together.',
      disagree: 'Every week is too much for me. Every two weeks would be better.',
    },
    {
      options: 'Go back to college in January; wait until Easter; a short course first.',
      decision: 'Ask the college about a short course first, and talk about January next time.',
      disagree: 'I want to go back in January. Waiting makes it worse.',
    },
  ];
  const decision = (field: keyof (typeof decisions)[number]) =>
    oneOf(
      decisions.map((x) => x[field]),
      d,
    );
  const said = oneOf(
    [
      'The practitioners talked between themselves about how much the family is carrying.',
      'The practitioners wondered aloud what a good week would look like.',
    ],
    'b.h / 5',
  );
  const question = oneOf(
    [
      'What would help the nights be less frightening?',
      'Who else would be good to invite next time?',
      'What does the family need for themselves?',
    ],
    'b.h / 13',
  );
  const action = oneOf(
    [
      'Ring the GP surgery about the repeat prescription',
      'Send everyone the date of the next meeting',
      'Find out about the carers’ group at the library',
    ],
    'b.h / 17',
  );
  // Now and then the person disagrees, in their own words, or the first network member is unsure.
  const disagrees = 'b.h % 10 = 0';
  const unsure = 'b.h % 10 = 1';
  const stance = (p: Participant) => {
    const [state, words] =
      p.kind === 'person'
        ? [
            `case when ${disagrees} then 'disagrees' else 'agrees' end`,
            `case when ${disagrees} then ${decision('disagree')} else '' end`,
          ]
        : p.n === 0
          ? [
              `case when ${unsure} then 'unsure' else 'agrees' end`,
              `case when ${unsure} then 'I am not sure yet. I want to see how the next two weeks go.' else '' end`,
            ]
          : [`'agrees'`, `''`];
    return `jsonb_build_object('key', ${participantKey(p)}, 'name', ${p.name}, 'stance', ${state}, 'words', ${words})`;
  };
  const voice = (p: Participant) =>
    `jsonb_build_object('key', ${participantKey(p)}, 'name', ${p.name}, 'words', ${p.words})`;
  const content = `jsonb_build_object(
      'voices', ${forEachWhoCame(participants, voice)},
      'reflections', jsonb_build_object('held', true, 'said', ${said},
        'response', 'It was strange to hear people talk about me, but it felt kind.'),
      'decisions', jsonb_build_array(jsonb_build_object('options', ${decision('options')},
        'decision', ${decision('decision')}, 'stances', ${forEachWhoCame(participants, stance)})),
      'openQuestions', jsonb_build_array(jsonb_build_object('question', ${question},
        'revisitOn', case when b.h % 2 = 0 then ${day(28)} end, 'resolved', false)),
      'actions', jsonb_build_array(jsonb_build_object('who', w.lead_name, 'what', ${action},
        'byWhen', ${day(14)}, 'done', b.ends_at < now() - interval '21 days')),
      'nextMeeting', jsonb_build_object('when', 'In two weeks, same day and time',
        'where', case when b.location_kind in ('video', 'phone') then 'By video' else 'Same place as today' end,
        'who', 'Everyone who came today'))`;
  return {
    name: 'meeting_records + record_signatures',
    sql: `with records as (
        insert into meeting_records (id, meeting_id, version, content, read_back_with_person, author_id, created_at)
        select ${idAfterMeeting("'0'")}, b.id, 1, ${content}, b.h % 5 <> 0, w.lead_id,
          least(now(), b.ends_at + interval '3 hours')
        from ${slotsInIdOrder("status = 'held'")} ${lateral}
        returning id, author_id, created_at
      )
      insert into record_signatures (id, record_id, signer_id, kind, signed_at)
      select overlay(id::text placing '1' from 36)::uuid, id, author_id, 'signed', least(now(), created_at + interval '20 minutes')
      from records`,
  };
}

/** Phases run one after the other; the statements of a phase run side by side on their own connections. */
function phases(passwordHash: string): Statement[][] {
  const ct = coreTeamK('p.i');
  const quotedHash = passwordHash.replaceAll("'", "''");
  return [
    [
      {
        name: 'teams',
        sql: `insert into teams (id, name, time_zone, created_at)
          select ${tid('t')}, 'Team ' || (${family})[1 + t % 32] || ' ' || (t + 1), '${ZONE}', now() - interval '${YEARS + 1} years'
          from generate_series(0, ${TEAMS - 1}) t`,
      },
      {
        name: 'users',
        sql: `insert into users (id, email, name, password_hash, role, discipline, time_zone, created_at)
          select ${uid('t', 'k')}, 'practitioner-' || t || '-' || k || '@trust.bench.example',
            ${practitionerName('t', 'k')},
            '${quotedHash}', 'practitioner',
            (case when k >= 13 then 'peer_support_worker' when k = 0 then 'psychiatrist'
              else (array['nurse','psychologist','social_worker','occupational_therapist','nurse','other'])[1 + k % 6] end)::discipline,
            '${ZONE}', now() - interval '${YEARS + 1} years'
          from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PRACTITIONERS_PER_TEAM - 1}) k`,
      },
      {
        // One row per meeting with everything the next three statements derive from it.
        name: 'bench_slots (scratch)',
        sql: `create unlogged table bench_slots as
          with days as (
            select d::date as day, d::date - (current_date - interval '${YEARS} years')::date as dn
            from generate_series((current_date - interval '${YEARS} years')::date, current_date + ${DAYS_AHEAD}, interval '1 day') d
            where extract(isodow from d) < 6
          ), slots as (
            select t, day, dn, s, s % 2 as g, dn * 4 + s / 2 as n, ${h32(`t || ':' || dn || ':' || s`)} as h,
              ((day + make_interval(hours => 9 + s))::timestamp at time zone '${ZONE}') as starts_at
            from generate_series(0, ${TEAMS - 1}) t cross join days cross join generate_series(0, 7) s
            where (dn * 8 + s + t) % 17 <> 0
          ), kinds as (
            select *, (array['home','home','home','home','home','home','home','community','community','community',
                  'clinic','clinic','clinic','clinic','clinic','video','video','video','video','phone'])[1 + h % 20] as location_kind,
                (array['network','network','network','network','network','network','network','network','network','network',
                  'network','network','network','network','network','review','review','review','first','crisis'])[1 + (h / 20) % 20] as kind,
                (h / 400) % 100 as hs, (h / 40000) % 100 < 55 as with_peer
            from slots
          ), timed as (
            select *, starts_at + case when location_kind in ('home','community') or s = 7 or (h / 4000000) % 2 = 0
                  then interval '60 minutes' else interval '90 minutes' end as ends_at,
                case when location_kind in ('home','community') then interval '30 minutes' else interval '0 minutes' end as buffer
            from kinds
          ), chosen as (
            -- Future meetings are only with people still on the caseload.
            select *, ends_at > now() as future,
                case when ends_at > now() and ((n * 97 + t * 31) % 250) % 10 = 9 then (n * 97 + t * 31) % 250 - 1
                  else (n * 97 + t * 31) % 250 end as j
            from timed
          )
          select md5('m:' || t || ':' || dn || ':' || s)::uuid as id, t, dn, s, g, h, j * 2 + g as i, kind, location_kind,
            starts_at, ends_at, starts_at - buffer as busy_from, ends_at + buffer as busy_to, with_peer, future,
            case when future then case when hs < 3 then 'cancelled' else 'scheduled' end
              when hs < 80 then 'held' when hs < 88 then 'did_not_happen' else 'cancelled' end as status
          from chosen`,
      },
    ],
    [
      {
        name: 'team_members',
        sql: `insert into team_members (team_id, user_id, lead)
          select ${tid('t')}, ${uid('t', 'k')}, k = 0
          from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PRACTITIONERS_PER_TEAM - 1}) k`,
      },
      {
        name: 'working_patterns',
        sql: `insert into working_patterns (user_id, weekday, start_minute, end_minute)
          select ${uid('t', 'k')}, w, 540, 1020
          from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PRACTITIONERS_PER_TEAM - 1}) k
            cross join generate_series(1, 5) w`,
      },
      {
        // A week of leave and a training day a year each, from five years ago to a year ahead.
        name: 'absences',
        sql: `insert into absences (user_id, starts_at, ends_at, reason, note)
          select ${uid('t', 'k')}, (a.day::timestamp at time zone '${ZONE}'), ((a.day + a.days)::timestamp at time zone '${ZONE}'), a.reason::absence_reason, null
          from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PRACTITIONERS_PER_TEAM - 1}) k
            cross join generate_series(0, ${YEARS}) y
            cross join lateral (
              select date_trunc('week', current_date - interval '${YEARS} years' + make_interval(days => y * 365 + ((t * 15 + k) * 11) % 300))::date as monday
            ) w
            cross join lateral (values (w.monday, 5, 'leave'), (w.monday + 142, 1, 'training')) a(day, days, reason)`,
      },
      {
        name: 'people',
        sql: `insert into people (id, team_id, given_name, family_name, preferred_name, pronouns, date_of_birth, email, phone,
            address, preferred_places, accessibility_needs, interpreter_language, meeting_preferences, referral_at,
            first_contact_user_id, status, discharged_at, created_at, updated_at)
          select ${pid('p.t', 'p.i')}, ${tid('p.t')}, ${personGiven('p.t', 'p.i')}, ${personFamily('p.t', 'p.i')},
            ${personPreferred('p.i')},
            (array[null, 'she/her', 'he/him', 'they/them', null])[1 + p.i % 5],
            (date '1950-01-01' + (p.t * 500 + p.i) * 37 % 20000),
            'person-' || p.t || '-' || p.i || '@people.bench.example', '07700 ' || lpad(((p.t * 500 + p.i) % 1000000)::text, 6, '0'),
            (1 + p.i % 200) || ' High Street, Town ' || p.t, case when p.i % 3 = 0 then 'At home, or the café on the corner' end,
            case when p.i % 11 = 0 then 'Step-free access' end, case when p.i % 23 = 0 then 'Polish' end,
            case when p.i % 4 = 0 then '{"weekdays":[1,2,3,4,5],"fromMinute":600,"toMinute":960}'::jsonb end,
            p.referral_at, ${uid('p.t', ct.lead)},
            (case when ${discharged('p.i')} then 'discharged' else 'active' end)::person_status,
            case when ${discharged('p.i')} then now() - make_interval(days => 1 + p.i % 90) end,
            p.referral_at, now() - make_interval(days => p.i % 30)
          from (select t, i, now() - interval '${YEARS} years' - make_interval(days => (i * 37) % 120) as referral_at
                from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PEOPLE_PER_TEAM - 1}) i) p`,
      },
    ],
    [
      {
        name: 'core_team_assignments',
        sql: `insert into core_team_assignments (person_id, user_id, role, starts_on, ends_on)
          select ${pid('p.t', 'p.i')}, ${uid('p.t', 'r.k')}, r.role::core_role,
            (current_date - interval '${YEARS} years')::date - (p.i * 37) % 120,
            case when ${discharged('p.i')} then current_date - (1 + p.i % 90) end
          from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PEOPLE_PER_TEAM - 1}) i
            cross join lateral (select t, i) p
            cross join lateral (values (${ct.lead}, 'lead'), (${ct.coWorker}, 'co_worker'), (${ct.peer}, 'peer')) r(k, role)`,
      },
      {
        name: 'network_members',
        sql: `insert into network_members (id, person_id, given_name, family_name, relationship, kind, closeness, email, phone,
            preferred_channel, may_be_invited, may_see_shared_records, active, created_at, updated_at)
          select md5('n:' || t || ':' || i || ':' || n)::uuid, ${pid('t', 'i')},
            ${memberGiven('t', 'i', 'n')}, ${memberFamily('t', 'i', 'n')},
            r.rel::relationship, r.kind::member_kind,
            (array['inner','inner','middle','middle','outer'])[1 + n % 5]::closeness,
            case when n % 4 <> 3 then 'member-' || t || '-' || i || '-' || n || '@network.bench.example' end,
            '07800 ' || lpad(((t * 500 + i) * 13 + n)::text, 6, '0'),
            (case when n % 4 = 3 then 'phone' else 'email' end)::contact_channel,
            n % 3 <> 2, n % 3 = 0, (i + n) % 17 <> 0,
            now() - interval '${YEARS} years', now() - make_interval(days => (i + n) % 400)
          from generate_series(0, ${TEAMS - 1}) t cross join generate_series(0, ${PEOPLE_PER_TEAM - 1}) i
            cross join lateral generate_series(0, ${networkSize('t', 'i')} - 1) n
            cross join lateral (select (array['parent','partner','sibling','friend','gp','child','neighbour','social_worker','teacher','employer','other'])[1 + n % 11] as rel) r0
            cross join lateral (select r0.rel, case when r0.rel in ('parent','partner','sibling','child') then 'family'
              when r0.rel in ('friend','neighbour') then 'friend' when r0.rel = 'other' then 'other' else 'professional' end as kind) r`,
      },
      {
        name: 'meetings',
        sql: `insert into meetings (id, person_id, team_id, kind, starts_at, ends_at, time_zone, location_kind, location_detail,
            video_url, status, status_reason, sequence, created_by, created_at, updated_at)
          select b.id, ${pid('b.t', 'b.i')}, ${tid('b.t')}, b.kind::meeting_kind, b.starts_at, b.ends_at, '${ZONE}',
            b.location_kind::location_kind,
            case b.location_kind when 'home' then 'At home' when 'community' then 'Community centre, room ' || (1 + b.h % 4)
              when 'clinic' then 'Clinic room ' || (1 + b.h % 6) end,
            case when b.location_kind = 'video' then 'https://video.bench.example/' || b.id end,
            b.status::meeting_status,
            case b.status when 'cancelled' then 'The person asked to move it' when 'did_not_happen' then 'Nobody could come' end,
            case when b.status = 'cancelled' then 1 else 0 end, ${uid('b.t', coreTeamK('b.i').lead)},
            b.starts_at - interval '14 days',
            case when b.future then b.starts_at - interval '14 days' else b.ends_at + interval '1 hour' end
          from bench_slots b`,
      },
    ],
    [
      {
        name: 'meeting_practitioners',
        sql: `insert into meeting_practitioners (meeting_id, user_id, role, busy_from, busy_to, active, attendance)
          select b.id, ${uid('b.t', 'r.k')}, r.role::participant_role, b.busy_from, b.busy_to, b.status <> 'cancelled',
            (case when b.status = 'held' then 'attended' when b.status = 'did_not_happen' then 'absent' else 'unknown' end)::attendance
          from bench_slots b
            cross join lateral (values (${coreTeamK('b.i').lead}, 'required'), (${coreTeamK('b.i').coWorker}, 'required'),
              (case when b.with_peer then ${coreTeamK('b.i').peer} end, case when b.h % 4 = 0 then 'optional' else 'required' end)) r(k, role)
          where r.k is not null
          -- In index order: much faster for the exclusion constraint's GiST index than random order.
          order by b.t, r.k, b.busy_from`,
      },
      {
        // The person and up to three network members who may be invited (positions 0, 1 and 3).
        name: 'invitations',
        sql: `insert into invitations (id, meeting_id, person_id, network_member_id, token_hash, response, responded_at, attended,
            expires_at, revoked_at, created_at)
          select ${idAfterMeeting('to_hex(v.n + 1)')}, b.id, case when v.n < 0 then ${pid('b.t', 'b.i')} end, case when v.n >= 0 then v.member end,
            encode(sha256(convert_to(md5('invite:' || b.id || ':' || coalesce(v.member, ${pid('b.t', 'b.i')})), 'UTF8')), 'hex'),
            (case when b.future then (array['needs_action','needs_action','accepted','tentative','declined'])[1 + (b.h + v.n + 1) % 5]
              when b.status = 'held' then 'accepted' else (array['accepted','declined','needs_action'])[1 + (b.h + v.n + 1) % 3] end)::invitation_response,
            case when not b.future or (b.h + v.n + 1) % 5 >= 2 then b.starts_at - interval '7 days' end,
            case when b.status = 'held' then ${inviteeCame('v.n')} end,
            b.ends_at + interval '${RECORD_LINK_DAYS} days', case when b.status = 'cancelled' then b.ends_at - interval '7 days' end,
            b.starts_at - interval '14 days'
          from ${slotsInIdOrder()}
            cross join lateral (values (-1, null::uuid), (0, md5('n:' || b.t || ':' || b.i || ':0')::uuid),
              (1, md5('n:' || b.t || ':' || b.i || ':1')::uuid), (3, md5('n:' || b.t || ':' || b.i || ':3')::uuid)) v(n, member)
          where v.n < 0 or ${memberInvited('v.n')}`,
      },
    ],
    [meetingAttendance(), coveringAttendance(), signedRecords(), driftingCoreTeams()],
    [{ name: 'drop bench_slots', sql: `drop table bench_slots` }],
  ];
}

export const countedTables = [
  'teams',
  'users',
  'team_members',
  'working_patterns',
  'absences',
  'people',
  'core_team_assignments',
  'network_members',
  'meetings',
  'meeting_practitioners',
  'invitations',
  'meeting_attendance',
  'meeting_records',
  'record_signatures',
] as const;

async function timed(steps: Step[], name: string, run: () => Promise<unknown>, log: (line: string) => void) {
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  steps.push({ name, ms });
  log(`    ${name.padEnd(24)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
}

async function isSuperuser(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { superuser: boolean }[]
    >`select rolsuper as superuser from pg_roles where rolname = current_user`;
    return row?.superuser ?? false;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Every foreign key of the generated tables, checked set-wise: one scan of each table, left-joined
 * to the table each key points at (referenced keys are unique, so no row is repeated).
 */
async function checkForeignKeys(sql: postgres.Sql): Promise<void> {
  const keys = await sql<{ child: string; columns: string[]; parent: string; parentColumns: string[] }[]>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
      array(select attname from unnest(c.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o)::text[] as columns,
      array(select attname from unnest(c.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o)::text[] as "parentColumns"
    from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`;
  const children = [...new Set(keys.map((k) => k.child))];
  const checks = children.map(async (child) => {
    const own = keys.filter((k) => k.child === child);
    const joins = own.map(
      (key, n) =>
        `left join ${key.parent} p${n} on ${key.columns.map((c, m) => `p${n}.${key.parentColumns[m]} = ch.${c}`).join(' and ')}`,
    );
    const missing = own.map(
      (key, n) =>
        `count(*) filter (where ${key.columns.map((c) => `ch.${c} is not null`).join(' and ')} and p${n}.${key.parentColumns[0]} is null)::int as k${n}`,
    );
    const [row] = await sql.unsafe<Record<string, number>[]>(
      `select ${missing.join(', ')} from ${child} ch ${joins.join(' ')}`,
    );
    own.forEach((key, n) => {
      const count = row?.[`k${n}`] ?? 0;
      if (count > 0) throw new Error(`${count} rows of ${child} (${key.columns.join(', ')}) point at no ${key.parent}`);
    });
  });
  await Promise.all(checks);
}

/** VACUUM (ANALYZE) of the generated tables, several at a time (one VACUUM uses one core). */
async function vacuumAnalyze(sql: postgres.Sql): Promise<void> {
  const tables = await sql<{ name: string }[]>`
    select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace
    order by pg_relation_size(oid) desc`;
  await Promise.all(tables.map(({ name }) => sql.unsafe(`vacuum (analyze) ${name}`)));
}

/**
 * The record triggers of migration 0008 (versions follow each other; only the newest version is
 * signed, a co-signature after the signature) run per row and take an advisory lock per meeting
 * that is held to the end of the transaction: one INSERT … SELECT of ~400,000 records would take
 * as many locks and overflow the shared lock table (max_locks_per_transaction × connections, a
 * few thousand; at a tenth of the data set it already fails with "out of shared memory"), besides
 * three index probes a row. The bulk load keeps their rules by construction (one version 1 per
 * held meeting, one signature on it), so they are off for the load and on again right after,
 * however it ends. (As a superuser, session_replication_role = replica already keeps them from
 * firing; a database owner who is not one needs this.)
 */
const recordTriggers = [
  ['meeting_records', 'meeting_records_next_version'],
  ['record_signatures', 'record_signatures_rules'],
] as const;

async function setRecordTriggers(sql: postgres.Sql, state: 'enable' | 'disable'): Promise<void> {
  for (const [table, trigger] of recordTriggers) await sql.unsafe(`alter table ${table} ${state} trigger ${trigger}`);
}

/** Fills an empty, migrated database. Refuses a database that already has users. */
export async function buildTrustScaleData(
  url: string,
  passwordHash: string,
  log: (line: string) => void,
): Promise<{ steps: Step[]; counts: Record<string, number> }> {
  const superuser = await isSuperuser(url);
  const sql = postgres(url, {
    max: 4,
    onnotice: () => {},
    connection: {
      application_name: 'bench-data',
      work_mem: '256MB',
      maintenance_work_mem: '512MB',
      // Skips the per-row foreign-key triggers (about half the load time); checked in bulk below.
      ...(superuser ? { session_replication_role: 'replica' } : {}),
    },
  });
  try {
    const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
    if ((existing?.n ?? 0) > 0)
      throw new Error('The bench database is not empty: point BENCH_DATABASE_URL at an empty database.');
    const steps: Step[] = [];
    await setRecordTriggers(sql, 'disable');
    try {
      for (const phase of phases(passwordHash)) {
        await Promise.all(phase.map((statement) => timed(steps, statement.name, () => sql.unsafe(statement.sql), log)));
      }
    } finally {
      await setRecordTriggers(sql, 'enable');
    }
    if (superuser) await timed(steps, 'foreign keys checked', () => checkForeignKeys(sql), log);
    await timed(steps, 'vacuum analyze', () => vacuumAnalyze(sql), log);
    const counts: Record<string, number> = {};
    for (const table of countedTables) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)}`;
      counts[table] = row?.n ?? 0;
    }
    return { steps, counts };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
