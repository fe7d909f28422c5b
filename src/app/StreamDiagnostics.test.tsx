// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionSink, useConnectionStore } from '../state/connection';
import { StreamDiagnostics } from './StreamDiagnostics';

beforeEach(() => useConnectionStore.getState().reset());
afterEach(cleanup);

describe('StreamDiagnostics', () => {
  it('shows what SAM sent that Lookout could not use, by kind, and the last problem', () => {
    render(<StreamDiagnostics onClose={() => {}} />);
    act(() => {
      connectionSink.frameIgnored('mission.created');
      connectionSink.frameDropped('session.activity: payload.activity: Invalid type: Expected string but received 7');
      connectionSink.eventSkipped?.('session.failed skipped: boom');
      connectionSink.contentCut?.(1);
    });
    const dialog = screen.getByRole('dialog', { name: 'Stream diagnostics' });
    expect(within(dialog).getByTestId('dropped-frames')).toHaveTextContent('1');
    expect(within(dialog).getByTestId('skipped-events')).toHaveTextContent('1');
    expect(within(dialog).getByTestId('cut-messages')).toHaveTextContent('1');
    const kinds = within(dialog).getByRole('list', { name: 'Counts by kind', hidden: true });
    expect(kinds).toHaveTextContent('unknown mission.created1');
    expect(kinds).toHaveTextContent('invalid session.activity1');
    expect(dialog).toHaveTextContent('Last dropped: session.activity: payload.activity');
    expect(dialog).toHaveTextContent('Last problem: 1 message(s) over 102,400 characters cut');
  });
});
