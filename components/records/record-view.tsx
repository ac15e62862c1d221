import type { RecordContent, RecordSection } from '@/db/schema/records';
import { sectionLabel, stanceLabel } from '@/lib/records/content';

/** A record as it reads: decisions first, then what is open, the actions, the next meeting, reflections and each voice. */
export function RecordView({ content, sections }: { content: RecordContent; sections?: readonly RecordSection[] }) {
  const show = (s: RecordSection) => !sections || sections.includes(s);
  return (
    <div className="record-view">
      {show('decisions') ? (
        <section aria-label={sectionLabel.decisions}>
          <h3>{sectionLabel.decisions}</h3>
          {content.decisions.length === 0 ? <p className="muted">No decisions recorded.</p> : null}
          {content.decisions.map((d, n) => (
            <div key={n} className="record-item">
              <p>
                <strong>{d.decision}</strong>
              </p>
              {d.options ? <p className="muted">Options talked about: {d.options}</p> : null}
              <ul>
                {d.stances
                  .filter((s) => s.stance !== 'did_not_say' || s.words)
                  .map((s) => (
                    <li key={s.key}>
                      {s.name}: {stanceLabel[s.stance].toLowerCase()}
                      {s.words ? <q>{s.words}</q> : null}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      {show('open_questions') ? (
        <section aria-label={sectionLabel.open_questions}>
          <h3>{sectionLabel.open_questions}</h3>
          {content.openQuestions.length === 0 ? <p className="muted">Nothing recorded as open.</p> : null}
          <ul>
            {content.openQuestions.map((q, n) => (
              <li key={n}>
                {q.question}
                {q.revisitOn ? ` (come back to it by ${q.revisitOn})` : ''}
                {q.resolved ? ' (answered)' : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {show('actions') ? (
        <section aria-label={sectionLabel.actions}>
          <h3>{sectionLabel.actions}</h3>
          {content.actions.length === 0 ? <p className="muted">No actions recorded.</p> : null}
          <ul>
            {content.actions.map((a, n) => (
              <li key={n}>
                <strong>{a.who}</strong>: {a.what}
                {a.byWhen ? ` (by ${a.byWhen})` : ''}
                {a.done ? ' (done)' : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {show('next_meeting') && (content.nextMeeting.when || content.nextMeeting.where || content.nextMeeting.who) ? (
        <section aria-label={sectionLabel.next_meeting}>
          <h3>{sectionLabel.next_meeting}</h3>
          <dl className="facts">
            {content.nextMeeting.when ? (
              <>
                <dt>When</dt>
                <dd>{content.nextMeeting.when}</dd>
              </>
            ) : null}
            {content.nextMeeting.where ? (
              <>
                <dt>Where</dt>
                <dd>{content.nextMeeting.where}</dd>
              </>
            ) : null}
            {content.nextMeeting.who ? (
              <>
                <dt>Who</dt>
                <dd>{content.nextMeeting.who}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      {show('reflections') ? (
        <section aria-label={sectionLabel.reflections}>
          <h3>{sectionLabel.reflections}</h3>
          <p>
            {content.reflections.held === true
              ? 'The practitioners reflected together in front of the network.'
              : content.reflections.held === false
                ? 'There were no reflections in this meeting.'
                : 'Not recorded.'}
          </p>
          {content.reflections.said ? <p>What was said: {content.reflections.said}</p> : null}
          {content.reflections.response ? <p>How the network responded: {content.reflections.response}</p> : null}
        </section>
      ) : null}
      {show('voices') ? (
        <section aria-label={sectionLabel.voices}>
          <h3>{sectionLabel.voices}</h3>
          <div className="voices">
            {content.voices.map((v) => (
              <figure key={v.key} className="voice">
                <figcaption>{v.name}</figcaption>
                <blockquote>{v.words || <span className="muted">Nothing recorded.</span>}</blockquote>
              </figure>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
