'use client';

import { useState } from 'react';

/** A one-time link shown once, ready to copy: a read-only field and a copy button. */
export function CopyLink({ id, label, link, hint }: { id: string; label: string; link: string; hint?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Without clipboard access the field is already selected for a manual copy.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className="field copy-link">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="copy-link-row">
        <input
          id={id}
          type="text"
          readOnly
          value={link}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button className="button button-quiet" type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {copied ? 'Link copied.' : ''}
      </p>
    </div>
  );
}
