// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { useDraftsStore } from './drafts';

describe('drafts store', () => {
  beforeEach(() => {
    useDraftsStore.setState({ drafts: {} });
    sessionStorage.clear();
  });

  it('keeps one draft per session', () => {
    const { setDraft } = useDraftsStore.getState();
    setDraft('s1', 'hello');
    setDraft('s2', 'other');
    expect(useDraftsStore.getState().drafts).toEqual({ s1: 'hello', s2: 'other' });
  });

  it('deletes a draft that becomes empty, and on clear', () => {
    const { setDraft, clearDraft } = useDraftsStore.getState();
    setDraft('s1', 'x');
    setDraft('s1', '');
    setDraft('s2', 'y');
    clearDraft('s2');
    expect(useDraftsStore.getState().drafts).toEqual({});
  });

  it('persists drafts to sessionStorage', () => {
    useDraftsStore.getState().setDraft('s1', 'keep me');
    expect(JSON.parse(sessionStorage.getItem('lookout.drafts')!).state.drafts).toEqual({ s1: 'keep me' });
  });
});
