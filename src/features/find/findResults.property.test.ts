import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findResults, matchRank, normaliseForFind, snippet, type FindSources } from './findResults';

/** Short texts over a small alphabet (with case, spaces and a newline) so that queries often hit. */
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'c', ' ', '\n', 'é', 'İ', '`'), maxLength: 24 });
const id = fc.constantFrom('1', '2', '3', '4', '5');
const time = fc.integer({ min: 0, max: 10 });

const sourcesArb: fc.Arbitrary<FindSources> = fc.record({
  projects: fc.array(fc.record({ id, name: text, repository: fc.option(text), lastActivityAt: fc.option(time) }), { maxLength: 8 }),
  chats: fc.array(fc.record({ id, projectId: id, projectName: text, topic: fc.option(text), updatedAt: time }), { maxLength: 12 }),
  messages: fc.array(
    fc.record({
      projectId: id,
      sessionId: id,
      itemId: id,
      chatTopic: fc.option(text),
      role: fc.constantFrom('user' as const, 'assistant' as const),
      text,
      createdAt: time,
    }),
    { maxLength: 30 },
  ),
});

describe('findResults properties', () => {
  it('every result contains the query, no result is listed twice, and the order does not depend on the order of the inputs', () => {
    fc.assert(
      fc.property(sourcesArb, text, fc.nat(), (sources, query, seed) => {
        const results = findResults(query, sources);
        const wanted = normaliseForFind(query).trim();
        for (const result of results) expect(normaliseForFind(result.matched)).toContain(wanted);
        expect(new Set(results.map((r) => r.key)).size).toBe(results.length);

        // The same inputs in another order (a rotation) give the same answer.
        const rotate = <T>(items: readonly T[]) => (items.length === 0 ? [] : [...items.slice(seed % items.length), ...items.slice(0, seed % items.length)]);
        const shuffled = { projects: rotate(sources.projects), chats: rotate(sources.chats), messages: rotate(sources.messages) };
        const again = findResults(query, shuffled);
        expect(again.map((r) => r.key)).toEqual(results.map((r) => r.key));
      }),
      { numRuns: 500 },
    );
  });

  it('a message snippet always holds the whole match, however long the message or the query', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'İ'), maxLength: 600 }), fc.nat(), fc.nat({ max: 200 }), (message, from, length) => {
        const start = message.length === 0 ? 0 : from % message.length;
        const query = normaliseForFind(message)
          .slice(start, start + length)
          .trim();
        const hit = matchRank(message, query);
        if (!query || !hit) return;
        expect(normaliseForFind(snippet(message, hit.index, query.length))).toContain(query);
      }),
      { numRuns: 500 },
    );
  });
});
