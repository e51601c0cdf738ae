// Turning the report's figures into words in one language: durations, shares, the names of counted
// things. A plain function of a translator and a locale, so the console screen and the council report
// (whose language can differ from the console's) say the same things.
import type { ReportCount, TownReport } from '@munikit/core';
import type { Lang } from '@munikit/core';

export type Translate = (key: string, opts?: Record<string, unknown>) => string;

export class ReportWords {
  private readonly t: Translate;
  private readonly lang: Lang;
  private readonly locale: string;

  constructor(t: Translate, lang: Lang) {
    this.t = t;
    this.lang = lang;
    this.locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  }

  number(n: number, digits = 0): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits }).format(n);
  }

  percent(share: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  }

  /** Hours under two days as hours, longer as days. */
  duration(hours: number | null): string {
    if (hours === null) return this.t('noFigure');
    if (hours < 48) return this.t('hours', { count: hours, n: this.number(hours, 1) });
    const days = Math.round((hours / 24) * 10) / 10;
    return this.t('days', { count: days, n: this.number(days, 1) });
  }

  withinTarget(r: TownReport): string {
    if (r.shareClosedWithinTarget === null) return this.t('noFigure');
    return this.t('shareOf', { share: this.percent(r.shareClosedWithinTarget), within: this.number(r.closedWithinTarget), total: this.number(r.closedWithTarget) });
  }

  /** The name of a counted thing: a department's or service's name, a status or channel in words. */
  name(kind: 'department' | 'service' | 'status' | 'channel', row: ReportCount): string {
    if (row.name) return row.name[this.lang] || row.name[this.lang === 'fr' ? 'en' : 'fr'];
    if (kind === 'department') return this.t('noDepartment');
    if (kind === 'status' || kind === 'channel') {
      const key = `${kind}.${row.key}`;
      const words = this.t(key);
      return words === key ? row.key : words;
    }
    return row.key;
  }

  day(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  }

  period(from: string, to: string): string {
    return this.t('periodText', { from: this.day(from), to: this.day(to) });
  }
}
