import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

/**
 * UI strings: Simplified Chinese first, English available. Each feature declares its strings
 * with `defineMessages` (zh-CN and en side by side, checked by the compiler to have the same
 * keys) and reads them with `useT`. `{name}` placeholders are filled from `vars`.
 */
export type Locale = 'zh-CN' | 'en';

export interface MessageCatalog<K extends string> {
  'zh-CN': Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(
  zh: Record<K, string>,
  en: Record<K, string>,
): MessageCatalog<K> {
  return { 'zh-CN': zh, en };
}

export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

const LOCALE_KEY = 'gongfu-monitor.locale';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

function initialLocale(): Locale {
  let locale: Locale = 'zh-CN';
  try {
    locale = localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Private mode: Chinese.
  }
  // Set before the first render, so that anything reading the page language agrees with it.
  document.documentElement.lang = locale;
  return locale;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = next;
  }, []);
  useEffect(() => {
    // The page's language follows the UI's, for screen readers and for number words (百分点/pp).
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function useT<K extends string>(catalog: MessageCatalog<K>) {
  const { locale } = useLocale();
  return useCallback(
    (key: K, vars?: Record<string, string | number>) => format(catalog[locale][key], vars),
    [catalog, locale],
  );
}
