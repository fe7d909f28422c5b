import { useEffect, useId, useState, type ReactNode } from 'react';
import type { SimulatorHandle } from './browser';
import type { MalformedKind } from './faults';

const button =
  'min-h-11 min-w-11 rounded border border-line bg-surface px-2 text-left text-sm text-fg hover:bg-raised focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus aria-pressed:bg-accent aria-pressed:text-accent-fg';

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mt-2 border-t border-line pt-2">
      <legend className="text-xs font-semibold uppercase tracking-wide text-muted">{title}</legend>
      <div className="mt-1 grid grid-cols-2 gap-1">{children}</div>
    </fieldset>
  );
}

/**
 * The simulator's control panel (simulated builds only): scenario switcher, clock and fault buttons.
 * Collapsed to one button in a corner by default.
 */
export function DevPanel({ sim = typeof window === 'undefined' ? undefined : window.__lookoutSim }: { sim?: SimulatorHandle }) {
  const [open, setOpen] = useState(false);
  const [, setVersion] = useState(0);
  const [status, setStatus] = useState('');
  const [scenario, setScenario] = useState(sim?.scenario ?? 'default');
  const [seed, setSeed] = useState(String(sim?.seed ?? 1));
  const panelId = useId();

  useEffect(() => {
    if (!sim) return undefined;
    return sim.faults.onChange(() => setVersion((v) => v + 1));
  }, [sim]);

  if (!sim) return null;
  const { faults, clock } = sim;
  const snap = faults.snapshot();
  const act = (label: string, run: () => unknown) => () => {
    const result = run();
    setStatus(typeof result === 'number' ? `${label}: ${result}` : label);
    setVersion((v) => v + 1);
  };
  const malformed = (variant: MalformedKind, label: string) => (
    <button type="button" className={button} onClick={act(`Sent ${label}`, () => faults.sendMalformed(variant))}>
      {label}
    </button>
  );

  return (
    <div className="relative shrink-0 text-fg">
      {open && (
        <section
          id={panelId}
          aria-label="Simulator controls"
          className="fixed right-2 top-14 z-50 max-h-[70vh] w-72 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-line bg-surface p-3 shadow-lg"
        >
          <form
            className="grid grid-cols-[1fr_5rem] gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              sim.load(scenario, Number(seed) || 1);
            }}
          >
            <label className="col-span-2 text-xs text-muted" htmlFor={`${panelId}-scenario`}>
              Scenario and seed
            </label>
            <select id={`${panelId}-scenario`} className={button} value={scenario} onChange={(e) => setScenario(e.target.value)}>
              {sim.scenarios.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
            <input aria-label="Seed" inputMode="numeric" className={button} value={seed} onChange={(e) => setSeed(e.target.value)} />
            <button type="submit" className={`${button} col-span-2`}>
              Load scenario
            </button>
          </form>

          <Group title={`Clock ${clock.frozen ? '(frozen)' : `(${clock.speed}×)`}`}>
            <button
              type="button"
              className={button}
              onClick={act(clock.frozen ? 'Clock resumed' : 'Clock frozen', () => (clock.frozen ? clock.resume() : clock.freeze()))}
            >
              {clock.frozen ? 'Resume' : 'Freeze'}
            </button>
            <button type="button" className={button} onClick={act('Speed changed', () => clock.setSpeed(clock.speed >= 10 ? 1 : clock.speed * 5))}>
              Speed ×5
            </button>
            <button type="button" className={button} onClick={act('Advanced 1 s', () => clock.advance(1_000))}>
              +1 s
            </button>
            <button type="button" className={button} onClick={act('Advanced 1 min', () => clock.advance(60_000))}>
              +1 min
            </button>
          </Group>

          <Group title="Sockets">
            <button type="button" className={button} onClick={act('Dropped sockets', () => faults.dropSockets())}>
              Drop (1012)
            </button>
            <button type="button" className={button} onClick={act('Deploy: closed sockets', () => faults.closeAll())}>
              Deploy
            </button>
            <button
              type="button"
              className={button}
              aria-pressed={snap.streams.project.blocked}
              onClick={act('Toggled reconnects', () => (snap.streams.project.blocked ? faults.unblockSockets() : faults.blockSockets()))}
            >
              Block reconnects
            </button>
            <button type="button" className={button} onClick={act('Released held frames', () => faults.releaseHeldFrames())}>
              Release held ({snap.streams.project.held + snap.streams.notifications.held})
            </button>
          </Group>

          <Group title="Frames">
            <button type="button" className={button} onClick={act('Duplicating 3 frames', () => faults.duplicateNextFrames(3))}>
              Duplicate 3
            </button>
            <button type="button" className={button} onClick={act('Reordering 3 frames', () => faults.reorderNextFrames(3))}>
              Reorder 3
            </button>
            <button
              type="button"
              className={button}
              aria-pressed={snap.streams.project.delayMs > 0}
              onClick={act('Toggled delay', () => faults.delayFrames(snap.streams.project.delayMs > 0 ? 0 : 2_000))}
            >
              Delay 2 s
            </button>
            <button type="button" className={button} onClick={act('Skipping a sequence number', () => faults.skipNextSequence(1))}>
              Skip a sequence
            </button>
            {malformed('not-json', 'Non-JSON')}
            {malformed('unknown-type', 'Unknown type')}
            {malformed('bad-payload', 'Bad payload')}
            {malformed('oversized', '5 MB frame')}
          </Group>

          <Group title="Server">
            <button
              type="button"
              className={button}
              aria-pressed={snap.staleActive}
              onClick={act('Toggled stale-active', () => faults.keepSessionActiveAfterTaskFailure(!snap.staleActive))}
            >
              Stale active rows
            </button>
            <button type="button" className={button} onClick={act('Next request fails', () => faults.failNextRequests(500, 1))}>
              Next request 500
            </button>
            <button
              type="button"
              className={button}
              aria-pressed={snap.signedOut}
              onClick={act('Toggled sign-out', () => (snap.signedOut ? faults.signIn() : faults.signOut()))}
            >
              Signed out (401)
            </button>
            <button type="button" className={button} onClick={act('Faults reset', () => faults.reset())}>
              Reset faults
            </button>
          </Group>
          <p role="status" className="mt-2 min-h-5 text-xs text-muted">
            {status}
          </p>
        </section>
      )}
      <button
        type="button"
        className={button}
        aria-label={open ? 'Close simulator controls' : 'Simulator controls'}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '✕' : 'Sim'}</span>
      </button>
    </div>
  );
}
