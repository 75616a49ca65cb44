import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { HOLIDAY_TABLE, HOLIDAY_TABLE_YEARS } from '../../domain/timescales/holidayTable';
import { englandAndWalesHolidays } from '../../domain/timescales/holidays';
import { isoFromDayNumber } from '../../domain/timescales/dates';
import { holidayRows } from '../../scripts/holiday-table';

describe('the England and Wales holiday table the bot carries', () => {
  it('is what the installed date-holidays computes (after an upgrade: npm run holiday-table)', () => {
    expect(HOLIDAY_TABLE).toEqual(holidayRows(HOLIDAY_TABLE_YEARS.from, HOLIDAY_TABLE_YEARS.to));
  });

  it('answers for its years without loading date-holidays, and asks the library beyond them', () => {
    // A fresh process: the first test here has loaded the library into this one. 2026 counts Boxing
    // Day (a Saturday) and its substitute, 2080 none.
    const script = `
      const { englandAndWalesHolidays } = require('./domain/timescales/holidays');
      const loaded = () => Object.keys(require.cache).some((f) => f.includes('node_modules/date-holidays/'));
      const days = (y) => englandAndWalesHolidays(y).map((h) => h.day);
      const before = [days(2026).length, loaded()];
      const after = [days(2080).length, loaded()];
      console.log(JSON.stringify({ before, after }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ before: [9, false], after: [8, true] });
  });

  it('has the one-off bank holidays of recent years', () => {
    const names = englandAndWalesHolidays(2022).map((h) => `${isoFromDayNumber(h.day)} ${h.name}`);
    expect(names.some((n) => n.startsWith('2022-09-19'))).toBe(true);
    expect(names.some((n) => n.startsWith('2022-06-03'))).toBe(true);
  });
});
