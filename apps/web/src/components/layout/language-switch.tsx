import { useLanguage } from '@/lib/i18n/i18n-provider';
import type { Language } from '@/lib/i18n/language';

const choices: { language: Language; label: string }[] = [
  { language: 'ja', label: '日本語' },
  { language: 'en', label: 'English' },
];

/** 日本語 / English. Each choice is written in its own language so that anyone can find theirs. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset.
    <div role="group" aria-label="表示言語 / Language" className="flex items-center gap-1">
      {choices.map((choice) => {
        const isCurrent = choice.language === language;
        return (
          <button
            key={choice.language}
            type="button"
            lang={choice.language}
            aria-pressed={isCurrent}
            onClick={() => setLanguage(choice.language)}
            className={`rounded-6 px-3 py-1.5 text-oln-16N-100 ${
              isCurrent
                ? 'bg-blue-900 font-bold text-white'
                : 'text-blue-900 underline underline-offset-[3px] hover:bg-blue-50'
            }`}
          >
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
