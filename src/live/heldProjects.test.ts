import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { makeRow, T0 } from '../test/factories';
import { createLiveEngine } from './engine';
import { createHeldProjects } from './heldProjects';
import { projectPart } from './projectPart';

function setUp() {
  const client = new QueryClient();
  const engine = createLiveEngine({ client });
  projectPart(engine);
  const held = engine.attach(createHeldProjects);
  let told = 0;
  held.subscribe(() => (told += 1));
  const listPage = (projectId: string, id: string, stamp: number) =>
    engine.dispatch({ type: 'sessionListPage', projectId, rows: [makeRow({ id, topic: id })], stamp });
  return { client, engine, held, listPage, told: () => told };
}

describe('the projects held across the tab', () => {
  it('holds every project whose sessions were listed, in the order first seen, with their sessions', () => {
    const { held, listPage } = setUp();
    listPage('p2', 's2', T0);
    listPage('p1', 's1', T0 + 1);
    expect(held.projects().map((p) => p.projectId)).toEqual(['p2', 'p1']);
    expect(held.facts().map((p) => [...p.facts.records.keys()])).toEqual([['s2'], ['s1']]);
  });

  it('sees entries already in the cache when it is made', () => {
    const client = new QueryClient();
    const engine = createLiveEngine({ client });
    projectPart(engine);
    engine.dispatch({ type: 'sessionListPage', projectId: 'p1', rows: [makeRow({ id: 's1' })], stamp: T0 });
    expect(
      engine
        .attach(createHeldProjects)
        .facts()
        .map((p) => p.projectId),
    ).toEqual(['p1']);
  });

  it('tells its readers only when a held entry changes, and keeps the same arrays otherwise', () => {
    const { client, held, listPage, told } = setUp();
    listPage('p1', 's1', T0);
    const before = { told: told(), projects: held.projects(), facts: held.facts() };
    // Other entries of the same project: a chat, the deliveries, the project list.
    client.setQueryData(keys.promptDeliveries('p1'), new Map());
    client.setQueryData(keys.projectList(), { projects: [] });
    client.setQueryData(keys.project('p1'), { id: 'p1' });
    expect(told()).toBe(before.told);
    expect(held.projects()).toBe(before.projects);
    expect(held.facts()).toBe(before.facts);
  });

  it('a change of the tasks alone leaves the facts list as it was', () => {
    const { client, held, listPage } = setUp();
    listPage('p1', 's1', T0);
    const facts = held.facts();
    const projects = held.projects();
    client.setQueryData(keys.taskSnapshots('p1'), new Map());
    expect(held.projects()).not.toBe(projects);
    expect(held.projects()[0]?.snapshots).toBeInstanceOf(Map);
    expect(held.facts()).toBe(facts);
  });

  it('drops a project once its entries are removed from the cache', () => {
    const { client, held, listPage, told } = setUp();
    listPage('p1', 's1', T0);
    listPage('p2', 's2', T0);
    const before = told();
    client.removeQueries({ queryKey: keys.sessionFacts('p1'), exact: true });
    expect(told()).toBe(before + 1);
    expect(held.projects().map((p) => p.projectId)).toEqual(['p2']);
    expect(held.facts().map((p) => p.projectId)).toEqual(['p2']);
  });
});
