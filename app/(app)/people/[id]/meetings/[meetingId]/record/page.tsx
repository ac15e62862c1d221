import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RecordForm } from '@/components/records/record-form';
import { RecordView } from '@/components/records/record-view';
import { ReasonForm, SignForm } from '@/components/records/password-form';
import { SharingForm, WithholdForm } from '@/components/records/sharing-forms';
import { ButtonForm } from '@/components/ui/button-form';
import {
  activeWithholdings,
  latestRecordsOfPerson,
  meetingForRecord,
  meetingParticipants,
  recordStatementsOf,
  recordVersions,
  sharedSections,
} from '@/db/queries/records';
import { auditView } from '@/lib/audit/audit-view';
import { meetingKindLabel, personDisplayName } from '@/lib/meetings/labels';
import { openPersonRecord } from '@/lib/people/access';
import { changedSections, openItems, sectionLabel, startingContent } from '@/lib/records/content';
import { participantsOf, wasThere } from '@/lib/records/participants';
import { latestOf, mayAmend, mayCoSign, mayEditDraft, mayMarkEnteredInError, recordStatus } from '@/lib/records/rules';
import { withholdReasonLabel } from '@/lib/records/share-record';
import { longDate, timeOfDay, timeRange } from '@/lib/time/format';
import {
  amendRecordAction,
  chooseSharingAction,
  enteredInErrorAction,
  liftWithholdingAction,
  saveRecordAction,
  signRecordAction,
  withholdAction,
} from './actions';

export const metadata: Metadata = { title: 'Meeting record' };

const statusText = {
  none: 'Not written yet',
  draft: 'Draft, not signed',
  signed: 'Signed',
  co_signed: 'Signed and co-signed',
  entered_in_error: 'Entered in error',
} as const;

export default async function RecordPage({
  params,
  searchParams,
}: PageProps<'/people/[id]/meetings/[meetingId]/record'>) {
  const { id, meetingId } = await params;
  const query = await searchParams;
  const { user, db, person } = await openPersonRecord(id, 'record');
  if (!z.guid().safeParse(meetingId).success) notFound();
  const meeting = await meetingForRecord(db, person, meetingId);
  if (!meeting) notFound();
  await auditView(db, user.id, {
    teamId: person.teamId,
    action: 'read',
    entity: 'meeting_record',
    entityId: meeting.id,
  });
  const name = personDisplayName(person);
  const meetingPath = `/people/${person.id}/meetings/${meeting.id}`;
  const [participantRows, versions, shared, withholdings, statements] = await Promise.all([
    meetingParticipants(db, meeting.id),
    recordVersions(db, meeting.id),
    sharedSections(db, meeting.id),
    activeWithholdings(db, meeting.id),
    recordStatementsOf(db, meeting.id),
  ]);
  const participants = participantsOf(participantRows);
  const present = participants.filter((p) => wasThere(p.presence)).map((p) => ({ key: p.key, name: p.name }));
  const came = participants.some((p) => p.kind === 'practitioner' && p.id === user.id && wasThere(p.presence));
  const who = { came, meetingHeld: meeting.status === 'held', actorId: user.id };
  const status = recordStatus(versions);
  const latest = latestOf(versions);
  const ids = { personId: person.id, meetingId: meeting.id };
  const zone = user.timeZone;

  const heading = (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/people">People</Link> › <Link href={`/people/${person.id}`}>{name}</Link> ›{' '}
        <Link href={meetingPath}>{meetingKindLabel[meeting.kind]}</Link> › Record
      </nav>
      <h1>Record of the meeting with {person.givenName}</h1>
      <p className="muted">
        {longDate(meeting.startsAt, meeting.timeZone)}, {timeRange(meeting.startsAt, meeting.endsAt, meeting.timeZone)}{' '}
        · {statusText[status]}
      </p>
    </>
  );
  if (meeting.status !== 'held') {
    return (
      <>
        {heading}
        <p>
          A record is written for a held meeting.{' '}
          {meeting.status === 'scheduled' && meeting.startsAt <= new Date() ? (
            <Link href={`${meetingPath}/attendance`}>Mark it held and record who came</Link>
          ) : (
            <Link href={meetingPath}>Back to the meeting</Link>
          )}
        </p>
      </>
    );
  }

  const editable = mayEditDraft(who, versions);
  const carried = latest
    ? { actions: [], questions: [] }
    : openItems((await latestRecordsOfPerson(db, person.id)).filter((r) => r.meetingId !== meeting.id));
  const draftContent = latest?.content ?? startingContent(participants, carried);
  const signer = latest?.signatures.find((s) => s.kind === 'signed');
  const coSigner = latest?.signatures.find((s) => s.kind === 'co_signed');

  return (
    <>
      {heading}
      {query.signed ? (
        <div className="alert alert-success" role="status">
          Signed. The record will not change now; the person can read it from their link.
        </div>
      ) : null}
      {query.cosigned ? (
        <div className="alert alert-success" role="status">
          Co-signed.
        </div>
      ) : null}
      {query.amended ? (
        <div className="alert alert-success" role="status">
          The amendment is signed and shown beside the original.
        </div>
      ) : null}
      {query.error ? (
        <div className="alert alert-success" role="status">
          Marked entered in error. It is kept, and nobody outside the team reads it.
        </div>
      ) : null}

      {status === 'entered_in_error' ? (
        <div className="alert alert-warning" role="note">
          Entered in error: {versions.find((v) => v.enteredInErrorReason)?.enteredInErrorReason}
        </div>
      ) : null}

      {editable.ok ? (
        <section className="card" aria-labelledby="draft-heading">
          <h2 id="draft-heading">{latest ? `Draft, version ${latest.version}` : 'Write the record'}</h2>
          {!latest && (carried.actions.length > 0 || carried.questions.length > 0) ? (
            <p className="muted">
              It starts with the open actions and questions from earlier meetings: mark what is done or answered.
            </p>
          ) : null}
          <RecordForm
            action={saveRecordAction}
            mode="draft"
            {...ids}
            basedOn={latest?.version ?? 0}
            content={draftContent}
            readBack={latest?.readBackWithPerson ?? false}
            present={present}
            lastSaved={
              latest
                ? `Last saved at ${timeOfDay(latest.createdAt, zone)} by ${latest.authorName} (version ${latest.version}).`
                : null
            }
          />
        </section>
      ) : (
        <section className="card" aria-labelledby="record-heading">
          <h2 id="record-heading">
            {latest ? `Version ${latest.version}${latest.amendmentReason ? ' (amended)' : ''}` : 'No record yet'}
          </h2>
          {latest ? <RecordView content={latest.content} /> : <p>{editable.why}</p>}
          {latest && status !== 'draft' ? (
            <p className="muted">
              {latest.readBackWithPerson ? 'Read back with the person in the meeting. ' : ''}
              {signer
                ? `Signed by ${signer.signerName} at ${timeOfDay(signer.signedAt, zone)}, ${longDate(signer.signedAt, zone)}.`
                : ''}
              {coSigner ? ` Co-signed by ${coSigner.signerName}.` : ''}
            </p>
          ) : null}
          {latest && !came ? <p className="muted">{editable.why}</p> : null}
        </section>
      )}

      {status === 'draft' && editable.ok ? (
        <section className="card" aria-labelledby="sign-heading">
          <h2 id="sign-heading">Sign the record</h2>
          <p>Once signed, it never changes: a correction is an amendment with its reason. Save the draft first.</p>
          <SignForm
            action={signRecordAction}
            fields={{ ...ids, version: String(latest!.version), kind: 'signed' }}
            label="Sign"
          />
        </section>
      ) : null}

      {mayCoSign(who, versions).ok ? (
        <section className="card" aria-labelledby="cosign-heading">
          <h2 id="cosign-heading">Co-sign</h2>
          <p>You came to this meeting too: co-sign the record if it says what happened.</p>
          <SignForm
            action={signRecordAction}
            fields={{ ...ids, version: String(latest!.version), kind: 'co_signed' }}
            label="Co-sign"
          />
        </section>
      ) : null}

      {mayAmend(who, versions).ok ? (
        <details className="card">
          <summary>Correct the record (an amendment)</summary>
          <RecordForm
            action={amendRecordAction}
            mode="amend"
            {...ids}
            basedOn={latest!.version}
            content={latest!.content}
            readBack={latest!.readBackWithPerson}
            present={present}
            lastSaved={null}
          />
        </details>
      ) : null}

      {status === 'signed' || status === 'co_signed' || status === 'draft' ? (
        <section className="card" aria-labelledby="sharing-heading">
          <h2 id="sharing-heading">Sharing</h2>
          <p>
            {person.givenName} reads every signed record from their own link, unless the team withholds it. Network
            members who came, and whom {person.givenName} allows to see shared records, read only what{' '}
            {person.givenName} shares.
          </p>
          <SharingForm action={chooseSharingAction} fields={ids} shared={shared} />
          <h3>Withheld from {person.givenName}</h3>
          {withholdings.length === 0 ? <p className="muted">Nothing is withheld.</p> : null}
          <ul>
            {withholdings.map((w) => (
              <li key={w.id}>
                {w.section ? sectionLabel[w.section] : 'The whole record'}: {withholdReasonLabel[w.reason]}; review by{' '}
                {w.reviewOn} ({w.withheldByName})
                <ButtonForm
                  action={liftWithholdingAction}
                  fields={{ ...ids, withholdingId: w.id }}
                  label="Stop withholding"
                  quiet
                />
              </li>
            ))}
          </ul>
          <details>
            <summary>Withhold something from {person.givenName}</summary>
            <WithholdForm
              action={withholdAction}
              fields={ids}
              reasons={Object.entries(withholdReasonLabel).map(([value, label]) => ({ value, label }))}
            />
          </details>
        </section>
      ) : null}

      {statements.length > 0 ? (
        <section className="card" aria-labelledby="statements-heading">
          <h2 id="statements-heading">“This isn’t how I see it”</h2>
          <ul>
            {statements.map((s) => (
              <li key={s.id}>
                <strong>{s.byName}</strong> on {sectionLabel[s.section]}, {longDate(s.createdAt, zone)}:{' '}
                <q>{s.words}</q>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {versions.length > 0 ? (
        <section className="card" aria-labelledby="versions-heading">
          <h2 id="versions-heading">Versions</h2>
          <ol className="versions">
            {versions.map((v, n) => {
              const before = versions[n - 1];
              const changes = v.amendmentReason && before ? changedSections(before.content, v.content) : [];
              return (
                <li key={v.id}>
                  Version {v.version}, {longDate(v.createdAt, zone)} {timeOfDay(v.createdAt, zone)}, {v.authorName}
                  {v.signatures
                    .map((s) => ` · ${s.kind === 'signed' ? 'signed' : 'co-signed'} by ${s.signerName}`)
                    .join('')}
                  {v.amendmentReason ? (
                    <div className="amendment">
                      <p>
                        Amendment: <q>{v.amendmentReason}</q>
                      </p>
                      {changes.map((c) => (
                        <div key={c.section} className="change">
                          <p>
                            <strong>{sectionLabel[c.section]}</strong>
                          </p>
                          <p className="muted">Before: {c.before.join(' · ') || 'nothing'}</p>
                          <p>After: {c.after.join(' · ') || 'nothing'}</p>
                        </div>
                      ))}
                    </div>
                  ) : null}
                  {v.enteredInErrorReason ? <p>Entered in error: {v.enteredInErrorReason}</p> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <p className="link-row">
        <Link href={`/people/${person.id}/meetings/new`}>Book the next meeting</Link>
      </p>
      {came ? (
        <p>
          <Link href={`${meetingPath}/fidelity`}>Rate the meeting on the key elements of dialogic practice</Link>
        </p>
      ) : null}

      {mayMarkEnteredInError(who, versions).ok ? (
        <details className="card">
          <summary>This record was written by mistake</summary>
          <p>
            It is never deleted: it is marked entered in error, with the reason, and nobody outside the team reads it.
          </p>
          <ReasonForm
            action={enteredInErrorAction}
            fields={ids}
            name="errorReason"
            label="Why it was entered in error"
            button="Mark entered in error"
          />
        </details>
      ) : null}
    </>
  );
}
