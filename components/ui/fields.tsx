import type { ReactNode } from 'react';
import { shown, shownChecked, type FormState } from '@/lib/actions/form-state';

/** Labelled form fields that show their error beside them and keep what was typed. */
type Common = {
  name: string;
  label: string;
  state: FormState;
  stored?: string | number | null;
  hint?: ReactNode;
  required?: boolean;
  /** No "(optional)" beside the label: for forms where every field is optional, such as a record. */
  unmarked?: boolean;
};

function describedBy(name: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({
  name,
  label,
  hint,
  error,
  required,
  unmarked,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  unmarked?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required || unmarked ? null : <span className="optional"> (optional)</span>}
      </label>
      {hint ? (
        <p className="field-hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  type = 'text',
  autoComplete,
  inputMode,
  ...props
}: Common & {
  type?: 'text' | 'email' | 'tel' | 'date' | 'datetime-local' | 'time' | 'number' | 'url' | 'search' | 'password';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
}) {
  const error = props.state.fieldErrors?.[props.name]?.[0];
  return (
    <FieldFrame
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={error}
      required={props.required}
      unmarked={props.unmarked}
    >
      <input
        id={props.name}
        name={props.name}
        type={type}
        defaultValue={shown(props.state, props.name, props.stored)}
        required={props.required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: Common & { rows?: number }) {
  const error = props.state.fieldErrors?.[props.name]?.[0];
  return (
    <FieldFrame
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={error}
      required={props.required}
      unmarked={props.unmarked}
    >
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={shown(props.state, props.name, props.stored)}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: Common & { options: readonly { value: string; label: string }[]; placeholder?: string },
) {
  const error = props.state.fieldErrors?.[props.name]?.[0];
  return (
    <FieldFrame
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={error}
      required={props.required}
      unmarked={props.unmarked}
    >
      <select
        // Remounting when the value to show changes makes the browser's form reset (which React
        // does after an action) return to it: a select's reset default is only set at mount.
        key={shown(props.state, props.name, props.stored)}
        id={props.name}
        name={props.name}
        defaultValue={shown(props.state, props.name, props.stored)}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  state,
  stored,
  hint,
}: {
  name: string;
  label: string;
  state: FormState;
  stored: boolean;
  hint?: ReactNode;
}) {
  const error = state.fieldErrors?.[name]?.[0];
  return (
    <div className="field field-check">
      <input
        id={name}
        name={name}
        type="checkbox"
        defaultChecked={shownChecked(state, name, stored)}
        aria-describedby={describedBy(name, hint, error)}
      />
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One choice from a few, as radio buttons under a legend, with its error beside them and the
 * choice kept when the form comes back.
 */
export function RadioGroupField({
  name,
  legend,
  state,
  stored,
  options,
  hint,
}: {
  name: string;
  legend: string;
  state: FormState;
  stored?: string | null;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
}) {
  const error = state.fieldErrors?.[name]?.[0];
  const chosen = shown(state, name, stored);
  return (
    // Remounted when the choice to show changes, so React's reset after an action returns to it.
    <fieldset key={chosen} className="field" aria-describedby={describedBy(name, hint, error)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((o) => (
        <div key={o.value}>
          <label className="day-choice">
            <input type="radio" name={name} value={o.value} defaultChecked={chosen === o.value} /> {o.label}
          </label>
        </div>
      ))}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The message for the whole form: an alert when something needs attention, a status on success. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return state.status === 'error' ? (
    <div className="alert alert-error" role="alert">
      {state.message}
    </div>
  ) : (
    <div className="alert alert-success" role="status">
      {state.message}
    </div>
  );
}

/** The hidden fields that say which record a form acts on (the action checks access itself). */
export function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}
