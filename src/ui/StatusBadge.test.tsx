// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { DisplayState } from '../reconcile/types';
import { StatusBadge } from './StatusBadge';

const STATES: [DisplayState, string][] = [
  ['working', 'Working'],
  ['idle', 'Idle'],
  ['needs_input', 'Needs you'],
  ['sleeping', 'Asleep'],
  ['waking', 'Waking'],
  ['completed', 'Completed'],
  ['failed', 'Failed'],
  ['cancelled', 'Cancelled'],
  ['stopped', 'Stopped'],
  ['unknown', 'Unknown'],
];

afterEach(cleanup);

describe('StatusBadge', () => {
  it.each(STATES)('shows an icon and the label for %s', (state, label) => {
    const { container } = render(<StatusBadge state={state} label={label} />);
    expect(screen.getByText(label)).toBeInTheDocument();
    const icon = container.querySelector('svg');
    expect(icon).toHaveAttribute('data-icon', state);
    expect(icon).toHaveAttribute('aria-hidden', 'true');
  });

  it('gives different states different icons (not colour alone)', () => {
    const icons = STATES.map(([state]) => render(<StatusBadge state={state} />).container.querySelector('svg')!.innerHTML);
    expect(new Set(icons).size).toBe(STATES.length);
  });

  it('shows the label it is given, falling back to a default per state', () => {
    render(<StatusBadge state="failed" label="Task failed" />);
    expect(screen.getByText('Task failed')).toBeInTheDocument();
    render(<StatusBadge state="needs_input" />);
    expect(screen.getByText('Needs you')).toBeInTheDocument();
  });

  it('renders a state it does not know neutrally, with its label', () => {
    const { container } = render(<StatusBadge state="hibernating" label="Hibernating" />);
    expect(screen.getByText('Hibernating')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'unknown');
    expect(container.firstElementChild).toHaveClass('text-state-muted');
    expect(container.querySelector('svg')).toHaveAttribute('data-icon', 'unknown');
  });
});
