// One display rule per figure: the hours a volunteer sees, the dashboards and the CSV export round alike, and a
// mobile is masked alike by the functions and the mini program (never shown whole when it is not a mobile number).
import { hoursOf, maskMobile } from '../../miniprogram/utils/format';
import { hoursText } from '../../miniprogram/utils/stats-view';
import { brigadeCsv } from '../../server/stats/csv';
import * as shared from '../../typings/display';

/** The hours column of a one-brigade export. */
function exportedHours(minutes: number): string {
  const row = { brigadeId: 'b', name: '大队', town: '东区', volunteers: 0, brigades: 0, posts: 0, sessions: 0 };
  const csv = brigadeCsv([{ ...row, minutes, peopleServed: 0, noShows: 0 }]);
  return csv.split('\r\n')[1].split(',')[4];
}

describe('hours', () => {
  it('round half up to one decimal: 9 minutes are 0.2 hours, 90 are 1.5', () => {
    expect([0, 3, 9, 21, 90, 125, 5999].map(hoursOf)).toEqual(['0.0', '0.1', '0.2', '0.4', '1.5', '2.1', '100.0']);
  });

  it('show alike on the hours pages, the dashboards and the CSV export', () => {
    const differ: string[] = [];
    for (let minutes = 0; minutes <= 3000; minutes += 1) {
      const shown = [hoursOf(minutes), hoursText(minutes), exportedHours(minutes), shared.hoursOf(minutes)];
      if (new Set(shown).size > 1) differ.push(`${minutes}: ${shown.join(' / ')}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('a masked mobile', () => {
  const cases: [string, string][] = [
    ['13800138000', '138****8000'],
    ['138****8000', '138****8000'],
    ['+8613800138000', '****'],
    ['1380013800', '****'],
    ['', '****'],
  ];

  it.each(cases)('%s shows as %s in the mini program and in what the functions store', (mobile, shown) => {
    expect([maskMobile(mobile), shared.maskMobile(mobile)]).toEqual([shown, shown]);
  });
});
