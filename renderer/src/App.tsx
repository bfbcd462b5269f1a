import { Suspense, useEffect, useState, useTransition } from "react";
import type { DossierClient } from "./api/client";
import { loadInventory } from "./api/inventory";
import { InventoryView } from "./components/InventoryView";
import { LanguageSelect } from "./components/LanguageSelect";
import { locales, strings, type Language } from "./i18n";
import { readSavedLanguage, saveLanguage } from "./language";

export function App({ client }: { client: DossierClient }) {
  const [language, setLanguage] = useState<Language>(readSavedLanguage);
  const [inventory, setInventory] = useState(() => loadInventory(client));
  const [isRefreshing, startRefresh] = useTransition();
  const text = strings[language];

  useEffect(() => {
    document.documentElement.lang = language;
    saveLanguage(language);
  }, [language]);

  // In a transition React keeps the current lists on screen until the new
  // ones arrive, instead of falling back to the loading message.
  function refresh(): void {
    startRefresh(() => setInventory(loadInventory(client)));
  }

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{text.appTitle}</h1>
          <p className="subtitle">{text.appSubtitle}</p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            onClick={refresh}
            disabled={isRefreshing}
            aria-busy={isRefreshing}
          >
            {isRefreshing ? text.refreshing : text.refresh}
          </button>
          <LanguageSelect
            language={language}
            text={text}
            onChange={setLanguage}
          />
        </div>
      </header>
      <main>
        <Suspense fallback={<p role="status">{text.loading}</p>}>
          <InventoryView
            inventory={inventory}
            text={text}
            locale={locales[language]}
          />
        </Suspense>
      </main>
    </div>
  );
}
