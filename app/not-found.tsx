import Link from 'next/link';

export default function NotFound() {
  return (
    <main>
      <h1>We could not find that page</h1>
      <p>It may have moved, or the link may be wrong.</p>
      <p>
        <Link href="/today">Go to Today</Link>
      </p>
    </main>
  );
}
