import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import type { CacheAction } from './cacheActions';
import { noFollowUps } from './cacheActions';
import { createWrittenAnswers } from './writtenAnswers';

const KEY = ['lookout', 'test', 'answer'] as const;
type Held = { text: string };

/** A reducer that writes the action's text under KEY (the real reducer's cases are tested elsewhere). */
function setup() {
  const client = new QueryClient();
  const dispatch = (action: CacheAction) => {
    client.setQueryData<Held>(KEY, { text: (action as unknown as { text: string }).text });
    return noFollowUps();
  };
  const written = createWrittenAnswers(client, dispatch);
  const action = (text: string) => ({ type: 'test', text }) as unknown as CacheAction;
  return { client, written, action };
}

describe('a query answer written through the reducer', () => {
  it('is what the cache holds once TanStack stores it', async () => {
    const { client, written, action } = setup();
    await client.fetchQuery({ queryKey: KEY, queryFn: ({ signal }) => written.answer<Held>(KEY, signal, action('fetched')), structuralSharing: written.keep });
    expect(client.getQueryData<Held>(KEY)?.text).toBe('fetched');
    expect(client.getQueryState(KEY)?.status).toBe('success');
  });

  it('keeps a write that lands between the answer and TanStack storing it', async () => {
    const { client, written, action } = setup();
    await client.fetchQuery({
      queryKey: KEY,
      queryFn: ({ signal }) => {
        const answer = written.answer<Held>(KEY, signal, action('fetched'));
        // Another write in a promise callback, before TanStack's own store of the answer.
        queueMicrotask(() => client.setQueryData<Held>(KEY, { text: 'newer' }));
        return answer;
      },
      structuralSharing: written.keep,
    });
    expect(client.getQueryData<Held>(KEY)?.text).toBe('newer');
  });

  it('lets every other write through as given', async () => {
    const { client, written, action } = setup();
    await client.fetchQuery({ queryKey: KEY, queryFn: ({ signal }) => written.answer<Held>(KEY, signal, action('fetched')), structuralSharing: written.keep });
    client.setQueryData<Held>(KEY, { text: 'later' });
    expect(client.getQueryData<Held>(KEY)?.text).toBe('later');
  });

  it('writes nothing for a fetch cancelled before its answer', async () => {
    const { client, written, action } = setup();
    const controller = new AbortController();
    controller.abort();
    expect(() => written.answer<Held>(KEY, controller.signal, action('late'))).toThrow();
    expect(client.getQueryData(KEY)).toBeUndefined();
  });
});
