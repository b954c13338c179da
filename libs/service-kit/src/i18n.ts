/**
 * User-facing text is bilingual, written once as "中文 / English". zh-CN is the primary
 * language; `Accept-Language: en…` picks the English half.
 */
export type Language = 'zh-CN' | 'en';

export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function localize(text: string, language: Language): string {
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  return language === 'en' ? parts[1] : parts[0];
}
