'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <h1>Something went wrong</h1>
      <p>It was our fault, not yours, and it has been logged. Nothing you saved was lost.</p>
      <button className="button" type="button" onClick={() => reset()}>
        Try again
      </button>
    </main>
  );
}
