import { createCalendar, defaultCalendar, formatDate, TimescaleError } from '../../domain/timescales';

/** docs/rules.md#counting-days: weekday bank holidays of England and Wales (weekend dates are not listed). */
const TABLE_4_3: Record<number, string[]> = {
  2025: ['Wed 1 Jan', 'Fri 18 Apr', 'Mon 21 Apr', 'Mon 5 May', 'Mon 26 May', 'Mon 25 Aug', 'Thu 25 Dec', 'Fri 26 Dec'],
  2026: ['Thu 1 Jan', 'Fri 3 Apr', 'Mon 6 Apr', 'Mon 4 May', 'Mon 25 May', 'Mon 31 Aug', 'Fri 25 Dec', 'Mon 28 Dec'],
  2027: ['Fri 1 Jan', 'Fri 26 Mar', 'Mon 29 Mar', 'Mon 3 May', 'Mon 31 May', 'Mon 30 Aug', 'Mon 27 Dec', 'Tue 28 Dec'],
  2028: ['Mon 3 Jan', 'Fri 14 Apr', 'Mon 17 Apr', 'Mon 1 May', 'Mon 29 May', 'Mon 28 Aug', 'Mon 25 Dec', 'Tue 26 Dec'],
};

describe('England and Wales bank holidays (docs/rules.md#counting-days)', () => {
  it.each(Object.entries(TABLE_4_3))('%s matches the table exactly', (year, expected) => {
    const actual = defaultCalendar.holidays(Number(year)).map((h) => formatDate(h.date));
    expect(actual).toEqual(expected.map((d) => `${d} ${year}`));
  });

  it('names substitutes and Good Friday', () => {
    expect(defaultCalendar.nonWorkingReason('2026-12-28')).toBe('Boxing Day substitute');
    expect(defaultCalendar.nonWorkingReason('2027-12-27')).toBe('Christmas Day substitute');
    expect(defaultCalendar.nonWorkingReason('2027-12-28')).toBe('Boxing Day substitute');
    expect(defaultCalendar.nonWorkingReason('2028-01-03')).toBe("New Year's Day substitute");
    expect(defaultCalendar.nonWorkingReason('2026-04-03')).toBe('Good Friday');
    expect(defaultCalendar.nonWorkingReason('2026-12-25')).toBe('Christmas Day');
    // Boxing Day 2026 is a Saturday: the weekend is the reason, the Monday carries the name.
    expect(defaultCalendar.nonWorkingReason('2026-12-26')).toBe('weekend');
    expect(defaultCalendar.nonWorkingReason('2026-12-24')).toBeNull();
  });

  it('treats 24 and 31 December as working days', () => {
    for (let year = 2020; year <= 2035; year += 1) {
      for (const day of ['12-24', '12-31']) {
        const date = `${year}-${day}`;
        const weekday = formatDate(date).slice(0, 3);
        expect(defaultCalendar.isWorkingDay(date)).toBe(weekday !== 'Sat' && weekday !== 'Sun');
      }
    }
  });

  it('has Christmas Day and Good Friday as non-working days in every trusted year', () => {
    for (let year = 2020; year <= 2035; year += 1) {
      expect(defaultCalendar.isWorkingDay(`${year}-12-25`)).toBe(false);
      expect(defaultCalendar.holidays(year).some((h) => h.name === 'Good Friday')).toBe(true);
    }
  });

  it('keeps only public holidays (no observances such as Easter Sunday or Mother\'s Day)', () => {
    const names = defaultCalendar.holidays(2026).map((h) => h.name);
    expect(names).not.toContain("Mother's Day");
    expect(defaultCalendar.nonWorkingReason('2026-03-16')).toBeNull();
  });

  it('includes the one-off days of 2020, 2022 and 2023', () => {
    expect(defaultCalendar.isWorkingDay('2020-05-08')).toBe(false); // VE Day (moved early May)
    expect(defaultCalendar.isWorkingDay('2020-05-04')).toBe(true);
    expect(defaultCalendar.isWorkingDay('2022-06-03')).toBe(false); // Platinum Jubilee
    expect(defaultCalendar.isWorkingDay('2022-09-19')).toBe(false); // State funeral
    expect(defaultCalendar.isWorkingDay('2023-05-08')).toBe(false); // Coronation
  });
});

describe('createCalendar', () => {
  it('adds extra non-working days with their names', () => {
    const calendar = createCalendar({
      extraNonWorkingDays: [{ date: '2026-06-15', name: 'Jubilee holiday' }, '2026-06-16'],
    });
    expect(calendar.isWorkingDay('2026-06-15')).toBe(false);
    expect(calendar.nonWorkingReason('2026-06-15')).toBe('Jubilee holiday');
    expect(calendar.nonWorkingReason('2026-06-16')).toBe('additional bank holiday');
    expect(calendar.addWorkingDays('2026-06-12', 1)).toBe('2026-06-17');
    // The default calendar is untouched.
    expect(defaultCalendar.isWorkingDay('2026-06-15')).toBe(true);
  });

  it('can turn a predicted holiday back into a working day (a proclamation moved it)', () => {
    const calendar = createCalendar({ workingDayOverrides: ['2030-05-06'] });
    expect(defaultCalendar.isWorkingDay('2030-05-06')).toBe(false);
    expect(calendar.isWorkingDay('2030-05-06')).toBe(true);
  });

  it('refuses a bad extra day or an impossible trusted range', () => {
    expect(() => createCalendar({ extraNonWorkingDays: ['2026-02-30'] })).toThrow(TimescaleError);
    expect(() => createCalendar({ trustedYears: { from: 2030, to: 2020 } })).toThrow(TimescaleError);
    expect(() => createCalendar({ trustedYears: { from: 2020.5, to: 2030 } })).toThrow(TimescaleError);
  });

  it('refuses to look at a year outside the trusted range', () => {
    const calendar = createCalendar({ trustedYears: { from: 2025, to: 2026 } });
    expect(calendar.isWorkingDay('2026-12-31')).toBe(true);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(/outside the years/);
    expect(() => calendar.addWorkingDays('2026-12-30', 3)).toThrow(TimescaleError);
    expect(() => defaultCalendar.isWorkingDay('2036-03-03')).toThrow(/2020 to 2035/);
    expect(() => defaultCalendar.isWorkingDay('2019-12-31')).toThrow(TimescaleError);
  });
});

describe('working-day counting', () => {
  it('excludes the trigger day and starts from the next working day when it is not one', () => {
    expect(defaultCalendar.addWorkingDays('2026-05-02', 3)).toBe('2026-05-07');
    expect(defaultCalendar.addWorkingDays('2026-05-01', 1)).toBe('2026-05-05');
    expect(defaultCalendar.addWorkingDays('2026-05-05', 0)).toBe('2026-05-05');
  });

  it('supports the deemed-receipt reading as an option', () => {
    const calendar = createCalendar({ nonWorkingTrigger: 'deemedReceivedNextWorkingDay' });
    expect(calendar.addWorkingDays('2026-05-02', 3)).toBe('2026-05-08');
    // No difference when the trigger is a working day.
    expect(calendar.addWorkingDays('2026-12-24', 3)).toBe('2026-12-31');
  });

  it('counts backwards and finds neighbouring working days', () => {
    expect(defaultCalendar.subtractWorkingDays('2026-04-07', 3)).toBe('2026-03-31');
    expect(defaultCalendar.lastWorkingDayOnOrBefore('2026-04-06')).toBe('2026-04-02');
    expect(defaultCalendar.lastWorkingDayOnOrBefore('2026-04-02')).toBe('2026-04-02');
    expect(defaultCalendar.nextWorkingDayOnOrAfter('2026-12-25')).toBe('2026-12-29');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => defaultCalendar.addWorkingDays('2026-05-02', -1)).toThrow(TimescaleError);
    expect(() => defaultCalendar.addWorkingDays('2026-05-02', 1.5)).toThrow(TimescaleError);
  });
});
