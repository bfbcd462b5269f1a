import {
  isLanguage,
  languages,
  strings,
  type Language,
  type Strings,
} from "../i18n";

type LanguageSelectProps = {
  language: Language;
  text: Strings;
  onChange: (language: Language) => void;
};

export function LanguageSelect({
  language,
  text,
  onChange,
}: LanguageSelectProps) {
  return (
    <div className="language-select">
      <label htmlFor="language">{text.language}</label>
      <select
        id="language"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) {
            onChange(event.target.value);
          }
        }}
      >
        {languages.map((option) => (
          <option key={option} value={option} lang={option}>
            {strings[option].languageName}
          </option>
        ))}
      </select>
    </div>
  );
}
