// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { followHistory, useKiosk } from './kiosk.store';

const answer = { outcome: 'checked_in' as const, firstName: 'Ada', workshop: null, opensAt: null, amountDue: null };

describe('the kiosk across visits', () => {
  beforeEach(() => useKiosk.getState().clearVisit());

  it('goes back through the screens of this visit', () => {
    const { show } = useKiosk.getState();
    show({ name: 'find' });
    show({ name: 'workshop', workshopId: 'w1' });
    followHistory(history.state);
    expect(useKiosk.getState().screen).toEqual({ name: 'workshop', workshopId: 'w1' });
    followHistory({ kioskVisit: useKiosk.getState().visit, screen: { name: 'find' } });
    expect(useKiosk.getState().screen).toEqual({ name: 'find' });
  });

  it('forgets the visit at a reset: an entry of the visit before leads to the start, with nothing of it kept', () => {
    const before = useKiosk.getState().visit;
    useKiosk.setState({ checkInResult: answer, signedInAs: 'Ada', search: { q: 'ada', categoryId: null, when: 'today', freeOnly: true } });
    useKiosk.getState().show({ name: 'checkInResult' });
    useKiosk.getState().clearVisit();
    followHistory({ kioskVisit: before, screen: { name: 'checkInResult' } });
    const s = useKiosk.getState();
    expect(s.visit).not.toBe(before);
    expect([s.screen, s.checkInResult, s.signedInAs, s.search.q]).toEqual([{ name: 'start' }, null, null, '']);
    expect(JSON.stringify(history.state)).not.toContain('Ada');
  });

  it('does not bring a result back once it was given', () => {
    useKiosk.getState().show({ name: 'checkInResult' });
    followHistory({ kioskVisit: useKiosk.getState().visit, screen: { name: 'checkInResult' } });
    expect(useKiosk.getState().screen).toEqual({ name: 'start' });
  });
});
