import { createCalendar, explainRule, TimescaleError } from '../../domain/timescales';

describe('explainRule', () => {
  it('E3: names every skipped day over Christmas 2026', () => {
    expect(explainRule('CERT_AFTER_MEDIATION', '2026-12-24')).toBe(
      '3 working days after Thu 24 Dec 2026 (not counting that day): Fri 25 Dec 2026 (Christmas Day), ' +
        'Sat 26 and Sun 27 Dec 2026 (weekend) and Mon 28 Dec 2026 (Boxing Day substitute) are not working days, ' +
        'so the certificate is due by Thu 31 Dec 2026.',
    );
  });

  it('E5: Good Friday and Easter Monday', () => {
    const text = explainRule('CERT_NO_MEDIATION', '2026-04-02');
    expect(text).toContain('Fri 3 Apr 2026 (Good Friday)');
    expect(text).toContain('Mon 6 Apr 2026 (Easter Monday)');
    expect(text).toMatch(/due by Thu 9 Apr 2026\.$/);
  });

  it('says so when nothing is skipped', () => {
    expect(explainRule('CERT_NO_MEDIATION', '2026-05-11')).toBe(
      '3 working days after Mon 11 May 2026 (not counting that day), with no weekend or bank holiday in between: ' +
        'the certificate is due by Thu 14 May 2026.',
    );
  });

  it('uses the singular for one skipped day', () => {
    expect(explainRule('ARRANGE_MEDIATION', '2026-01-01')).toBe(
      '30 calendar days after Thu 1 Jan 2026 is Sat 31 Jan 2026, so the mediation must take place by Sat 31 Jan 2026. ' +
        'This time limit does not move to a working day. The last working day on or before it is Fri 30 Jan 2026, ' +
        'because Sat 31 Jan 2026 (weekend) is not a working day.',
    );
  });

  it('E10: explains the missing roll-forward and the last working day', () => {
    expect(explainRule('LA_AMEND_PLAN', '2026-03-02')).toBe(
      '5 weeks (35 calendar days) after Mon 2 Mar 2026 is Mon 6 Apr 2026, so the amended plan is due by Mon 6 Apr 2026. ' +
        'This time limit does not move to a working day. The last working day on or before it is Thu 2 Apr 2026, ' +
        'because Fri 3 Apr 2026 (Good Friday), Sat 4 and Sun 5 Apr 2026 (weekend) and Mon 6 Apr 2026 (Easter Monday) ' +
        'are not working days.',
    );
  });

  it('spells out the end-of-month clamp', () => {
    expect(explainRule('ADVISER_CONTACT', '2025-12-31')).toContain(
      '2 calendar months after Wed 31 Dec 2025 is Sat 28 Feb 2026 (February 2026 has no 31st, so the period ends on the last day of the month)',
    );
  });

  it('A1: shows both appeal limbs and the Christmas roll-forward', () => {
    expect(explainRule('APPEAL', '2025-10-01', '2025-11-28')).toBe(
      'The appeal limit is the later of two dates: 2 calendar months after the decision notice was sent (Wed 1 Oct 2025), ' +
        'which is Mon 1 Dec 2025, and 1 calendar month after the certificate was issued (Fri 28 Nov 2025), which is ' +
        'Sun 28 Dec 2025. The later is Sun 28 Dec 2025. Sun 28 Dec 2025 falls between 25 December and 1 January, which ' +
        'the Tribunal does not count, so the limit moves to the next working day in January: the appeal must reach the ' +
        'Tribunal by Fri 2 Jan 2026.',
    );
  });

  it('explains the August rule and weekends after it', () => {
    const text = explainRule('APPEAL', '2029-06-15', '2029-07-01');
    expect(text).toContain('Wed 15 Aug 2029 is in August');
    expect(text).toContain('first working day of September 2029');
    expect(text).toContain('Sat 1 and Sun 2 Sep 2029 (weekend) are not working days');
    expect(text).toMatch(/by Mon 3 Sep 2029\.$/);
  });

  it('explains a limit on a weekend just before a closure: the next working day, naming the later reading', () => {
    const text = explainRule('APPEAL', '2028-10-24', '2028-10-01');
    expect(text).toContain('so the limit moves to the next working day (r.12(2)): the appeal must reach the Tribunal by Wed 27 Dec 2028.');
    expect(text).toContain('Some advisers read r.12 as also skipping 25 December to 1 January, which the Tribunal does not count, giving Tue 2 Jan 2029');
  });

  it('explains the worked example: decision 2033-10-24, certificate 2033-11-20 -> Wed 28 Dec 2033', () => {
    const text = explainRule('APPEAL', '2033-10-24', '2033-11-20');
    expect(text).toContain('The later is Sat 24 Dec 2033.');
    expect(text).toContain('Mon 26 Dec 2033 (Boxing Day) and Tue 27 Dec 2033');
    expect(text).toContain('by Wed 28 Dec 2033.');
    expect(text).toContain('giving Tue 3 Jan 2034');
  });

  it('explains the requested-changes dates', () => {
    expect(explainRule('REQUESTED_CHANGES', '2026-04-07')).toBe(
      '3 working days before the meeting on Tue 7 Apr 2026 (not counting that day): Fri 3 Apr 2026 (Good Friday), ' +
        'Sat 4 and Sun 5 Apr 2026 (weekend) and Mon 6 Apr 2026 (Easter Monday) are not working days, so the requested ' +
        'changes should reach the local authority officer by Tue 31 Mar 2026. Ideally they are sent 7 calendar days ' +
        'before, by Tue 31 Mar 2026.',
    );
  });

  it('names extra non-working days and follows the deemed-receipt option', () => {
    const calendar = createCalendar({
      extraNonWorkingDays: [{ date: '2026-05-05', name: 'Proclaimed holiday' }],
      nonWorkingTrigger: 'deemedReceivedNextWorkingDay',
    });
    expect(explainRule('CERT_NO_MEDIATION', '2026-05-02', undefined, calendar)).toBe(
      'Sat 2 and Sun 3 May 2026 (weekend), Mon 4 May 2026 (Early May bank holiday) and Tue 5 May 2026 ' +
        '(Proclaimed holiday) are not working days, so the event is treated as happening on the next working day, ' +
        'Wed 6 May 2026. 3 working days after Wed 6 May 2026 (not counting that day): Sat 9 and Sun 10 May 2026 ' +
        '(weekend) are not working days, so the certificate is due by Mon 11 May 2026.',
    );
  });

  it('throws the same errors as computeRule', () => {
    expect(() => explainRule('NOPE', '2026-01-01')).toThrow(TimescaleError);
    expect(() => explainRule('APPEAL', '2026-01-01')).toThrow(TimescaleError);
    expect(() => explainRule('CERT_NO_MEDIATION', '2026-02-30')).toThrow(TimescaleError);
  });
});
