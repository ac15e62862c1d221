'use client';

import { useActionState } from 'react';
import { CheckboxField, FormMessage, TextAreaField, TextField } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, shown, type FormAction } from '@/lib/actions/form-state';
import type { RecordContent } from '@/db/schema/records';
import { stanceLabel, stances } from '@/lib/records/content';

type Props = {
  action: FormAction;
  mode: 'draft' | 'amend';
  personId: string;
  meetingId: string;
  basedOn: number;
  content: RecordContent;
  readBack: boolean;
  /** Everyone who came, for voices and stances. */
  present: { key: string; name: string }[];
  lastSaved: string | null;
};

/**
 * The record, written with the network: each voice in its own box, decisions with everyone's
 * stance, what stays open, who does what, the next meeting. A plain form: every save is a new
 * version on the server, and what was typed comes back if a save fails.
 */
export function RecordForm(props: Props) {
  const [state, formAction] = useActionState(props.action, idle);
  const c = props.content;
  const voiceOf = new Map(c.voices.map((v) => [v.key, v.words]));
  const decisions = [...c.decisions, { options: '', decision: '', stances: [] }];
  const questions = [...c.openQuestions, { question: '', revisitOn: null, resolved: false }];
  const actions = [...c.actions, { who: '', what: '', byWhen: null, done: false }];
  const err = (name: string) => state.fieldErrors?.[name]?.[0];
  const saved = state.status === 'success' ? state.message : props.lastSaved;
  return (
    <form action={formAction} className="form record-form" noValidate>
      <FormMessage state={state.status === 'error' ? state : idle} />
      <input type="hidden" name="personId" value={props.personId} />
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <input type="hidden" name="basedOn" value={state.data?.version ?? String(props.basedOn)} />

      <section aria-labelledby="voices-heading">
        <h2 id="voices-heading">What each person said</h2>
        <p className="field-hint">In their own words, one voice each: never merged into one story.</p>
        <div className="voices">
          {props.present.map((p) => (
            <TextAreaField
              key={p.key}
              name={`voice.${p.key}`}
              label={p.name}
              state={state}
              unmarked
              stored={voiceOf.get(p.key) ?? ''}
              rows={4}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="reflections-heading">
        <h2 id="reflections-heading">Reflections</h2>
        <fieldset className="field">
          <legend>Did the practitioners reflect together in front of the network?</legend>
          {(
            [
              ['yes', 'Yes'],
              ['no', 'No'],
              ['', 'Not recorded'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="day-choice">
              <input
                type="radio"
                name="reflections.held"
                value={value}
                defaultChecked={
                  shown(
                    state,
                    'reflections.held',
                    c.reflections.held === null ? '' : c.reflections.held ? 'yes' : 'no',
                  ) === value
                }
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          name="reflections.said"
          label="What was said"
          state={state}
          unmarked
          stored={c.reflections.said}
        />
        <TextAreaField
          name="reflections.response"
          label="How the network responded"
          state={state}
          unmarked
          stored={c.reflections.response}
        />
      </section>

      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">What was decided together</h2>
        {decisions.map((d, n) => {
          const stanceOf = new Map(d.stances.map((s) => [s.key, s]));
          return (
            <fieldset key={n} className="field record-item">
              <legend>{n < c.decisions.length ? `Decision ${n + 1}` : 'A new decision'}</legend>
              <TextAreaField
                name={`decision.${n}.options`}
                label="Options talked about"
                state={state}
                unmarked
                stored={d.options}
                rows={2}
              />
              <TextAreaField
                name={`decision.${n}.decision`}
                label="What was decided"
                state={state}
                unmarked
                stored={d.decision}
                rows={2}
              />
              <table className="stances">
                <caption>Where each person stands</caption>
                <thead>
                  <tr>
                    <th scope="col">Who</th>
                    <th scope="col">Stance</th>
                    <th scope="col">In their own words</th>
                  </tr>
                </thead>
                <tbody>
                  {props.present.map((p) => {
                    const stanceName = `decision.${n}.stance.${p.key}`;
                    const wordsName = `decision.${n}.words.${p.key}`;
                    return (
                      <tr key={p.key}>
                        <th scope="row">{p.name}</th>
                        <td>
                          <select
                            name={stanceName}
                            aria-label={`${p.name}: stance on ${n < c.decisions.length ? `decision ${n + 1}` : 'the new decision'}`}
                            defaultValue={shown(state, stanceName, stanceOf.get(p.key)?.stance ?? 'did_not_say')}
                            key={shown(state, stanceName, stanceOf.get(p.key)?.stance ?? 'did_not_say')}
                          >
                            {stances.map((s) => (
                              <option key={s} value={s}>
                                {stanceLabel[s]}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td>
                          <input
                            name={wordsName}
                            id={wordsName}
                            aria-label={`${p.name}: in their own words`}
                            defaultValue={shown(state, wordsName, stanceOf.get(p.key)?.words ?? '')}
                            aria-invalid={err(wordsName) ? true : undefined}
                            aria-describedby={err(wordsName) ? `${wordsName}-error` : undefined}
                          />
                          {err(wordsName) ? (
                            <p className="field-error" id={`${wordsName}-error`}>
                              {err(wordsName)}
                            </p>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">What is still open</h2>
        <p className="field-hint">What is uncertain for now, and when to come back to it. Nothing needs forcing.</p>
        {questions.map((q, n) => (
          <fieldset key={n} className="field record-item">
            <legend>{n < c.openQuestions.length ? `Open question ${n + 1}` : 'A new open question'}</legend>
            <TextAreaField
              name={`question.${n}.text`}
              label="The question"
              state={state}
              unmarked
              stored={q.question}
              rows={2}
            />
            <TextField
              type="date"
              name={`question.${n}.revisitOn`}
              label="Come back to it by"
              state={state}
              unmarked
              stored={q.revisitOn ?? ''}
            />
            {n < c.openQuestions.length ? (
              <CheckboxField name={`question.${n}.resolved`} label="Answered now" state={state} stored={q.resolved} />
            ) : null}
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Who will do what</h2>
        {actions.map((a, n) => (
          <fieldset key={n} className="field record-item">
            <legend>{n < c.actions.length ? `Action ${n + 1}` : 'A new action'}</legend>
            <TextField name={`action.${n}.who`} label="Who" state={state} unmarked stored={a.who} />
            <TextAreaField name={`action.${n}.what`} label="What" state={state} unmarked stored={a.what} rows={2} />
            <TextField
              type="date"
              name={`action.${n}.byWhen`}
              label="By when"
              state={state}
              unmarked
              stored={a.byWhen ?? ''}
            />
            {n < c.actions.length ? (
              <CheckboxField name={`action.${n}.done`} label="Done" state={state} stored={a.done} />
            ) : null}
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">Next meeting</h2>
        <TextField name="next.when" label="When" state={state} unmarked stored={c.nextMeeting.when} />
        <TextField name="next.where" label="Where" state={state} unmarked stored={c.nextMeeting.where} />
        <TextField name="next.who" label="Who will be invited" state={state} unmarked stored={c.nextMeeting.who} />
      </section>

      <CheckboxField
        name="readBack"
        label="The record was read back with the person in the meeting, and they agreed it"
        state={state}
        stored={props.readBack}
      />

      {props.mode === 'amend' ? (
        <>
          <TextAreaField
            name="amendmentReason"
            label="Why it is corrected"
            state={state}
            unmarked
            required
            rows={2}
            hint="Shown with the original and what changed"
          />
          <TextField
            type="password"
            name="password"
            label="Your password, to sign the amendment"
            state={state}
            unmarked
            required
            autoComplete="current-password"
          />
        </>
      ) : null}
      <div className="form-actions">
        <SubmitButton pendingText="Saving…">
          {props.mode === 'amend' ? 'Sign the amendment' : 'Save draft'}
        </SubmitButton>
        {saved ? (
          <p className="muted" role="status">
            {saved}
          </p>
        ) : null}
      </div>
      {state.status === 'error' && state.message ? <FormMessage state={state} /> : null}
    </form>
  );
}
