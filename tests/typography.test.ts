import { describe, expect, it } from 'vitest';
import { checkQuotes, misplacedQuotes, quotePair } from '../scripts/check/typography.js';
import { loadLocale } from '../scripts/i18n/locales.js';
import { LANGS, type Lang } from '../scripts/i18n/languages.js';
import { build, paths } from './helpers/build.js';
import { checkProject } from '../scripts/cli/pipeline.js';

/** The quotation-mark messages of a Markdown body in a language (translations have 9 front-matter lines). */
function quoteMessages(body: string, lang: Lang): string[] {
  const { file, doc } = build(body, lang);
  expect(doc).toBeDefined();
  file.messages.length = 0;
  checkQuotes(doc!, file, loadLocale(paths.locales, lang));
  return file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
}

describe('quotation marks per language', () => {
  it('reads each language its marks from its locale, spacing included', () => {
    for (const lang of LANGS) {
      const quotes = loadLocale(paths.locales, lang).t('typography.quotes');
      expect(quotes, lang).toContain('…');
    }
    expect(quotePair(loadLocale(paths.locales, 'fr').t('typography.quotes'))).toEqual({ open: '«\u00a0', close: '\u00a0»' });
  });

  it('accepts each language its own marks and nested marks', () => {
    const ok: Record<Lang, string> = {
      en: 'the report “Strategic planning in the ‘United Nations’ system”',
      fr: 'le rapport «\u00a0Planification “stratégique” du système\u00a0»',
      es: 'el informe «La planificación “estratégica” del sistema»',
      ru: 'доклад «Стратегическое „планирование“ в системе»',
      ar: 'تقرير «التخطيط الاستراتيجي في منظومة الأمم المتحدة»',
      zh: '关于“联合国系统‘战略’规划”的报告',
    };
    for (const lang of LANGS) expect(quoteMessages(ok[lang], lang), lang).toEqual([]);
  });

  it('flags straight quotes and another language’s marks at their place, with the fix', () => {
    const [ru] = quoteMessages('доклад "Стратегическое планирование"', 'ru');
    expect(ru).toMatch(/^9:8 Quotation mark """ is not how русский quotes. Write русский quotation marks: «…», and „…“ inside a quotation/);
    expect(quoteMessages('доклад “Стратегическое планирование”', 'ru')).toHaveLength(2);
    expect(quoteMessages('the report «Strategic planning»', 'en')).toHaveLength(2);
    expect(quoteMessages('el informe “La planificación”', 'es')).toHaveLength(2);
  });

  it('wants the no-break spaces inside French marks', () => {
    const messages = quoteMessages('le rapport « Planification »', 'fr');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^9:12 .*«⍽…⍽».*no-break space, U\+00A0/);
    expect(quoteMessages('le rapport «Planification»', 'fr')).toHaveLength(2);
  });

  it('follows a quotation across revision marks and into table cells and footnotes', () => {
    expect(quoteMessages('doklad «{--старое--}{++новое++}»', 'ru')).toEqual([]);
    expect(quoteMessages('| a |\n|---|\n| "b" |', 'ru')).toHaveLength(2);
    expect(quoteMessages('текст[^1]\n\n[^1]: "сноска"', 'ru')).toHaveLength(2);
    expect(quoteMessages('::::summary\n:::part{key=purpose}\nцель "доклада"\n:::\n::::', 'ru')).toHaveLength(2);
  });

  it('wants a nested quotation in the nested marks', () => {
    expect(misplacedQuotes('«a «b» c»', [quotePair('«…»'), quotePair('„…“')]).map((p) => p.index)).toEqual([3]);
  });

  it('passes every document of the project', () => {
    const result = checkProject(paths.root, {});
    const quotes = result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'quotation-marks').map((m) => `${f.path}:${m.line}`));
    expect(quotes).toEqual([]);
  });
});
