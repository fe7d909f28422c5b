import { config } from '../api/config';

/** What a 401 from SAM turns into: an explanation and the way to sign in, not a broken page. */
export function SignedOut() {
  return (
    <section aria-labelledby="signed-out-title" className="mx-auto max-w-lg p-6">
      <h1 id="signed-out-title" className="text-lg font-semibold">
        You are signed out of SAM
      </h1>
      <p className="mt-2 text-muted">
        SAM answered “unauthorized”: your session cookie is missing or has expired. Sign in to your SAM
        dashboard in this browser, then reload Lookout.
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-muted">
        <li>
          Running <code>npm run dev:live</code>? Set <code>SAM_API_TOKEN</code> and Lookout’s proxy signs in for you.
        </li>
        {config.simulated && <li>This is the simulator: remove <code>scenario=signed-out</code> from the address.</li>}
      </ul>
      <button
        type="button"
        className="mt-4 min-h-11 rounded-md bg-accent px-4 text-accent-fg"
        onClick={() => location.reload()}
      >
        Reload
      </button>
    </section>
  );
}
