/**
 * The resolution titles and names of content/ms-proposals-example in each language, as a reader of
 * the marked copy sees them: struck text in [-…-], underlined text in {+…+}. One proposal each:
 * ADD of draft new Resolution [XXX], MOD of Resolution 154, SUP of Resolution 66.
 */
import type { Lang } from '../../scripts/i18n/languages.js';

export const EXAMPLE_TITLES: Record<Lang, [draft: string, mod: string, sup: string]> = {
  en: [
    'DRAFT NEW RESOLUTION [XXX] (BUCHAREST, 2022)',
    'RESOLUTION 154 (REV. [-DUBAI, 2018-]{+BUCHAREST, 2022+})',
    'RESOLUTION 66 (REV. DUBAI, 2018)',
  ],
  fr: [
    'PROJET DE NOUVELLE RÉSOLUTION [XXX] (BUCAREST, 2022)',
    'RÉSOLUTION 154 (RÉV. [-DUBAÏ, 2018-]{+BUCAREST, 2022+})',
    'RÉSOLUTION 66 (RÉV. DUBAÏ, 2018)',
  ],
  es: [
    'PROYECTO DE NUEVA RESOLUCIÓN [XXX] (BUCAREST, 2022)',
    'RESOLUCIÓN 154 (REV. [-DUBÁI, 2018-]{+BUCAREST, 2022+})',
    'RESOLUCIÓN 66 (REV. DUBÁI, 2018)',
  ],
  ru: [
    'ПРОЕКТ НОВОЙ РЕЗОЛЮЦИИ [XXX] (БУХАРЕСТ, 2022 г.)',
    'РЕЗОЛЮЦИЯ 154 (ПЕРЕСМ. [-ДУБАЙ, 2018 г.-]{+БУХАРЕСТ, 2022 г.+})',
    'РЕЗОЛЮЦИЯ 66 (ПЕРЕСМ. ДУБАЙ, 2018 г.)',
  ],
  zh: [
    '新决议草案[XXX]（2022年，布加勒斯特）',
    '第154号决议（[-2018年，迪拜-]{+2022年，布加勒斯特+}，修订版）',
    '第66号决议（2018年，迪拜，修订版）',
  ],
  ar: [
    'مشروع قرار جديد [XXX] (بوخارست، 2022)',
    'القرار 154 (المراجَع في [-دبي، 2018-]{+بوخارست، 2022+})',
    'القرار 66 (المراجَع في دبي، 2018)',
  ],
};

export const EXAMPLE_NAMES: Record<Lang, [draft: string, mod: string, sup: string]> = {
  en: [
    'Conference documents in open and accessible formats',
    'Use of the six official languages of the Union on an equal footing',
    'Documents and publications of the Union',
  ],
  fr: [
    'Documents des conférences dans des formats ouverts et accessibles',
    "Utilisation des six langues officielles de l'Union sur un pied d'égalité",
    "Documents et publications de l'Union",
  ],
  es: [
    'Documentos de las conferencias en formatos abiertos y accesibles',
    'Utilización de los seis idiomas oficiales de la Unión en igualdad de condiciones',
    'Documentos y publicaciones de la Unión',
  ],
  ru: [
    'Документы конференций в открытых и доступных форматах',
    'Использование шести официальных языков Союза на равной основе',
    'Документы и публикации Союза',
  ],
  zh: ['以开放和无障碍格式发布的大会文件', '在平等基础上使用国际电联的六种正式语文', '国际电联的文件和出版物'],
  ar: ['وثائق المؤتمرات في أنساق مفتوحة ومتاحة', 'استخدام اللغات الرسمية الست للاتحاد على قدم المساواة', 'وثائق الاتحاد ومنشوراته'],
};

/** A marked title as one reading prints it. */
export function titleIn(marked: string, reading: 'accepted' | 'rejected' | 'both'): string {
  if (reading === 'both') return marked.replace(/\[-(.*?)-\]/g, '$1').replace(/\{\+(.*?)\+\}/g, '$1');
  const [drop, keep] = reading === 'accepted' ? [/\[-.*?-\]/g, /\{\+(.*?)\+\}/g] : [/\{\+.*?\+\}/g, /\[-(.*?)-\]/g];
  return marked.replace(drop, '').replace(keep, '$1');
}
