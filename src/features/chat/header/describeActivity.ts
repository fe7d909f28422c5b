/** The agent's own report of what it is doing, in words. Not a session state: the view is that. */
export function describeActivity(activity: string, detail: { statusError?: string | null; recoveryStatus?: string | null }): string {
  switch (activity) {
    case 'prompting':
      return 'The agent is working on a prompt';
    case 'idle':
      return 'The agent is idle';
    case 'recovering':
      return detail.recoveryStatus ? `The agent is recovering (${detail.recoveryStatus})` : 'The agent is recovering';
    case 'error':
      return detail.statusError ? `The agent reported an error: ${detail.statusError}` : 'The agent reported an error';
    case 'stopped':
      return 'The agent has stopped';
    default:
      return `The agent reports “${activity}”`;
  }
}
