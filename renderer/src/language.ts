import { defaultLanguage, isLanguage, type Language } from "./i18n";

const storageKey = "dossier.language";

/** Returns the language chosen earlier, or the default when none was saved. */
export function readSavedLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    return isLanguage(saved) ? saved : defaultLanguage;
  } catch {
    // Storage can be disabled; the choice then lasts until the window closes.
    return defaultLanguage;
  }
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // See readSavedLanguage.
  }
}
