// The statistics CSV is safe to open in Excel: text that starts like a formula is written as text (OWASP).
import type { OverviewResponse } from '../../typings/api/stats';
import { brigadeCsv } from '../../server/stats/csv';

type Row = OverviewResponse['byBrigade'][number];

const row = (name: string, town = '东区', figures: Partial<Row> = {}): Row => ({
  brigadeId: name,
  name,
  town,
  volunteers: 0,
  brigades: 0,
  posts: 1,
  sessions: 2,
  minutes: 90,
  peopleServed: 3,
  noShows: 0,
  ...figures,
});

/** The data lines of the CSV (no BOM, header or total row). */
const dataLines = (rows: Row[]) =>
  brigadeCsv(rows)
    .slice(1)
    .split('\r\n')
    .slice(1, rows.length + 1);

describe('formula-leading text in the CSV', () => {
  it.each([
    ["=1+2+cmd|' /C calc'!A0", `"'=1+2+cmd|' /C calc'!A0"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
  ])('a brigade named %j is written as quoted text with a leading quote', (name, cell) => {
    const csv = brigadeCsv([row(name)]);
    expect(csv).toContain(`\r\n${cell},东区,1,2,1.5,3,0,0.0%\r\n`);
  });

  it('escapes a formula in any text column, the town included', () => {
    expect(dataLines([row('东区博爱大队', '=cmd')])).toEqual([`东区博爱大队,"'=cmd",1,2,1.5,3,0,0.0%`]);
  });

  it('leaves plain names and names with a formula character later on as they were', () => {
    expect(dataLines([row('东区博爱大队'), row('义工=爱心'), row('a-b')])).toEqual([
      '东区博爱大队,东区,1,2,1.5,3,0,0.0%',
      '义工=爱心,东区,1,2,1.5,3,0,0.0%',
      'a-b,东区,1,2,1.5,3,0,0.0%',
    ]);
  });

  it('keeps a negative figure a number (only text is escaped)', () => {
    expect(dataLines([row('东区博爱大队', '东区', { minutes: -90, noShows: -1 })])).toEqual([
      '东区博爱大队,东区,1,2,-1.5,3,-1,-100.0%',
    ]);
  });
});
