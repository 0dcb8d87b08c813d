export default function Home() {
  return (
    <main>
      <h1>cashfree-kit on Next.js</h1>
      <p>
        Cashfree webhooks arrive at <code>POST /api/webhooks/cashfree</code>{' '}
        (app/api/webhooks/cashfree/route.ts).
      </p>
    </main>
  );
}
